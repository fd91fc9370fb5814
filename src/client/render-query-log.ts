import { formatCount, formatMs } from '../analysis/format-figures.ts';
import { groupQueries, type QueryGroup } from '../analysis/group-queries.ts';
import { tokenizeSql } from '../analysis/highlight-sql.ts';
import { isSqlEntry, type LogEntry } from '../analysis/log-entry.ts';
import type { RecordedQuery } from '../engine/recorded-query.ts';
import { isExplainable } from '../playground/plan-tree.ts';
import type { ServiceCall } from '../simulation/service-call.ts';
import { h, scrollingTable } from './dom.ts';

/** Queries listed when a group is opened; the rest are counted, not rendered. */
const MAX_LISTED = 200;

const KIND_NAMES: Record<ServiceCall['kind'], string> = {
  http: 'HTTP, simulated',
  cache: 'cache, simulated',
  job: 'job queue, simulated',
  'job-run': 'job run by the worker, simulated',
};

export interface QueryLogOptions {
  /** Explains the statement with this ordinal (0 = the first statement the variant sent) and draws its plan. */
  explain?(statement: number, sql: string): Promise<HTMLElement>;
}

/**
 * The log of one run, like a debug toolbar's SQL panel: one row per distinct statement or call,
 * with its multiplicity, the individual entries rendered only when a group is opened, and an
 * EXPLAIN button on statements that can be explained.
 */
export function renderQueryLog(log: readonly LogEntry[], options: QueryLogOptions = {}): HTMLElement {
  const groups = groupQueries(log);
  const similar = groups.filter((g) => g.kind !== 'transaction' && g.kind !== 'job-run' && g.count > 1);
  const summaryText = [
    `Log: ${formatCount(log.length, 'entry', 'entries')}`,
    formatCount(groups.length, 'distinct statement or call', 'distinct statements and calls'),
    similar.length > 0 ? formatCount(similar.length, 'similar group') : '',
  ]
    .filter(Boolean)
    .join(', ');
  // The ordinal the engine uses to find a statement again: statements the request sent, in order.
  const ordinals = new Map<number, number>();
  let next = 0;
  log.forEach((entry, index) => {
    if (entry.kind === 'query' && entry.origin === undefined) ordinals.set(index, next++);
  });
  const details = h('details', { class: 'query-log' }, h('summary', {}, summaryText));
  // Built on first open: a 1,000-query log costs nothing until someone looks.
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) {
      details.append(
        h('ol', { class: 'query-groups' }, ...groups.map((g) => renderGroup(g, log, ordinals, options))),
      );
    }
  });
  return details;
}

function renderGroup(
  group: QueryGroup,
  log: readonly LogEntry[],
  ordinals: Map<number, number>,
  options: QueryLogOptions,
): HTMLLIElement {
  const first = log[group.indexes[0]!]!;
  if (!isSqlEntry(first)) return renderServiceGroup(group, log, first);
  const badges: HTMLElement[] = [];
  if (group.kind === 'transaction')
    badges.push(h('span', { class: 'badge badge-tx' }, 'transaction control'));
  if (first.origin === 'job')
    badges.push(h('span', { class: 'badge badge-service' }, 'sent by a background job'));
  // An extra server session the example opened (the pooling page): which one the statement went to.
  if (first.origin?.startsWith('session '))
    badges.push(h('span', { class: 'badge badge-service' }, `on ${first.origin}`));
  if (group.kind === 'query' && group.count > 1) {
    badges.push(h('span', { class: 'badge badge-similar' }, `similar ×${group.count}`));
  }
  if (group.duplicates > 0) {
    badges.push(
      h('span', { class: 'badge badge-duplicate' }, `${formatCount(group.duplicates, 'duplicate')}`),
    );
  }
  const item = h(
    'li',
    { class: 'query-group' },
    h(
      'div',
      { class: 'query-group-head' },
      ...badges,
      h('span', { class: 'query-group-time' }, `${formatMs(group.totalMs)} in all`),
    ),
    renderSql(group.sql),
  );
  if (first.error) item.append(h('p', { class: 'query-error' }, `Failed: ${first.error}`));
  // What PostgreSQL said besides the answer: warnings, and auto_explain's plans at NOTICE level.
  const notices = group.indexes.flatMap((index) => {
    const entry = log[index]!;
    return isSqlEntry(entry) ? (entry.notices ?? []) : [];
  });
  if (notices.length > 0) {
    item.append(
      h(
        'details',
        { class: 'query-notices' },
        h('summary', {}, `PostgreSQL sent ${formatCount(notices.length, 'message')}`),
        ...notices.map((notice) => h('pre', {}, notice)),
      ),
    );
  }
  const explainButton = explainButtonFor(group.indexes[0]!, first, ordinals, options);
  if (group.count === 1) {
    item.append(
      h(
        'p',
        { class: 'query-params' },
        paramsText(first.params),
        ` · ${formatMs(first.durationMs)} · ${rowsText(first)}`,
      ),
    );
    if (explainButton) item.append(explainButton);
    return item;
  }
  if (explainButton) item.append(explainButton);
  const list = h(
    'details',
    { class: 'query-instances' },
    h('summary', {}, `Show the ${group.count} queries`),
  );
  list.addEventListener('toggle', () => {
    if (!list.open || list.childElementCount > 1) return;
    const shown = group.indexes.slice(0, MAX_LISTED);
    const table = h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, '#'),
          h('th', { scope: 'col' }, 'Parameters'),
          h('th', { scope: 'col' }, 'Time'),
          h('th', { scope: 'col' }, 'Rows'),
        ),
      ),
      h(
        'tbody',
        {},
        ...shown.map((index) => {
          const query = log[index] as RecordedQuery;
          return h(
            'tr',
            {},
            h('td', {}, String(index + 1)),
            h('td', {}, paramsText(query.params)),
            h('td', {}, formatMs(query.durationMs)),
            h('td', {}, String(query.rows)),
          );
        }),
      ),
    );
    list.append(scrollingTable(table, `The ${group.count} queries`));
    if (group.count > MAX_LISTED) list.append(h('p', {}, `…and ${group.count - MAX_LISTED} more.`));
  });
  item.append(list);
  return item;
}

/** "Explain" under a statement: asks the engine for its plan and shows it in place. */
function explainButtonFor(
  index: number,
  entry: RecordedQuery,
  ordinals: Map<number, number>,
  options: QueryLogOptions,
): HTMLElement | undefined {
  const ordinal = ordinals.get(index);
  if (!options.explain || ordinal === undefined || entry.error || !isExplainable(entry.sql)) return undefined;
  const button = h('button', { type: 'button', class: 'explain-button' }, 'EXPLAIN ANALYZE this statement');
  const output = h('div', { class: 'explain-output', 'aria-live': 'polite' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    output.replaceChildren(h('p', {}, 'Running EXPLAIN ANALYZE in the same data state…'));
    try {
      output.replaceChildren(await options.explain!(ordinal, entry.sql));
      button.hidden = true;
    } catch (error) {
      output.replaceChildren(
        h(
          'p',
          { class: 'query-error' },
          `Could not explain it: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
      button.disabled = false;
    }
  });
  return h('div', { class: 'explain' }, button, output);
}

function renderServiceGroup(group: QueryGroup, log: readonly LogEntry[], first: ServiceCall): HTMLLIElement {
  const badges = [h('span', { class: 'badge badge-service' }, KIND_NAMES[first.kind])];
  if (first.origin === 'job')
    badges.push(h('span', { class: 'badge badge-service' }, 'made by a background job'));
  if (group.count > 1) badges.push(h('span', { class: 'badge badge-similar' }, `similar ×${group.count}`));
  const item = h(
    'li',
    { class: 'query-group' },
    h(
      'div',
      { class: 'query-group-head' },
      ...badges,
      h('span', { class: 'query-group-time' }, `${formatMs(group.totalMs)} simulated in all`),
    ),
    h('pre', { class: 'sql' }, h('code', {}, group.sql)),
  );
  const rows = group.indexes.slice(0, MAX_LISTED).map((index) => {
    const call = log[index] as ServiceCall;
    return h(
      'tr',
      {},
      h('td', {}, String(index + 1)),
      h('td', {}, formatMs(call.startedAtMs)),
      h('td', {}, call.outcome),
      h('td', {}, formatMs(call.simulatedMs)),
      h('td', {}, call.detail ?? ''),
    );
  });
  const table = h(
    'table',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, '#'),
        h('th', { scope: 'col' }, 'At'),
        h('th', { scope: 'col' }, 'Outcome'),
        h('th', { scope: 'col' }, 'Took'),
        h('th', { scope: 'col' }, 'Detail'),
      ),
    ),
    h('tbody', {}, ...rows),
  );
  const list = h(
    'details',
    { class: 'query-instances', ...(group.count === 1 ? { open: '' } : {}) },
    h('summary', {}, group.count === 1 ? 'The call' : `Show the ${group.count} calls`),
    scrollingTable(table, group.count === 1 ? 'The call' : `The ${group.count} calls`),
  );
  item.append(list);
  if (group.count > MAX_LISTED) item.append(h('p', {}, `…and ${group.count - MAX_LISTED} more.`));
  return item;
}

export function renderSql(sql: string): HTMLElement {
  const code = h('code', {});
  for (const token of tokenizeSql(sql)) {
    code.append(token.kind === 'plain' ? token.text : h('span', { class: `sql-${token.kind}` }, token.text));
  }
  return h('pre', { class: 'sql' }, code);
}

function paramsText(params: readonly unknown[]): string {
  if (params.length === 0) return 'no parameters';
  const shown = params
    .slice(0, 12)
    .map((p) => (typeof p === 'string' ? `'${p}'` : p instanceof Date ? p.toISOString() : String(p)));
  const more = params.length > 12 ? `, … (${params.length} in all)` : '';
  return `[${shown.join(', ')}${more}]`;
}

function rowsText(query: RecordedQuery): string {
  if (query.affectedRows && query.rows === 0) return formatCount(query.affectedRows, 'row') + ' changed';
  return formatCount(query.rows, 'row');
}
