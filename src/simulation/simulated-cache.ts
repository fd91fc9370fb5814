import type { LatencySpec } from './latency-distribution.ts';
import { jsonBytes, type ServiceEnvironment } from './service-environment.ts';

/**
 * A simulated shared cache (think Redis or Memcached): every get, set and delete is a network
 * round trip with the declared latency, values are stored serialized (a get returns a copy), and
 * entries expire on the virtual clock. It starts empty for every run.
 *
 * @example
 * const cached = await cache.get(`report:${tenantId}`);
 * if (cached === undefined) await cache.set(`report:${tenantId}`, report, { ttlMs: 60_000 });
 */
export class SimulatedCache {
  readonly #env: ServiceEnvironment;
  readonly #latency: LatencySpec;
  readonly #entries: Map<string, { json: string; expiresAt: number }>;
  readonly #origin?: 'job';

  constructor(
    env: ServiceEnvironment,
    latency: LatencySpec,
    origin?: 'job',
    entries?: Map<string, { json: string; expiresAt: number }>,
  ) {
    this.#env = env;
    this.#latency = latency;
    this.#origin = origin;
    this.#entries = entries ?? new Map();
  }

  /** The same cache, with calls marked as made by a background job. */
  forJob(): SimulatedCache {
    return new SimulatedCache(this.#env, this.#latency, 'job', this.#entries);
  }

  async get<T = unknown>(key: string): Promise<T | undefined> {
    const [value] = await this.#roundTrip(`get ${key}`, () => [this.#read<T>(key)]);
    return value;
  }

  /** Several keys in one round trip (MGET). */
  async getMany<T = unknown>(keys: readonly string[]): Promise<Map<string, T>> {
    const found = await this.#roundTrip(`get_many ${keys.length} keys`, () =>
      keys.flatMap((key) => {
        const value = this.#read<T>(key);
        return value === undefined ? [] : [[key, value] as const];
      }),
    );
    return new Map(found);
  }

  async set(key: string, value: unknown, options: { ttlMs?: number } = {}): Promise<void> {
    const json = JSON.stringify(value ?? null);
    await this.#roundTrip(
      `set ${key}`,
      () => {
        this.#entries.set(key, { json, expiresAt: this.#env.clock.now() + (options.ttlMs ?? Infinity) });
        return [];
      },
      json.length,
    );
  }

  async delete(key: string): Promise<void> {
    await this.#roundTrip(`delete ${key}`, () => {
      this.#entries.delete(key);
      return [];
    });
  }

  #read<T>(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#env.clock.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return JSON.parse(entry.json) as T;
  }

  async #roundTrip<R extends readonly unknown[]>(label: string, act: () => R, sentBytes = 0): Promise<R> {
    const { clock } = this.#env;
    const started = clock.now();
    const latency = this.#env.latency('cache', this.#latency);
    // The request travels half the round trip, is served, and the answer travels back.
    await clock.sleep(latency / 2);
    const result = act();
    await clock.sleep(latency / 2);
    const isGet = label.startsWith('get');
    const hits = isGet ? result.length : 0;
    const misses = label.startsWith('get ') ? (result[0] === undefined ? 1 : 0) : 0;
    this.#env.record({
      kind: 'cache',
      label,
      startedAtMs: started,
      simulatedMs: clock.now() - started,
      outcome: !isGet ? 'ok' : misses > 0 ? 'miss' : label.startsWith('get_many') ? `${hits} hits` : 'hit',
      ok: true,
      bytes: isGet ? jsonBytes(result.filter((value) => value !== undefined)) : sentBytes,
      ...(this.#origin ? { origin: this.#origin } : {}),
    });
    return result;
  }
}
