import type { LatencySpec } from './latency-distribution.ts';
import { sampleLatency } from './latency-distribution.ts';
import { seededRandom, streamSeed } from './seeded-random.ts';
import type { ServiceCall } from './service-call.ts';
import type { VirtualClock } from './virtual-clock.ts';

/** What every simulated service shares within one run: the clock, the log and the seed. */
export class ServiceEnvironment {
  readonly clock: VirtualClock;
  readonly #log: { push(entry: ServiceCall): unknown };
  readonly #seed: number;
  readonly #streams = new Map<string, () => number>();

  constructor(clock: VirtualClock, log: { push(entry: ServiceCall): unknown }, seed: number) {
    this.clock = clock;
    this.#log = log;
    this.#seed = seed;
  }

  /** The random stream of one service: its draws do not shift when another service is called more. */
  random(stream: string): () => number {
    let random = this.#streams.get(stream);
    if (!random) {
      random = seededRandom(streamSeed(this.#seed, stream));
      this.#streams.set(stream, random);
    }
    return random;
  }

  latency(stream: string, spec: LatencySpec): number {
    return sampleLatency(spec, this.random(stream));
  }

  record(call: ServiceCall): void {
    this.#log.push(call);
  }
}

/** Approximate bytes of a value as JSON on the wire. */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  return JSON.stringify(value)?.length ?? 0;
}
