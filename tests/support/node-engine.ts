import { loadEditedModule } from '../../src/engine/edited-module.ts';
import { editedModuleDependencies } from './edited-module-node.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { parse as parseYaml } from 'yaml';
import { exampleSchema, type ExampleDefinition } from '../../src/content/example-schema.ts';
import type { DatasetSql } from '../../src/engine/dataset-loader.ts';
import { seedDataset } from '../../src/engine/dataset-loader.ts';
import { datasetExtensions } from '../../src/engine/dataset-extensions.ts';
import type { VariantFunction } from '../../src/engine/example-context.ts';
import type { EngineDependencies } from '../../src/engine/playground-engine.ts';
import { contribExtensions } from '../../src/engine/contrib-extensions.ts';
import { nextMacrotask } from '../../src/simulation/next-macrotask.ts';
import { projectRoot } from './content-files.ts';

const contentUrl = new URL('content/', projectRoot);

export function readDatasetSql(name: string): DatasetSql {
  const read = (file: string) => readFileSync(new URL(`datasets/${name}/${file}`, contentUrl), 'utf8');
  return { schema: read('schema.sql'), seed: read('seed.sql') };
}

/** The PGlite extensions that the named datasets' schemas create, to boot them or a dump of them. */
export function datasetsContribExtensions(datasets: readonly string[]) {
  return contribExtensions(datasets.flatMap((name) => datasetExtensions(readDatasetSql(name).schema)));
}

/** A fresh PGlite holding the named datasets, seeded from their SQL, with the extensions they create. */
export async function seededPGlite(...datasets: string[]): Promise<PGlite> {
  const pglite = await PGlite.create({ extensions: datasetsContribExtensions(datasets) });
  for (const name of datasets) await seedDataset(pglite, name, readDatasetSql(name));
  return pglite;
}

/** Loads a variant module exactly as it is on disk: the same file the page shows. */
export async function loadVariant(example: string, variant: string): Promise<VariantFunction> {
  const module = (await import(`../../content/examples/${example}/${variant}.ts`)) as {
    default: VariantFunction;
  };
  return module.default;
}

export interface ExampleOnDisk {
  id: string;
  definition: ExampleDefinition;
}

export function readExamples(): ExampleOnDisk[] {
  const dir = new URL('examples/', contentUrl);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      id: entry.name,
      definition: exampleSchema.parse(
        parseYaml(readFileSync(new URL(`${entry.name}/example.yaml`, dir), 'utf8')),
      ),
    }));
}

/** The engine's dependencies in Node: real PGlite, files from content/, no archive unless given. */
export function nodeEngineDependencies(archives: Record<string, Blob> = {}): EngineDependencies {
  return {
    createPGlite: ({ archive, extensions }) =>
      PGlite.create({
        ...(archive ? { loadDataDir: archive } : {}),
        extensions: contribExtensions(extensions),
      }),
    datasetArchive: async (name) => {
      const archive = archives[name];
      return archive ? { archive, extensions: datasetExtensions(readDatasetSql(name).schema) } : undefined;
    },
    datasetSql: async (name) => readDatasetSql(name),
    variantModule: loadVariant,
    sourceModule: (source) => loadEditedModule(source, editedModuleDependencies),
    nextMacrotask,
  };
}
