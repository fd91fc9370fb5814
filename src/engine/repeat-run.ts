import type { RepetitionFigures, RepetitionPolicy, RunReport } from './engine-api.ts';
import { describeResult } from './describe-result.ts';
import type { QueryablePGlite } from './recording-pglite.ts';
import type { RoundTripCounts } from './run-log.ts';
import { runVariant, type RunOptions, type VariantRun } from './run-variant.ts';

/** The default: at least 3 and at most 10 recorded runs, within about a second of real time. */
export const DEFAULT_REPETITIONS: RepetitionPolicy = { min: 3, max: 10, budgetMs: 1_000 };

/**
 * Times a variant the way a benchmark tool does. One warm-up run first, not recorded: it pays
 * for whatever the engine has not yet compiled or cached on this variant's code paths (on the
 * foreign-key page the join took 11.6 ms on a page's first Run and 1.3–1.8 ms afterwards). Then
 * recorded repetitions until the budget is spent, at least `min` of them; the page shows their
 * median and spread. Every repetition must make the same round trips: when one does not, the
 * report says so instead of hiding it in a median.
 */
export async function repeatRun(
  pglite: QueryablePGlite,
  options: RunOptions,
  policy: RepetitionPolicy = DEFAULT_REPETITIONS,
  engineWarm: () => boolean = () => true,
): Promise<RunReport> {
  const started = performance.now();
  const warm = engineWarm();
  if (policy.warmUp !== false) {
    const warmUp = await runVariant(pglite, options);
    if (!warmUp.outcome.ok) return reportOf(warmUp, [], warm);
  }
  const runs: VariantRun[] = [];
  let countsDiffer: RunReport['countsDiffer'];
  let resultsDiffer = false;
  let firstHash: string | undefined;
  while (
    runs.length < policy.max &&
    (runs.length < policy.min || performance.now() - started < policy.budgetMs)
  ) {
    const run = await runVariant(pglite, options);
    runs.push(run);
    if (!run.outcome.ok) break;
    const result = describeResult(run.outcome);
    const hash = result.ok ? result.hash : undefined;
    if (runs.length === 1) firstHash = hash;
    else if (hash !== firstHash) resultsDiffer = true;
    if (!countsDiffer && !sameCounts(run.counts, runs[0]!.counts)) {
      countsDiffer = { repetition: runs.length - 1, counts: run.counts, first: runs[0]!.counts };
    }
  }
  const failed = runs.find((run) => !run.outcome.ok);
  const shown = failed ?? medianRun(runs);
  const report = reportOf(shown, runs.map(figuresOf), warm && engineWarm());
  if (countsDiffer) report.countsDiffer = countsDiffer;
  if (resultsDiffer) report.resultsDiffer = true;
  return report;
}

function reportOf(run: VariantRun, repetitions: RepetitionFigures[], engineWarm: boolean): RunReport {
  return {
    log: run.log,
    counts: run.counts,
    droppedEntries: run.droppedEntries,
    repetitions,
    result: describeResult(run.outcome),
    ...(run.load ? { load: run.load } : {}),
    engineWarm,
  };
}

export function figuresOf(run: VariantRun): RepetitionFigures {
  return { wallMs: run.wallMs, dbMs: run.dbMs, simulatedMs: run.simulatedMs };
}

/** The run whose database time is the median (the lower middle for an even count). */
function medianRun(runs: VariantRun[]): VariantRun {
  const sorted = [...runs].sort((a, b) => a.dbMs - b.dbMs);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function sameCounts(a: RoundTripCounts, b: RoundTripCounts): boolean {
  return a.sql === b.sql && a.http === b.http && a.cache === b.cache && a.job === b.job;
}
