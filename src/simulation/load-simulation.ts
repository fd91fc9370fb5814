import type { VirtualClock } from './virtual-clock.ts';

/** A request-level simulation an example can opt into with `load:` in its example.yaml. */
export interface LoadConfig {
  /** How many requests the app server handles at once (processes × threads). */
  workers: number;
  /** Mean arrival rate; arrivals are a Poisson process drawn from the seed. */
  arrivalsPerSecond: number;
  /** The load balancer's timeout: a request not answered by then fails for the client (504). */
  requestTimeoutMs: number;
  /** The mix of routes, e.g. 10 % checkout (which calls the slow upstream), 90 % home. */
  routes: { name: string; share: number }[];
}

/** What the handler (the variant) is told about the request it serves. */
export interface LoadRequest {
  index: number;
  route: string;
  arrivedAtMs: number;
}

export interface LoadRecord extends LoadRequest {
  startedAtMs: number;
  /** When the worker finished with it (it may finish after the client gave up). */
  finishedAtMs: number;
  worker: number;
  /** `ok`; `failed` (the handler threw); `timed-out` (the client gave up first). */
  outcome: 'ok' | 'failed' | 'timed-out';
  /** What the client saw: until the answer, or until the load balancer's timeout. */
  latencyMs: number;
  error?: string;
}

/**
 * Runs `requests` simulated requests against a pool of workers on the virtual clock. A request
 * waits in line for a free worker (as at a gunicorn or uWSGI socket), holds it until its handler
 * returns, and fails for the client if that takes longer than the load balancer allows, while
 * the worker stays busy with it.
 */
export async function simulateLoad(
  config: LoadConfig,
  requests: number,
  clock: VirtualClock,
  random: () => number,
  handle: (request: LoadRequest) => Promise<unknown>,
): Promise<LoadRecord[]> {
  const start = clock.now();
  const arrivals = planArrivals(config, requests, random).map((request) => ({
    ...request,
    arrivedAtMs: start + request.arrivedAtMs,
  }));
  const pool = new WorkerPool(config.workers);
  return Promise.all(
    arrivals.map(async (request): Promise<LoadRecord> => {
      await clock.sleep(request.arrivedAtMs - start);
      const worker = await pool.acquire();
      const startedAtMs = clock.now();
      let error: string | undefined;
      try {
        await handle(request);
      } catch (thrown) {
        error = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
      } finally {
        pool.release(worker);
      }
      const finishedAtMs = clock.now();
      const deadline = request.arrivedAtMs + config.requestTimeoutMs;
      const timedOut = finishedAtMs > deadline;
      return {
        ...request,
        startedAtMs,
        finishedAtMs,
        worker,
        outcome: timedOut ? 'timed-out' : error ? 'failed' : 'ok',
        latencyMs: Math.min(finishedAtMs, deadline) - request.arrivedAtMs,
        ...(error ? { error } : {}),
      };
    }),
  );
}

/** Arrival times and routes, drawn once from the seed before anything runs. */
export function planArrivals(config: LoadConfig, requests: number, random: () => number): LoadRequest[] {
  const meanGapMs = 1000 / config.arrivalsPerSecond;
  const totalShare = config.routes.reduce((sum, route) => sum + route.share, 0);
  const planned: LoadRequest[] = [];
  let at = 0;
  for (let index = 0; index < requests; index++) {
    if (index > 0) at += -Math.log(1 - random()) * meanGapMs;
    let pick = random() * totalShare;
    const route = config.routes.find((candidate) => (pick -= candidate.share) < 0) ?? config.routes.at(-1)!;
    planned.push({ index, route: route.name, arrivedAtMs: at });
  }
  return planned;
}

/** Workers handed out first come, first served; no clock needed, a release hands over at once. */
class WorkerPool {
  readonly #free: number[];
  readonly #waiting: ((worker: number) => void)[] = [];

  constructor(size: number) {
    this.#free = Array.from({ length: size }, (_, index) => index);
  }

  acquire(): Promise<number> {
    const worker = this.#free.shift();
    if (worker !== undefined) return Promise.resolve(worker);
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  release(worker: number): void {
    const next = this.#waiting.shift();
    if (next) next(worker);
    else this.#free.push(worker);
  }
}
