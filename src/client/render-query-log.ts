import { groupQueries, type QueryGroup } from '../analysis/group-queries.ts';
import { formatCount, formatMs } from '../analysis/format-figures.ts';
import { tokenizeSql } from '../analysis/highlight-sql.ts';
import type { RecordedQuery } from '../engine/recorded-query.ts';
import { isSqlEntry, type LogEntry } from '../analysis/log-entry.ts';
import type { ServiceCall } from '../simulation/service-call.ts';
import { h } from './dom.ts';

/** Queries listed when a group is opened; the rest are counted, not rendered. */
const MAX_LISTED = 200;

/**
 * The query log of one run, like a debug toolbar's SQL panel: one row per distinct statement,
 * with its multiplicity, and the individual queries rendered only when a group is opened.
 */
export function renderQueryLog(log: readonly LogEntry[]): HTMLElement {
  const groups = groupQueries(log);
  const similar = groups.filter((g) => g.kind === 'query' && g.count > 1);
  const summaryText = [
    `Query log: ${formatCount(log.length, 'query', 'queries')}`,
    formatCount(groups.length, 'distinct statement'),
    similar.length > 0 ? formatCount(similar.length, 'similar group') : '',
  ]
    .filter(Boolean)
    .join(', ');
  const details = h('details', { class: 'query-log' }, h('summary', {}, summaryText));
  // Built on first open: a 1,000-query log costs nothing until someone looks.
  details.addEventListener(
    'toggle',
    () => {
      if (details.open && details.childElementCount === 1) {
        details.append(h('ol', { class: 'query-groups' }, ...groups.map((g) => renderGroup(g, log))));
      }
    },
    { once: false },
  );
  return details;
}

function renderGroup(group: QueryGroup, log: readonly LogEntry[]): HTMLLIElement {
  const first = log[group.indexes[0]!]!;
  if (!isSqlEntry(first)) return renderServiceGroup(group, log as readonly ServiceCall[], first);
  const badges: HTMLElement[] = [];
  if (group.kind === 'transaction')
    badges.push(h('span', { class: 'badge badge-tx' }, 'transaction control'));
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
  if (group.count === 1) {
    item.append(
      h(
        'p',
        { class: 'query-params' },
        paramsText(first.params),
        ` · ${formatMs(first.durationMs)} · ${rowsText(first)}`,
      ),
    );
    return item;
  }
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
          const query = log[index]! as RecordedQuery;
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
    list.append(h('div', { class: 'table-scroll' }, table));
    if (group.count > MAX_LISTED) list.append(h('p', {}, `…and ${group.count - MAX_LISTED} more.`));
  });
  item.append(list);
  return item;
}

const KIND_NAMES: Record<ServiceCall['kind'], string> = {
  http: 'HTTP (simulated)',
  cache: 'cache (simulated)',
  job: 'job queue (simulated)',
  'job-run': 'job run by the worker (simulated)',
};

function renderServiceGroup(
  group: QueryGroup,
  log: readonly ServiceCall[],
  first: ServiceCall,
): HTMLLIElement {
  const badges = [h('span', { class: 'badge badge-service' }, KIND_NAMES[first.kind])];
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
  const shown = group.indexes.slice(0, MAX_LISTED);
  const rows = shown.map((index) => {
    const call = (log as readonly LogEntry[])[index] as ServiceCall;
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
        h('th', { scope: 'col' }, 'At (simulated)'),
        h('th', { scope: 'col' }, 'Outcome'),
        h('th', { scope: 'col' }, 'Took (simulated)'),
        h('th', { scope: 'col' }, 'Detail'),
      ),
    ),
    h('tbody', {}, ...rows),
  );
  item.append(h('div', { class: 'table-scroll' }, table));
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
