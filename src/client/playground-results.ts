// Everything <rt-playground> needs to show results, loaded on demand: when the playground comes
// near the viewport (with the engine's boot), never with the page. Reading a guideline needs none
// of it, and it would double the page's JavaScript (the budget in scripts/check-budgets.mjs).
import { parseQueryCountFormula } from '../analysis/query-count-formula.ts';
import type { RunReport } from '../engine/engine-api.ts';
import { compareVariants } from '../playground/compare-variants.ts';
import { detectHints, type Hint } from '../playground/detect-hints.ts';
import type { GrowthPoint, GrowthSeries } from '../playground/growth-chart.ts';
import { announcement, paneView, type PaneInput } from '../playground/pane-view.ts';
import { planTree } from '../playground/plan-tree.ts';
import { spreadOf } from '../playground/run-spread.ts';
import type { VariantClaims } from '../playground/variant-claims.ts';
import type { ExplainReport } from '../engine/engine-api.ts';
import {
  chooseFixedVariant,
  generateQueryCountTests,
  type GeneratedTest,
} from '../analysis/query-count-test.ts';
import type { PlaygroundConfig } from './playground-config.ts';
import { renderComparison } from './render-comparison.ts';
import { renderCopyAsTest } from './render-copy-as-test.ts';
import { renderGrowth } from './render-growth.ts';
import { renderLoadTimeline } from './render-load.ts';
import { renderPane } from './render-pane.ts';
import { renderPlan } from './render-plan.ts';
import { renderQueryLog } from './render-query-log.ts';

import resultsStyles from '../styles/playground-results.css?inline';
import { h } from './dom.ts';

export { FIRST_PASS, mergeReports, SECOND_PASS } from '../playground/merge-reports.ts';

// The results' styles come with this module, as text: a page that is only read never loads them
// (a stylesheet imported here would be linked from every page that can reach this module).
if (!document.querySelector('style[data-playground-results]')) {
  document.head.append(h('style', { 'data-playground-results': '' }, resultsStyles));
}
export { announcement };

const hintHref = (hint: Hint) => `${import.meta.env.BASE_URL}guidelines/${hint.page}/#${hint.heading}`;

/** One variant's pane: its figures, hints, load timeline and log, with EXPLAIN from the log. */
export function renderVariantResults(
  input: PaneInput,
  options: { workers?: number; explain(statement: number): Promise<ExplainReport> },
): HTMLElement {
  const report = input.outcome.kind === 'report' ? input.outcome.report : undefined;
  return renderPane(paneView(input), {
    hints: report ? detectHints(report.log, report.result.ok ? undefined : report.result.error) : [],
    hintHref,
    ...(report
      ? {
          log: renderQueryLog(report.log, {
            explain: async (statement, sql) =>
              renderPlan(
                planTree((await options.explain(statement)).plan),
                `Plan of this statement in “${input.variant.label}” (${sql.length > 60 ? `${sql.slice(0, 57)}…` : sql})`,
              ),
          }),
        }
      : {}),
    ...(report?.load && options.workers
      ? { load: renderLoadTimeline(report.load.records, options.workers) }
      : {}),
  });
}

/** The comparison at a glance, or undefined until the baseline and another variant have results. */
export function renderComparisonOf(
  variants: readonly VariantClaims[],
  reports: { variant: VariantClaims; report: RunReport }[],
  roundTripMs: number,
): HTMLElement | undefined {
  if (reports.length < 2 || reports[0]!.variant.id !== variants[0]!.id) return undefined;
  return renderComparison(
    compareVariants(reports, roundTripMs),
    variants.map((variant) => variant.id),
  );
}

/** A variant's point on the growth chart: all its round trips, what its claims add up to, its median. */
export function growthPoint(variant: VariantClaims, n: number, report: RunReport): GrowthPoint {
  const { sql, http, cache, job } = report.counts;
  const claimed = [variant.queries, variant.http, variant.cache, variant.jobs]
    .filter((formula): formula is string => formula !== undefined)
    .reduce((sum, formula) => sum + parseQueryCountFormula(formula).evaluate(n), 0);
  return {
    n,
    roundTrips: sql + http + cache + job,
    claimed,
    medianMs: spreadOf(report.repetitions.map((r) => r.dbMs)).median,
  };
}

export function renderGrowthArea(
  series: readonly GrowthSeries[],
  variants: readonly VariantClaims[],
): HTMLElement {
  return renderGrowth(
    series,
    variants.map((variant) => variant.id),
    'Round trips and median database time of each variant at every size (round trips measured, compared with the claimed formula)',
  );
}

/**
 * "Copy as a test" for a playground: tests generated from the example's declaration that pin the
 * fix's count (src/analysis/query-count-test.ts), quoting the count the reader just measured.
 */
export function renderTests(
  config: PlaygroundConfig,
  measured: Map<string, { n: number; queries: number }>,
  copy: (test: GeneratedTest, what: string, code: HTMLElement) => void,
): HTMLDetailsElement {
  const declaration = { title: config.title, n: config.n, variants: config.variants };
  const count = measured.get(chooseFixedVariant(declaration).id);
  const tests = generateQueryCountTests({
    exampleId: config.example,
    declaration,
    pagePath: location.pathname,
    ...(count ? { measured: [count] } : {}),
  });
  return renderCopyAsTest(tests, copy);
}
