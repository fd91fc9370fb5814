import { formatBytes, formatCount, formatMs } from '../analysis/format-figures.ts';
import { summariseLog } from '../analysis/group-queries.ts';
import { judgeQueryCount, judgeResult } from '../analysis/judge-run.ts';
import { modeledMs } from '../analysis/round-trip-model.ts';
import type { VariantError } from '../analysis/variant-error.ts';
import type { RunReport } from '../engine/engine-api.ts';
import { judgeRoundTrips } from '../analysis/judge-run.ts';
import { h } from './dom.ts';
import type { PlaygroundConfig } from './playground-config.ts';
import { renderQueryLog } from './render-query-log.ts';

type Variant = PlaygroundConfig['variants'][number];

/** One variant's outcome on the page: a report, a stop after the time limit, or a failure to run. */
export type PaneOutcome =
  | { kind: 'report'; report: RunReport }
  | { kind: 'timeout'; limitMs: number }
  | { kind: 'failed'; error: VariantError };

export interface PaneContext {
  variant: Variant;
  baseline: Variant;
  n: number;
  roundTripMs: number;
  outcome: PaneOutcome;
  baselineHash?: string;
}

export function resultHashOf(outcome: PaneOutcome): string | undefined {
  return outcome.kind === 'report' && outcome.report.result.ok ? outcome.report.result.hash : undefined;
}

/** A one-line summary of the pane for the screen-reader announcement. */
export function announceText({ variant, outcome }: PaneContext): string {
  if (outcome.kind === 'timeout') return `${variant.label}: stopped after ${outcome.limitMs / 1000} seconds.`;
  if (outcome.kind === 'failed') return `${variant.label}: could not run.`;
  const summary = summariseLog(outcome.report.log);
  const failed = outcome.report.result.ok ? '' : ', then failed';
  return `${variant.label}: ${formatCount(summary.queries, 'query', 'queries')}, ${formatMs(medianWall(outcome.report))}${failed}.`;
}

export function renderRunResult(context: PaneContext): HTMLElement {
  const { outcome } = context;
  if (outcome.kind === 'timeout') {
    return h(
      'div',
      { class: 'run-result run-stopped' },
      h('p', { class: 'run-headline' }, `Stopped after ${outcome.limitMs / 1000} s`),
      h(
        'p',
        {},
        'The code did not finish in time, so its worker was stopped. The database restarts from the seeded data on the next Run.',
      ),
    );
  }
  if (outcome.kind === 'failed') {
    return h(
      'div',
      { class: 'run-result run-failed' },
      h('p', { class: 'run-headline' }, 'Could not run'),
      renderError(outcome.error),
    );
  }
  return renderReport(context, outcome.report);
}

function renderReport(context: PaneContext, report: RunReport): HTMLElement {
  const { variant, n, roundTripMs } = context;
  const summary = summariseLog(report.log);
  const judgements = judgeRoundTrips(variant, n, report.counts);
  const claim = judgeQueryCount(variant.queries, n, report.counts.sql);
  const wallMs = medianWall(report);
  const container = h('div', { class: 'run-result' });

  container.append(
    h(
      'p',
      { class: 'run-headline' },
      h('strong', { class: 'run-count' }, formatCount(report.counts.sql, 'query', 'queries')),
      ' ',
      claim.matches
        ? h('span', { class: 'claim-ok' }, `as claimed (${variant.queries} at n = ${n})`)
        : h('span', { class: 'claim-bad' }, `claimed ${variant.queries} = ${claim.expected} at n = ${n}`),
    ),
  );
  for (const judgement of judgements.filter((j) => j.kind !== 'sql')) {
    container.append(
      h(
        'p',
        { class: judgement.matches ? 'run-note' : 'run-note claim-bad' },
        `${judgement.kind} round trips: ${judgement.actual} (claimed ${judgement.claim} = ${judgement.expected})`,
      ),
    );
  }
  if (summary.transactionStatements > 0) {
    container.append(
      h(
        'p',
        { class: 'run-note' },
        `Includes ${formatCount(summary.transactionStatements, 'transaction statement')} (BEGIN, COMMIT or ROLLBACK).`,
      ),
    );
  }

  const metric = (term: string, value: string, note?: string) =>
    h(
      'div',
      {},
      h('dt', {}, term),
      h('dd', {}, value, note ? h('span', { class: 'metric-note' }, ` ${note}`) : null),
    );
  container.append(
    h(
      'dl',
      { class: 'run-metrics' },
      metric('Database time', formatMs(summary.dbMs), '(sum of the queries)'),
      metric('Wall time', formatMs(wallMs), '(the whole variant, in your browser)'),
      roundTripMs > 0
        ? metric(
            `With ${roundTripMs} ms per round trip`,
            formatMs(modeledMs({ wallMs, queries: summary.queries }, roundTripMs)),
            '(model: wall time + queries × round trip)',
          )
        : null,
      metric('Rows returned', formatCount(summary.rows, 'row')),
      metric('Data returned', `≈ ${formatBytes(summary.bytes)}`, '(values as text)'),
    ),
  );

  if (report.result.ok) {
    container.append(renderVerdict(context, report.result.hash));
    const preview = h(
      'details',
      { class: 'result-preview' },
      h(
        'summary',
        {},
        report.result.items === undefined ? 'Result' : `Result (${formatCount(report.result.items, 'item')})`,
      ),
    );
    preview.addEventListener('toggle', () => {
      if (preview.open && preview.childElementCount === 1) {
        const result = report.result as Extract<RunReport['result'], { ok: true }>;
        preview.append(h('pre', { class: 'result-json' }, h('code', {}, result.preview)));
      }
    });
    container.append(preview);
  } else {
    container.append(renderError(report.result.error));
  }
  container.append(renderQueryLog(report.log));
  return container;
}

function renderVerdict(context: PaneContext, hash: string): HTMLElement {
  const { variant, baseline } = context;
  const verdict = judgeResult(variant.result, variant.id === baseline.id, hash, context.baselineHash);
  const name = `“${baseline.label}”`;
  switch (verdict.kind) {
    case 'baseline':
      return h('p', { class: 'result-check' }, 'Baseline: the other variants are compared with this result.');
    case 'not-compared':
      return h(
        'p',
        { class: 'result-check' },
        'Result not compared: this example shows work, not an answer.',
      );
    case 'unavailable':
      return h('p', { class: 'result-check' }, `Not compared: ${name} has no result to compare with.`);
    case 'same':
      return verdict.asClaimed
        ? h('p', { class: 'result-check result-ok' }, `✓ Same result as ${name}`)
        : h(
            'p',
            { class: 'result-check result-bad' },
            `⚠ Same result as ${name}, but this example says it should differ`,
          );
    case 'different':
      return verdict.asClaimed
        ? h(
            'p',
            { class: 'result-check result-warn' },
            `✗ Different result from ${name}: this variant is wrong on purpose`,
          )
        : h('p', { class: 'result-check result-bad' }, `⚠ Mismatch: the result differs from ${name}`);
  }
}

function medianWall(report: RunReport): number {
  const walls = report.repetitions.map((r) => r.wallMs).sort((a, b) => a - b);
  return walls.length ? walls[Math.floor((walls.length - 1) / 2)]! : 0;
}

export function renderError(error: VariantError): HTMLElement {
  const heading = error.code ? `${error.name} (SQLSTATE ${error.code})` : error.name;
  return h(
    'div',
    { class: 'run-error', role: 'note' },
    h('p', {}, h('strong', {}, heading), `: ${error.message}`),
    error.detail ? h('p', {}, `Detail: ${error.detail}`) : null,
    error.hint ? h('p', {}, `Hint: ${error.hint}`) : null,
    error.explanation ? h('p', { class: 'run-error-explanation' }, error.explanation) : null,
  );
}
