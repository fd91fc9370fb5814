import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { variantToJavaScript } from '../../src/client/transpile-variant.ts';
import { editedModuleDependencies } from './edited-module-node.ts';
import { loadEditedModule } from '../../src/engine/edited-module.ts';
import type { ScriptablePGlite } from '../../src/engine/dataset-loader.ts';
import { seedDataset } from '../../src/engine/dataset-loader.ts';
import type { VariantFunction } from '../../src/engine/example-context.ts';
import type { QueryablePGlite } from '../../src/engine/recording-pglite.ts';
import type { ExampleDefinition } from '../../src/content/example-schema.ts';
import { projectRoot } from './content-files.ts';
import { datasetsContribExtensions, loadVariant, readDatasetSql, seededPGlite } from './node-engine.ts';
import { pgAsPGlite, postgresBinDir, startPostgres } from './real-postgres.ts';

export type TestDatabase = ScriptablePGlite & QueryablePGlite;

export interface OpenBackend {
  database: TestDatabase;
  /** Extra server sessions for `dataset` (the engine's `sessions` for runVariant). */
  sessions(dataset: string, count: number): Promise<QueryablePGlite[]>;
  close(): Promise<void>;
}

/**
 * The seeded data directory of a set of datasets as an uncompressed tar, dumped once per test
 * file right after the first PGlite was seeded from their SQL. The other PGlite backend and every
 * extra session boot from it, as the browser boots from its pre-seeded archive: seeding all eight
 * datasets from SQL costs ≈ 7 s here, booting from the dump ≈ 1.2 s (and an uncompressed dump
 * saves the gzip both ways, ≈ 2 s for all eight).
 */
const seededDumps = new Map<string, Promise<Blob>>();

/** PGlite with these datasets: seeded from SQL the first time in a file, then from that dump. */
async function openPGlite(datasets: readonly string[]): Promise<OpenBackend> {
  const key = datasets.join(',');
  const extensions = datasetsContribExtensions(datasets);
  let pglite: PGlite;
  let dump = seededDumps.get(key);
  if (dump) {
    pglite = await PGlite.create({ loadDataDir: await dump, extensions });
  } else {
    pglite = await seededPGlite(...datasets);
    dump = pglite.dumpDataDir('none');
    seededDumps.set(key, dump);
    await dump;
  }
  // Extra sessions: separate instances booted from the same dump, made on first use and kept.
  const instances: PGlite[] = [];
  return {
    database: pglite,
    async sessions(_dataset, count) {
      while (instances.length < count) {
        instances.push(await PGlite.create({ loadDataDir: await dump, extensions }));
      }
      return instances.slice(0, count);
    },
    async close() {
      for (const instance of instances) await instance.close();
      await pglite.close();
    },
  };
}

/**
 * One place where tests meet PostgreSQL: every suite that checks the examples loops over this
 * list, the way kysely's tests loop over DIALECTS. A backend is a database, a way to load a
 * variant, and the sizes it checks (the slow ones check fewer).
 */
export interface Backend {
  name: string;
  /** Why the backend cannot run here, or undefined when it can. */
  unavailable?: string;
  open(datasets: readonly string[]): Promise<OpenBackend>;
  loadVariant(example: string, variant: string): Promise<VariantFunction>;
  sizes(definition: ExampleDefinition): number[];
}

const smallest = (definition: ExampleDefinition) => Math.min(...definition.n.choices);
const largest = (definition: ExampleDefinition) => Math.max(...definition.n.choices);
const distinct = (values: number[]) => [...new Set(values)];

const binDir = postgresBinDir();

export const BACKENDS: readonly Backend[] = [
  {
    name: 'PGlite in Node',
    open: openPGlite,
    loadVariant,
    // The counts must follow n: the smallest and the largest size here, the default on the other
    // two backends (and in Chromium, tests/e2e/playground.spec.ts), so PGlite sees all three.
    sizes: (definition) => distinct([smallest(definition), largest(definition)]),
  },
  {
    name: 'PostgreSQL server',
    unavailable: binDir ? undefined : 'no PostgreSQL server binaries (install postgresql or set PG_BIN_DIR)',
    async open(datasets) {
      const server = await startPostgres(binDir!);
      const database = pgAsPGlite(server.client);
      for (const name of datasets) await seedDataset(database, name, readDatasetSql(name));
      // On a real server, extra sessions are more connections: separate sessions, shared data.
      const clients: ReturnType<typeof pgAsPGlite>[] = [];
      return {
        database,
        async sessions(_dataset, count) {
          while (clients.length < count) clients.push(pgAsPGlite(await server.connect()));
          return clients.slice(0, count);
        },
        close: () => server.stop(),
      };
    },
    loadVariant,
    sizes: (definition) => [definition.n.default],
  },
  {
    // Edited code takes another path than the shipped modules: TypeScript → JavaScript in the
    // page, then import() from source in the worker. Every shipped variant taken that way must
    // behave exactly as its module does, here at the default size.
    name: 'edited-code path on PGlite',
    open: openPGlite,
    async loadVariant(example, variant) {
      const typescript = readFileSync(
        new URL(`content/examples/${example}/${variant}.ts`, projectRoot),
        'utf8',
      );
      return loadEditedModule(await variantToJavaScript(typescript), editedModuleDependencies);
    },
    sizes: (definition) => [definition.n.default],
  },
];
