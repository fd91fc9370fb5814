/// <reference lib="webworker" />
// The engine's dependencies in the browser: the build's dataset manifest, the archives it names,
// PGlite's WebAssembly compiled once and shared by every PGlite of this worker, and the variant
// modules as lazily loaded chunks.
import { PGlite } from '@electric-sql/pglite';
import pgliteWasmUrl from '@electric-sql/pglite/pglite.wasm?url';
import pgliteDataUrl from '@electric-sql/pglite/pglite.data?url';
import { nextMacrotask } from '../simulation/next-macrotask.ts';
import { gunzip, isGzip, NO_INITDB } from './archive-download.ts';
import { contribExtensions } from './contrib-extensions.ts';
import type { BootSteps } from './database-pool.ts';
import { loadEditedModule } from './edited-module.ts';
import type { VariantFunction } from './example-context.ts';
import { PlaygroundEngine } from './playground-engine.ts';

/** What scripts/build-datasets.mjs writes to src/generated/datasets.json. */
interface DatasetManifest {
  [name: string]: { archive: string; bytes: number; extensions?: string[]; warmUpSql: string };
}

// Absent before the first build (and in `astro check` on a fresh checkout): then every dataset is
// seeded from its SQL.
const manifests = import.meta.glob<DatasetManifest>('/src/generated/datasets.json', {
  eager: true,
  import: 'default',
});
const manifest: DatasetManifest = Object.values(manifests)[0] ?? {};

// Vite turns these into lazily loaded chunks: a page only downloads the variants it runs.
const variantModules = import.meta.glob<{ default: VariantFunction }>('/content/examples/*/*.ts');
const datasetFiles = import.meta.glob<string>('/content/datasets/*/*.sql', {
  query: '?raw',
  import: 'default',
});

// The datasets whose type modules edited code may import.
const datasetNames = [...new Set(Object.keys(datasetFiles).map((path) => path.split('/')[3]!))];

async function readDatasetFile(name: string, file: 'schema' | 'seed'): Promise<string> {
  const load = datasetFiles[`/content/datasets/${name}/${file}.sql`];
  if (!load) throw new Error(`Unknown dataset "${name}"`);
  return load();
}

const timed = async <T>(steps: BootSteps, step: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  try {
    return await work();
  } finally {
    steps[step] = (steps[step] ?? 0) + performance.now() - started;
  }
};

// Compiled once per worker with compileStreaming, which the browser's code cache serves on the
// next page (a hashed, same-origin application/wasm URL); every PGlite of this worker (datasets,
// extra sessions, a restart) instantiates the same module.
let wasmModule: Promise<WebAssembly.Module> | undefined;
let fsBundle: Promise<Blob> | undefined;

/**
 * Starts PGlite's own downloads (and the wasm compile) once per worker, at the start of the first
 * boot: alongside the dataset archive's download rather than after it (they were one after the
 * other, and the worker sat idle through both).
 */
function startPGliteDownloads(): void {
  wasmModule ??= WebAssembly.compileStreaming(fetchOk(pgliteWasmUrl));
  fsBundle ??= fetchOk(pgliteDataUrl).then((response) => response.blob());
  // Not unhandled while the archive downloads; the boot awaits them and reports their failure.
  wasmModule.catch(() => {});
  fsBundle.catch(() => {});
}

// The engine's own downloads use the fetch the worker had before lockdown (src/engine/lockdown.ts).
let engineFetch: typeof fetch = (...args) => fetch(...args);

async function fetchOk(url: string): Promise<Response> {
  const response = await engineFetch(url).catch((error: unknown) => {
    throw new Error(`Could not download ${url}: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

/** The engine with browser dependencies; the worker entry serves it. */
export function createBrowserEngine(options: { fetch: typeof fetch }): PlaygroundEngine {
  engineFetch = options.fetch;
  return new PlaygroundEngine({
    async createPGlite({ archive, extensions, steps }) {
      startPGliteDownloads();
      const [pgliteWasmModule, bundle] = await timed(steps, 'wasm', () =>
        Promise.all([wasmModule!, fsBundle!]),
      );
      return timed(steps, 'start', () =>
        PGlite.create({
          pgliteWasmModule,
          fsBundle: bundle,
          ...(archive ? { loadDataDir: archive, initdbWasmModule: NO_INITDB } : {}),
          extensions: contribExtensions(extensions),
        }),
      );
    },
    async datasetArchive(name, steps) {
      startPGliteDownloads();
      const entry = manifest[name];
      if (!entry) return undefined;
      const downloaded = await timed(steps, 'download', async () =>
        (await fetchOk(`${import.meta.env.BASE_URL}${entry.archive}`)).blob(),
      );
      const tar = (await isGzip(downloaded))
        ? await timed(steps, 'gunzip', () => gunzip(downloaded))
        : downloaded;
      return {
        archive: new Blob([tar], { type: 'application/x-tar' }),
        extensions: entry.extensions ?? [],
        warmUpSql: entry.warmUpSql,
      };
    },
    async datasetSql(name) {
      return { schema: await readDatasetFile(name, 'schema'), seed: await readDatasetFile(name, 'seed') };
    },
    async variantModule(example, variant) {
      const load = variantModules[`/content/examples/${example}/${variant}.ts`];
      if (!load) throw new Error(`Unknown variant "${example}/${variant}"`);
      return (await load()).default;
    },
    sourceModule(source) {
      return loadEditedModule(source, {
        async importFactory(factorySource) {
          const url = URL.createObjectURL(new Blob([factorySource], { type: 'text/javascript' }));
          try {
            return await import(/* @vite-ignore */ url);
          } finally {
            URL.revokeObjectURL(url);
          }
        },
        kysely: () => import('kysely'),
        datasets: datasetNames,
      });
    },
    nextMacrotask,
  });
}
