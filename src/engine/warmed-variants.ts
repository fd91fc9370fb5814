import type { RepetitionPolicy, RunArgs } from './engine-api.ts';

/** Enough for every variant of every page and some edits; past it the engine forgets them all. */
const MAX_REMEMBERED = 200;

/**
 * Which variants this engine has already run, so a Run does not pay their warm-up again. The
 * warm-up run is there to compile and cache what the variant's code paths need (the join on the
 * foreign-key page took 11.6 ms on a page's first Run and 1.3–1.8 ms afterwards). Once the same
 * run (same code, size, dataset, settings) has finished on this engine, another warm-up only
 * doubles the wait for the first figures: the fifth Run of the foreign-key comparison waited
 * ≈150 ms for them, of which the warm-up runs were about half. A new engine (a new worker after
 * Stop or a time-out) starts with nothing remembered.
 */
export class WarmedVariants {
  readonly #keys = new Set<string>();

  /** The policy to run with: the requested one, without its warm-up if this run is known. */
  policyFor(args: RunArgs, requested: RepetitionPolicy): RepetitionPolicy {
    if (requested.warmUp === false || !this.#keys.has(runKey(args))) return requested;
    return { ...requested, warmUp: false };
  }

  /** What identifies a run: all of its arguments but the timing. */
  static key(args: RunArgs): string {
    return runKey(args);
  }

  /** Whether this run has finished on this engine before. */
  has(args: RunArgs): boolean {
    return this.#keys.has(runKey(args));
  }

  /** Records a run that finished without an error: its code paths are warm now. */
  remember(args: RunArgs): void {
    if (this.#keys.size >= MAX_REMEMBERED) this.#keys.clear();
    this.#keys.add(runKey(args));
  }
}

/**
 * Everything that shapes what a run executes, which is all of its arguments but the timing. The
 * page builds them in the same order every time; a different order only costs a warm-up.
 */
function runKey({ repetitions: _timing, ...run }: RunArgs): string {
  return JSON.stringify(run);
}
