import type { RunReport } from '../engine/engine-api.ts';

/** How a comparison's runs are timed: first results fast, then more runs to make the medians honest. */
export const FIRST_PASS = { min: 1, max: 1, budgetMs: 0 } as const;
export const SECOND_PASS = { min: 2, max: 9, budgetMs: 900, warmUp: false } as const;

/**
 * One report from a variant's first pass (a warm-up and one timed run) and its second (more timed
 * runs, no warm-up): every repetition's figures, the log of the second pass's median run, and a
 * warning when the round trips or the result of the two passes differ.
 */
export function mergeReports(first: RunReport, more: RunReport): RunReport {
  const merged: RunReport = {
    ...more,
    repetitions: [...first.repetitions, ...more.repetitions],
    engineWarm: first.engineWarm && more.engineWarm,
  };
  const sameCounts = (['sql', 'http', 'cache', 'job'] as const).every(
    (kind) => first.counts[kind] === more.counts[kind],
  );
  if (!sameCounts && !merged.countsDiffer) {
    merged.countsDiffer = { repetition: first.repetitions.length, counts: more.counts, first: first.counts };
  } else if (merged.countsDiffer) {
    merged.countsDiffer = {
      ...merged.countsDiffer,
      repetition: merged.countsDiffer.repetition + first.repetitions.length,
    };
  }
  const firstHash = first.result.ok ? first.result.hash : undefined;
  const moreHash = more.result.ok ? more.result.hash : undefined;
  if (firstHash !== moreHash || first.resultsDiffer) merged.resultsDiffer = true;
  return merged;
}
