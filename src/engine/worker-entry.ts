/// <reference lib="webworker" />
// The playground worker: a thin shell that serves PlaygroundEngine on this worker's messages.
// One worker per page runs PGlite, Kysely and the variant code together, so a query costs no
// cross-thread hop.
import { PGlite } from '@electric-sql/pglite';
import { contribExtensions } from './contrib-extensions.ts';
import { serveEngine, type EngineEndpoint } from './engine-protocol.ts';
import type { VariantFunction } from './example-context.ts';
import { PlaygroundEngine } from './playground-engine.ts';
import { nextMacrotask } from '../simulation/next-macrotask.ts';

declare const self: DedicatedWorkerGlobalScope;

// Vite turns these into lazily loaded chunks: a page only downloads the variants it runs.
const variantModules = import.meta.glob<{ default: VariantFunction }>('/content/examples/*/*.ts');
const datasetFiles = import.meta.glob<string>('/content/datasets/*/*.sql', {
  query: '?raw',
  import: 'default',
});

async function readDatasetFile(name: string, file: 'schema' | 'seed'): Promise<string> {
  const load = datasetFiles[`/content/datasets/${name}/${file}.sql`];
  if (!load) throw new Error(`Unknown dataset "${name}"`);
  return load();
}

const engine = new PlaygroundEngine({
  createPGlite: ({ archive, extensions }) =>
    PGlite.create({
      ...(archive ? { loadDataDir: archive } : {}),
      extensions: contribExtensions(extensions),
    }),
  async datasetArchive(name) {
    const response = await fetch(`${import.meta.env.BASE_URL}datasets/${name}.tar.gz`);
    return response.ok ? response.blob() : undefined;
  },
  async datasetSql(name) {
    return { schema: await readDatasetFile(name, 'schema'), seed: await readDatasetFile(name, 'seed') };
  },
  async variantModule(example, variant) {
    const load = variantModules[`/content/examples/${example}/${variant}.ts`];
    if (!load) throw new Error(`Unknown variant "${example}/${variant}"`);
    return (await load()).default;
  },
  async sourceModule(source) {
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    try {
      return ((await import(/* @vite-ignore */ url)) as { default: VariantFunction }).default;
    } finally {
      URL.revokeObjectURL(url);
    }
  },
  nextMacrotask,
});

serveEngine(engine, self as unknown as EngineEndpoint);
