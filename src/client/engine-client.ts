import type { EngineRequest, EngineResponse, PrepareTimings, VariantReport } from '../engine/protocol.ts';
import type { VariantError } from '../analysis/variant-error.ts';

/** A run that did not finish in time; the worker was terminated to stop it. */
export class VariantTimeoutError extends Error {
  override name = 'VariantTimeoutError';
  constructor(readonly limitMs: number) {
    super(`Stopped after ${limitMs / 1000} s: the code did not finish.`);
  }
}

/** A failure the engine reported as data (unknown dataset, broken module, …). */
export class EngineError extends Error {
  override name = 'EngineError';
  constructor(readonly error: VariantError) {
    super(error.message);
  }
}

/** What the first `prepare` of a worker cost, split into its steps (milliseconds). */
export interface ColdStart extends PrepareTimings {
  /** From creating the worker to its first answer, less the engine's own boot and seed. */
  workerStartMs: number;
  totalMs: number;
}

type Pending = { resolve: (response: EngineResponse) => void; reject: (error: Error) => void };
type RunRequest = Omit<Extract<EngineRequest, { type: 'run' }>, 'type' | 'id'>;

/**
 * The page's side of the playground worker: one worker per page, shared by every playground on
 * it. Requests are matched to answers by id. A request that outlives its time limit terminates
 * the worker (the only way to stop a synchronous endless loop); the next request starts a fresh
 * one, with fresh data.
 */
export class EngineClient {
  #worker?: Worker;
  #createdAt = 0;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  /** Datasets the current worker has prepared (or is preparing). */
  #prepared = new Map<string, Promise<PrepareTimings>>();
  /** The last cold start's figures, for the bench and the pane's footnote. */
  lastColdStart?: ColdStart;

  prepare(dataset: string): Promise<PrepareTimings> {
    let prepared = this.#prepared.get(dataset);
    if (!prepared) {
      const cold = !this.#worker;
      prepared = this.#send({ type: 'prepare', id: 0, dataset }, 120_000).then((response) => {
        if (response.type !== 'prepared') throw unexpected(response);
        if (cold || response.timings.bootMs > 0) {
          const totalMs = performance.now() - this.#createdAt;
          const { bootMs, seedMs, warmUpMs } = response.timings;
          this.lastColdStart = {
            ...response.timings,
            totalMs,
            workerStartMs: totalMs - bootMs - seedMs - warmUpMs,
          };
          // User Timing entries, so the bench (or DevTools) can read the split without hooks.
          const start = this.#createdAt;
          performance.measure('round-trip:worker-start', {
            start,
            duration: this.lastColdStart.workerStartMs,
          });
          performance.measure('round-trip:boot', {
            start: start + this.lastColdStart.workerStartMs,
            duration: bootMs,
          });
          performance.measure('round-trip:seed', {
            start: start + this.lastColdStart.workerStartMs + bootMs,
            duration: seedMs,
          });
          performance.measure('round-trip:warm-up', {
            start: start + totalMs - warmUpMs,
            duration: warmUpMs,
          });
        }
        return response.timings;
      });
      prepared.catch(() => this.#prepared.delete(dataset));
      this.#prepared.set(dataset, prepared);
    }
    return prepared;
  }

  async run(request: RunRequest, limitMs: number): Promise<VariantReport> {
    await this.prepare(request.dataset);
    const response = await this.#send({ type: 'run', id: 0, ...request }, limitMs);
    if (response.type !== 'ran') throw unexpected(response);
    return response.report;
  }

  #send(request: EngineRequest, limitMs: number): Promise<EngineResponse> {
    const worker = this.#ensureWorker();
    const id = this.#nextId++;
    return new Promise<EngineResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#restart(new VariantTimeoutError(limitMs));
      }, limitMs);
      this.#pending.set(id, {
        resolve: (response) => {
          clearTimeout(timer);
          resolve(response);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      worker.postMessage({ ...request, id });
    });
  }

  #ensureWorker(): Worker {
    if (!this.#worker) {
      this.#createdAt = performance.now();
      this.#worker = new Worker(new URL('../engine/worker-entry.ts', import.meta.url), {
        type: 'module',
        name: 'round-trip-playground',
      });
      this.#worker.addEventListener('message', (event: MessageEvent<EngineResponse>) => {
        const pending = this.#pending.get(event.data.id);
        this.#pending.delete(event.data.id);
        pending?.resolve(event.data);
      });
      this.#worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.#restart(
          new Error(`The playground worker failed to start: ${event.message || 'unknown error'}`),
        );
      });
    }
    return this.#worker;
  }

  /** Terminates the worker and fails everything in flight; the next request starts afresh. */
  #restart(reason: Error) {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#prepared = new Map();
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const request of pending) request.reject(reason);
  }
}

function unexpected(response: EngineResponse): Error {
  return response.type === 'error'
    ? new EngineError(response.error)
    : new Error(`Unexpected answer ${response.type}`);
}

let shared: EngineClient | undefined;

/** The one client (and so the one worker and one PGlite) of this page. */
export function pageEngineClient(): EngineClient {
  shared ??= new EngineClient();
  return shared;
}
