import { formatBytes, formatCount, formatMs } from '../analysis/format-figures.ts';
import { summariseLog } from '../analysis/group-queries.ts';
import { judgeResult, judgeRoundTrips, type KindJudgement } from '../analysis/judge-run.ts';
import type { LoadSummary } from '../analysis/summarize-load.ts';
import type { VariantError } from '../analysis/variant-error.ts';
import type { RunReport } from '../engine/engine-api.ts';
import { modeledTotalMs } from './modeled-total.ts';
import { spreadOf, type Spread } from './run-spread.ts';
import { KIND_WORDS, type VariantClaims } from './variant-claims.ts';

/** One variant's outcome on the page. */
export type PaneOutcome =
  | { kind: 'report'; report: RunReport }
  | { kind: 'timeout'; limitMs: number }
  | { kind: 'stopped' }
  | { kind: 'failed'; error: VariantError };

export interface PaneInput {
  variant: VariantClaims;
  baseline: VariantClaims;
  n: number;
  roundTripMs: number;
  outcome: PaneOutcome;
  baselineHash?: string;
  /**
   * False when the reader changed the seed or a knob: the claims are for the example's declared
   * seed and settings (retries and failures follow the draws), so counts are shown, not judged.
   */
  claimsApply?: boolean;
}

/** Whether a figure was measured in the browser, simulated on the virtual clock, or modeled. */
export type Qualifier = 'measured' | 'simulated' | 'modeled';

export interface Metric {
  term: string;
  value: string;
  qualifier: Qualifier;
  note?: string;
}

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

/** Everything a pane shows, as text: the element only turns it into DOM. */
export type PaneView =
  | { kind: 'stopped'; headline: string; explanation: string }
  | { kind: 'failed'; headline: string; error: VariantError }
  | {
      kind: 'report';
      /** `judged` is false when the claims do not apply to these settings (see claimsApply). */
      counts: (KindJudgement & { text: string; claimText: string; judged: boolean })[];
      warnings: string[];
      metrics: Metric[];
      verdict: { tone: Tone; text: string };
      error?: VariantError;
      preview?: { summary: string; text: string };
      load?: LoadSummary;
    };

export function paneView(input: PaneInput): PaneView {
  const { outcome } = input;
  switch (outcome.kind) {
    case 'timeout':
      return {
        kind: 'stopped',
        headline: `Stopped after ${outcome.limitMs / 1000} s`,
        explanation: TIMEOUT_EXPLANATION,
      };
    case 'stopped':
      return {
        kind: 'stopped',
        headline: 'Stopped',
        explanation: 'You stopped this run. The next Run starts a fresh engine from the seeded data.',
      };
    case 'failed':
      return { kind: 'failed', headline: 'Could not run', error: outcome.error };
    case 'report':
      return reportView(input, outcome.report);
  }
}

/** Why a run was stopped by its time limit, whatever kept it busy. */
const TIMEOUT_EXPLANATION =
  'The code did not finish within the time limit, so its engine was stopped; the next Run starts a fresh one ' +
  'from the seeded data. A loop that never ends, a busy wait or a wait with setTimeout all take real time: ' +
  'wait with clock.sleep(ms), which waits in simulated time and costs none.';

function reportView(input: PaneInput, report: RunReport): PaneView {
  const { variant, n, roundTripMs } = input;
  const summary = summariseLog(report.log);
  const judged = input.claimsApply !== false;
  const counts = judgeRoundTrips(variant, n, report.counts).map((judgement) => ({
    ...judgement,
    judged,
    text: formatCount(judgement.actual, KIND_WORDS[judgement.kind].one, KIND_WORDS[judgement.kind].many),
    claimText: !judged
      ? `(the claim, ${judgement.claim}, is for the declared seed and settings)`
      : judgement.matches
        ? `as claimed (${judgement.claim} at n = ${n})`
        : `claimed ${judgement.claim} = ${judgement.expected} at n = ${n}`,
  }));

  const warnings: string[] = [];
  if (report.countsDiffer) {
    const { repetition, counts: other, first } = report.countsDiffer;
    warnings.push(
      `Run ${repetition + 1} of ${report.repetitions.length} made ${describeCounts(other)} where the first made ` +
        `${describeCounts(first)}. The variant is not deterministic, or the playground has a bug; the figures are from the median run.`,
    );
  }
  if (report.resultsDiffer) warnings.push('The result changed from one repetition to the next.');
  if (!report.engineWarm) {
    warnings.push(
      'These timings come from a warming engine: the browser was still optimising PGlite’s WebAssembly. Run again in a few seconds for steadier figures.',
    );
  }
  if (report.droppedEntries > 0) {
    warnings.push(
      `The log lists the first ${formatCount(report.log.length, 'call')} of ${formatCount(report.log.length + report.droppedEntries, 'call')}; the counts include all of them.`,
    );
  }

  const db = spreadOf(report.repetitions.map((r) => r.dbMs));
  const wall = spreadOf(report.repetitions.map((r) => r.wallMs));
  const simulated = spreadOf(report.repetitions.map((r) => r.simulatedMs));
  const serviceCalls = report.counts.http + report.counts.cache + report.counts.job;
  const metrics: Metric[] = [
    {
      term: 'Database time',
      value: spreadText(db),
      qualifier: 'measured',
      note: 'sum of the SQL statements, median of the runs',
    },
    {
      term: 'Wall time',
      value: spreadText(wall),
      qualifier: 'measured',
      note: 'the whole variant, in your browser',
    },
  ];
  if (simulated.median > 0 || serviceCalls > 0) {
    metrics.push({
      term: 'Simulated time',
      value: formatMs(simulated.median),
      qualifier: 'simulated',
      note: 'outside calls, waits and timeouts on the virtual clock',
    });
  }
  if (roundTripMs > 0 || simulated.median > 0) {
    metrics.push({
      term: roundTripMs > 0 ? `Total with ${roundTripMs} ms per SQL round trip` : 'Total',
      value: formatMs(
        modeledTotalMs(
          { dbMs: db.median, simulatedMs: simulated.median, sql: report.counts.sql },
          roundTripMs,
        ),
      ),
      qualifier: 'modeled',
      note: `database time + simulated time + ${formatCount(report.counts.sql, 'SQL round trip')} × ${roundTripMs} ms`,
    });
  }
  metrics.push(
    { term: 'Rows returned', value: formatCount(summary.rows, 'row'), qualifier: 'measured' },
    {
      term: 'Data returned',
      value: `≈ ${formatBytes(summary.bytes)}`,
      qualifier: 'measured',
      note: 'values as text',
    },
  );

  const result = report.result;
  const view: PaneView = {
    kind: 'report',
    counts,
    warnings,
    metrics,
    verdict: verdictOf(input, result.ok ? result.hash : undefined),
    ...(report.load ? { load: report.load.summary } : {}),
  };
  if (result.ok) {
    view.preview = {
      summary: result.items === undefined ? 'Result' : `Result (${formatCount(result.items, 'item')})`,
      text: result.preview,
    };
  } else {
    view.error = result.error;
  }
  return view;
}

function spreadText(spread: Spread): string {
  if (spread.count <= 1) return formatMs(spread.median);
  return `${formatMs(spread.median)} (${formatMs(spread.min)}–${formatMs(spread.max)} over ${spread.count} runs)`;
}

function describeCounts(counts: RunReport['counts']): string {
  return (Object.keys(KIND_WORDS) as (keyof typeof KIND_WORDS)[])
    .filter((kind) => kind === 'sql' || counts[kind] > 0)
    .map((kind) => formatCount(counts[kind], KIND_WORDS[kind].one, KIND_WORDS[kind].many))
    .join(', ');
}

function verdictOf(input: PaneInput, hash: string | undefined): { tone: Tone; text: string } {
  const { variant, baseline } = input;
  const verdict = judgeResult(variant.result, variant.id === baseline.id, hash, input.baselineHash);
  const name = `“${baseline.label}”`;
  switch (verdict.kind) {
    case 'baseline':
      return { tone: 'neutral', text: 'Baseline: the other variants are compared with this result.' };
    case 'not-compared':
      return { tone: 'neutral', text: 'Result not compared: this example shows work, not an answer.' };
    case 'unavailable':
      return { tone: 'neutral', text: `Not compared: ${name} has no result to compare with.` };
    case 'same':
      return verdict.asClaimed
        ? { tone: 'ok', text: `✓ Same result as ${name}` }
        : { tone: 'bad', text: `⚠ Same result as ${name}, but this example says it should differ` };
    case 'different':
      return verdict.asClaimed
        ? { tone: 'warn', text: `✗ Different result from ${name}: this variant is wrong on purpose` }
        : { tone: 'bad', text: `⚠ Mismatch: the result differs from ${name}` };
  }
}

/** One line for the screen-reader announcement after a run. */
export function announcement(input: PaneInput): string {
  const view = paneView(input);
  const label = input.variant.label;
  if (view.kind === 'stopped') return `${label}: ${view.headline.toLowerCase()}.`;
  if (view.kind === 'failed') return `${label}: could not run.`;
  const counts = view.counts.map((count) => count.text).join(', ');
  const time = view.metrics[0]!.value.split(' (')[0];
  return `${label}: ${counts}, database time ${time}${view.error ? ', then failed' : ''}.`;
}
