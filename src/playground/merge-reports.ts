import type { RepetitionPolicy, RunReport } from '../engine/engine-api.ts';

/** How a comparison's runs are timed: first results fast, then more runs to make the medians honest. */
// The first pass skips the warm-up run on a cold engine, where it cannot make the figures steady:
// they are flagged as from a warming engine and replaced by the second pass's within a second,
// which then makes the warm-up run (secondPassAfter).
// On the foreign-key page's first Run, from the boot's end to the first figures: 641 → 515 ms
// (medians of 8 immediate clicks in Chromium here).
export const FIRST_PASS = { min: 1, max: 1, budgetMs: 0, warmUp: 'unless-engine-cold' } as const;
export const SECOND_PASS = { min: 2, max: 9, budgetMs: 900, warmUp: false } as const;

/**
 * The second pass's policy: no warm-up after a first pass that had one, but a warm-up run after a
 * cold first look, so that the repetitions follow two runs of the variant either way (after one
 * only, the foreign-key join's first-Run median was 5.6 ms against 1.45 ms on the fifth Run).
 */
export function secondPassAfter(first: RunReport): RepetitionPolicy {
  return first.unwarmed ? { ...SECOND_PASS, warmUp: true } : SECOND_PASS;
}

/**
 * One report from a variant's first pass (a warm-up and one timed run) and its second (more timed
 * runs, no warm-up): every repetition's figures, the log of the second pass's median run, and a
 * warning when the round trips or the result of the two passes differ. A first pass that had no
 * warm-up (a cold engine's first look) is left out of the figures: it ran before the warm-up.
 */
export function mergeReports(first: RunReport, more: RunReport): RunReport {
  const kept = first.unwarmed ? [] : first.repetitions;
  const merged: RunReport = {
    ...more,
    repetitions: [...kept, ...more.repetitions],
    engineWarm: (first.unwarmed || first.engineWarm) && more.engineWarm,
  };
  const sameCounts = (['sql', 'http', 'cache', 'job'] as const).every(
    (kind) => first.counts[kind] === more.counts[kind],
  );
  if (!sameCounts && !merged.countsDiffer) {
    merged.countsDiffer = { repetition: kept.length, counts: more.counts, first: first.counts };
  } else if (merged.countsDiffer) {
    merged.countsDiffer = {
      ...merged.countsDiffer,
      repetition: merged.countsDiffer.repetition + kept.length,
    };
  }
  const firstHash = first.result.ok ? first.result.hash : undefined;
  const moreHash = more.result.ok ? more.result.hash : undefined;
  if (firstHash !== moreHash || first.resultsDiffer) merged.resultsDiffer = true;
  return merged;
}
