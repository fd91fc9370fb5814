import { canonicalResult, resultHash } from '../analysis/canonical-result.ts';
import { toVariantError } from '../analysis/variant-error.ts';
import { hasDataset, seedDataset, type DatasetSql, type ScriptablePGlite } from './dataset-loader.ts';
import type { VariantFunction } from './example-context.ts';
import type { EngineRequest, EngineResponse, PrepareTimings, VariantReport } from './protocol.ts';
import { measureEngine, warmUp } from './measure-engine.ts';
import { runVariant } from './run-variant.ts';

/** Everything the engine needs from its surroundings, injected so Node tests can run it. */
export interface EngineDependencies {
  /** Starts PGlite, from a pre-seeded data directory when one is given. */
  createPGlite(loadDataDir?: Blob): Promise<ScriptablePGlite>;
  /** The dataset's pre-seeded data directory, or undefined when there is none (dev server). */
  datasetArchive(name: string): Promise<Blob | undefined>;
  datasetSql(name: string): Promise<DatasetSql>;
  variantModule(example: string, variant: string): Promise<VariantFunction>;
  sourceModule(source: string): Promise<VariantFunction>;
}

const PREVIEW_CHARS = 2_000;
/** Enough for the browser to optimise PGlite's hot paths (see warmUp), within a time budget. */
const WARM_UP = { queries: 500, ms: 300 };

/**
 * The playground's engine: one PGlite, any number of datasets (one schema each), and a queue so
 * that runs never overlap. It has no DOM and no worker code; worker-entry.ts wires it to
 * `postMessage`.
 */
export class PlaygroundEngine {
  readonly #deps: EngineDependencies;
  #pglite?: Promise<ScriptablePGlite>;
  readonly #datasets = new Map<string, Promise<PrepareTimings>>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(deps: EngineDependencies) {
    this.#deps = deps;
  }

  /** Answers one request. Never rejects: failures come back as `{ type: 'error' }`. */
  handle(request: EngineRequest): Promise<EngineResponse> {
    const answer = this.#queue.then(() => this.#answer(request));
    this.#queue = answer;
    return answer;
  }

  async #answer(request: EngineRequest): Promise<EngineResponse> {
    try {
      switch (request.type) {
        case 'prepare':
          return { type: 'prepared', id: request.id, timings: await this.#prepare(request.dataset) };
        case 'run':
          return { type: 'ran', id: request.id, report: await this.#run(request) };
        case 'measure':
          await this.#prepare(request.dataset);
          return {
            type: 'measured',
            id: request.id,
            figures: await measureEngine(await this.#pglite!, request),
          };
        default:
          throw new Error(`Unknown request type "${(request as { type: string }).type}"`);
      }
    } catch (error) {
      return { type: 'error', id: request.id, error: toVariantError(error) };
    }
  }

  #prepare(dataset: string): Promise<PrepareTimings> {
    let prepared = this.#datasets.get(dataset);
    if (!prepared) {
      prepared = this.#load(dataset);
      this.#datasets.set(dataset, prepared);
      // A failed load may be retried by the next request.
      prepared.catch(() => this.#datasets.delete(dataset));
    }
    return prepared;
  }

  async #load(dataset: string): Promise<PrepareTimings> {
    let bootMs = 0;
    if (!this.#pglite) {
      // The first dataset decides how PGlite boots: from its pre-seeded directory if it has one.
      const started = performance.now();
      const archive = await this.#deps.datasetArchive(dataset);
      this.#pglite = this.#deps.createPGlite(archive);
      this.#pglite.catch(() => (this.#pglite = undefined));
      await this.#pglite;
      bootMs = performance.now() - started;
    }
    const pglite = await this.#pglite;
    const fromArchive = await hasDataset(pglite, dataset);
    let started = performance.now();
    if (!fromArchive) await seedDataset(pglite, dataset, await this.#deps.datasetSql(dataset));
    const seedMs = fromArchive ? 0 : performance.now() - started;
    started = performance.now();
    if (bootMs > 0) await warmUp(pglite, dataset, WARM_UP);
    return { bootMs, seedMs, warmUpMs: performance.now() - started, fromArchive };
  }

  async #run(request: Extract<EngineRequest, { type: 'run' }>): Promise<VariantReport> {
    await this.#prepare(request.dataset);
    const pglite = await this.#pglite!;
    const variant = request.source
      ? await this.#deps.sourceModule(request.source)
      : await this.#deps.variantModule(request.example, request.variant);
    if (typeof variant !== 'function') {
      throw new TypeError(`${request.example}/${request.variant} does not export a default function`);
    }
    const run = await runVariant(pglite, {
      dataset: request.dataset,
      n: request.n,
      variant,
      autocommit: request.autocommit,
    });
    if (!run.outcome.ok) return { log: run.log, wallMs: run.wallMs, result: run.outcome };
    const canonical = canonicalResult(run.outcome.value);
    return {
      log: run.log,
      wallMs: run.wallMs,
      result: {
        ok: true,
        hash: resultHash(canonical),
        preview: canonical.length > PREVIEW_CHARS ? `${canonical.slice(0, PREVIEW_CHARS)}…` : canonical,
        ...(Array.isArray(run.outcome.value) ? { items: run.outcome.value.length } : {}),
      },
    };
  }
}
