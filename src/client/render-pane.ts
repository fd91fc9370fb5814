import type { VariantError } from '../analysis/variant-error.ts';
import type { LoadSummary } from '../analysis/summarize-load.ts';
import { formatCount, formatMs } from '../analysis/format-figures.ts';
import type { PaneView, Qualifier } from '../playground/pane-view.ts';
import type { Hint } from '../playground/detect-hints.ts';
import { h, scrollingTable } from './dom.ts';

const QUALIFIER_TEXT: Record<Qualifier, string> = {
  measured: 'measured',
  simulated: 'simulated',
  modeled: 'modeled',
};

/** Turns a pane's view into DOM. Every decision was made in pane-view.ts; this only draws. */
export function renderPane(
  view: PaneView,
  extras: { hints: Hint[]; hintHref(hint: Hint): string; log?: HTMLElement; load?: HTMLElement },
): HTMLElement {
  if (view.kind === 'stopped') {
    return h(
      'div',
      { class: 'run-result run-stopped' },
      h('p', { class: 'run-headline' }, view.headline),
      h('p', {}, view.explanation),
    );
  }
  if (view.kind === 'failed') {
    return h(
      'div',
      { class: 'run-result run-failed' },
      h('p', { class: 'run-headline' }, view.headline),
      renderError(view.error),
    );
  }
  const [sql, ...others] = view.counts;
  const container = h(
    'div',
    { class: 'run-result' },
    h(
      'p',
      { class: 'run-headline' },
      h('strong', { class: 'run-count' }, sql!.text),
      ' ',
      h('span', { class: claimClass(sql!) }, sql!.claimText),
    ),
  );
  if (others.length > 0) {
    container.append(
      h(
        'ul',
        { class: 'run-other-counts' },
        ...others.map((count) =>
          h(
            'li',
            {},
            h('strong', {}, count.text),
            ' ',
            h('span', { class: 'qualifier' }, '(simulated) '),
            h('span', { class: claimClass(count) }, count.claimText),
          ),
        ),
      ),
    );
  }
  for (const warning of view.warnings)
    container.append(h('p', { class: 'run-warning', role: 'note' }, warning));
  container.append(
    h(
      'dl',
      { class: 'run-metrics' },
      ...view.metrics.map((metric) =>
        h(
          'div',
          { 'data-qualifier': metric.qualifier },
          h(
            'dt',
            {},
            metric.term,
            ' ',
            h('span', { class: `qualifier qualifier-${metric.qualifier}` }, QUALIFIER_TEXT[metric.qualifier]),
          ),
          h(
            'dd',
            {},
            metric.value,
            metric.note ? h('span', { class: 'metric-note' }, ` (${metric.note})`) : null,
          ),
        ),
      ),
    ),
  );
  if (view.load) container.append(renderLoadSummary(view.load));
  if (extras.load) container.append(extras.load);
  container.append(h('p', { class: `result-check result-${view.verdict.tone}` }, view.verdict.text));
  if (view.error) container.append(renderError(view.error));
  if (extras.hints.length > 0) {
    container.append(
      h(
        'div',
        { class: 'run-hints' },
        h('p', { class: 'run-hints-title' }, 'What the log shows'),
        h(
          'ul',
          {},
          ...extras.hints.map((hint) =>
            h(
              'li',
              { 'data-hint': hint.id },
              hint.text,
              ' ',
              h('a', { href: extras.hintHref(hint) }, 'How to fix it'),
            ),
          ),
        ),
      ),
    );
  }
  if (view.preview) {
    const preview = h('details', { class: 'result-preview' }, h('summary', {}, view.preview.summary));
    const text = view.preview.text;
    preview.addEventListener('toggle', () => {
      if (preview.open && preview.childElementCount === 1)
        preview.append(h('pre', { class: 'result-json' }, h('code', {}, text)));
    });
    container.append(preview);
  }
  if (extras.log) container.append(extras.log);
  return container;
}

function claimClass(count: { judged: boolean; matches: boolean }): string {
  if (!count.judged) return 'claim-unjudged';
  return count.matches ? 'claim-ok' : 'claim-bad';
}

function renderLoadSummary(summary: LoadSummary): HTMLElement {
  const percent = (value: number) => `${Math.round(value * 100)} %`;
  return h(
    'div',
    { class: 'load-summary' },
    h(
      'p',
      { class: 'load-headline' },
      `${formatCount(summary.requests, 'request')} under load `,
      h('span', { class: 'qualifier qualifier-simulated' }, 'simulated'),
      `: ${summary.ok} answered, ${summary.failed} failed, ${summary.timedOut} timed out. ` +
        `Latency p50 ${formatMs(summary.p50)}, p95 ${formatMs(summary.p95)}, p99 ${formatMs(summary.p99)}; ` +
        `workers busy ${percent(summary.utilisation)} of the time; at most ${formatCount(summary.maxWaiting, 'request')} waiting.`,
    ),
    scrollingTable(
      h(
        'table',
        { class: 'load-routes' },
        h('caption', {}, 'By route'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            ...['Route', 'Requests', 'Answered', 'Failed', 'Timed out', 'p95'].map((text) =>
              h('th', { scope: 'col' }, text),
            ),
          ),
        ),
        h(
          'tbody',
          {},
          ...summary.routes.map((route) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, route.route),
              h('td', {}, String(route.requests)),
              h('td', {}, String(route.ok)),
              h('td', {}, String(route.failed)),
              h('td', {}, String(route.timedOut)),
              h('td', {}, formatMs(route.p95)),
            ),
          ),
        ),
      ),
      'By route',
    ),
  );
}

export function renderError(error: VariantError): HTMLElement {
  const heading = error.code ? `${error.name} (SQLSTATE ${error.code})` : error.name;
  return h(
    'div',
    { class: 'run-error', role: 'note' },
    h('p', {}, h('strong', {}, heading), `: ${error.message}`),
    error.detail ? h('p', {}, `Detail: ${error.detail}`) : null,
    error.hint ? h('p', {}, `Hint: ${error.hint}`) : null,
    error.sql ? h('pre', { class: 'sql' }, h('code', {}, error.sql)) : null,
    error.explanation ? h('p', { class: 'run-error-explanation' }, error.explanation) : null,
  );
}
