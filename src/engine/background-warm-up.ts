import type { QueryablePGlite } from './recording-pglite.ts';

/**
 * Brings PGlite's WebAssembly up to speed without blocking anyone. Browsers compile WebAssembly
 * with a fast baseline compiler first and optimise hot functions later: in Chromium on a 2-core
 * machine a primary-key SELECT costs about 1.2 ms cold, 0.8–0.9 ms after 300 queries and
 * 0.25–0.35 ms only after about 650–700. The engine runs these queries in small slices whenever
 * it has nothing else to do, so a Run never waits for them; a run made before the target is
 * reached is reported as made on a warming engine.
 */
export class BackgroundWarmUp {
  readonly #target: number;
  readonly #sliceMs: number;
  #done = 0;
  #work?: { pglite: QueryablePGlite; sql: string };

  constructor({ queries = 700, sliceMs = 8 }: { queries?: number; sliceMs?: number } = {}) {
    this.#target = queries;
    this.#sliceMs = sliceMs;
  }

  /** Starts warming with `sql` (a cheap primary-key SELECT taking one integer). */
  begin(pglite: QueryablePGlite, sql: string): void {
    this.#work ??= { pglite, sql };
  }

  get warm(): boolean {
    return this.#done >= this.#target;
  }

  get pending(): boolean {
    return this.#work !== undefined && !this.warm;
  }

  /** Queries run so far. */
  get queries(): number {
    return this.#done;
  }

  /** Runs queries for about one slice of time. */
  async slice(): Promise<void> {
    if (!this.#work || this.warm) return;
    const started = performance.now();
    while (!this.warm && performance.now() - started < this.#sliceMs) {
      await this.#work.pglite.query(this.#work.sql, [1 + (this.#done % 100)]);
      this.#done += 1;
    }
  }
}
