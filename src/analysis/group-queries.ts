import { countRoundTrips, isSqlEntry, type LogEntry, type RoundTripCounts } from './log-entry.ts';

/**
 * Log entries grouped like a database debug toolbar's SQL panel:
 * - *similar*: the same SQL text with any parameters (for a service call: the same call with
 *   only numbers changed, `GET …/items/1` and `GET …/items/2`). A large similar group is the N+1
 *   signature, for HTTP calls as much as for SQL.
 * - *duplicate*: the same SQL text with the same parameters (the same call): work done twice.
 *
 * @example
 * const groups = groupQueries(log);
 * groups.filter((g) => g.count > 1); // the repeated shapes, largest first
 */
export interface QueryGroup {
  /** The first entry's SQL, or a service call's label. */
  sql: string;
  kind: LogEntry['kind'];
  /** How many entries share this shape (the group's multiplicity). */
  count: number;
  /** Indexes into the log, in execution order. */
  indexes: number[];
  /** Measured time for SQL; simulated time for service calls. */
  totalMs: number;
  /** How many of the entries repeat parameters (or, for a service, the exact call) already seen in this group. */
  duplicates: number;
  /** The largest set of identical entries within the group. */
  largestDuplicateRun: number;
}

export function groupQueries(log: readonly LogEntry[]): QueryGroup[] {
  const groups = new Map<string, QueryGroup & { seen: Map<string, number> }>();
  log.forEach((entry, index) => {
    const text = isSqlEntry(entry) ? entry.sql : entry.label;
    const shape = isSqlEntry(entry) ? normaliseSql(entry.sql) : entry.label.replace(/\d+/g, '#');
    const key = `${entry.kind}\u0000${entry.origin ?? ''}\u0000${shape}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        sql: text,
        kind: entry.kind,
        count: 0,
        indexes: [],
        totalMs: 0,
        duplicates: 0,
        largestDuplicateRun: 0,
        seen: new Map(),
      };
      groups.set(key, group);
    }
    group.count += 1;
    group.indexes.push(index);
    group.totalMs += isSqlEntry(entry) ? entry.durationMs : entry.simulatedMs;
    // FETCH and MOVE read on from where a cursor stands, so the same text is new work each time;
    // a job run is the worker's work, not a repeated call.
    if (isSqlEntry(entry) ? CURSOR_STEP.test(entry.sql) : entry.kind === 'job-run') return;
    const identity = isSqlEntry(entry) ? stableParams(entry.params) : entry.label;
    const times = (group.seen.get(identity) ?? 0) + 1;
    group.seen.set(identity, times);
    if (times > 1) group.duplicates += 1;
    group.largestDuplicateRun = Math.max(group.largestDuplicateRun, times);
  });
  return [...groups.values()]
    .map(({ seen: _seen, ...group }) => group)
    .sort((a, b) => b.count - a.count || a.indexes[0]! - b.indexes[0]!);
}

const CURSOR_STEP = /^\s*(fetch|move)\b/i;

/** Whitespace differences do not make two statements different. */
function normaliseSql(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}

function stableParams(params: readonly unknown[]): string {
  return JSON.stringify(params, (_, value: unknown) =>
    typeof value === 'bigint' ? `${value}n` : value instanceof Date ? value.toISOString() : value,
  );
}

export interface LogSummary {
  /** SQL statements, BEGIN/COMMIT/ROLLBACK included (the headline count). */
  queries: number;
  transactionStatements: number;
  /** Round trips of every kind the log holds. */
  roundTrips: RoundTripCounts;
  similarGroups: QueryGroup[];
  duplicateQueries: number;
  /** Measured: the sum of SQL durations. */
  dbMs: number;
  /** Simulated: the sum of the service calls' durations (they may overlap in time). */
  serviceMs: number;
  rows: number;
  bytes: number;
}

/** Summary counts for a log: what the pane's headline says. */
export function summariseLog(log: readonly LogEntry[]): LogSummary {
  const groups = groupQueries(log);
  let dbMs = 0;
  let serviceMs = 0;
  let rows = 0;
  let bytes = 0;
  let transactionStatements = 0;
  for (const entry of log) {
    bytes += entry.bytes;
    if (isSqlEntry(entry)) {
      dbMs += entry.durationMs;
      rows += entry.rows;
      if (entry.kind === 'transaction') transactionStatements += 1;
    } else if (entry.kind !== 'job-run') {
      serviceMs += entry.simulatedMs;
    }
  }
  const roundTrips = countRoundTrips(log);
  return {
    queries: roundTrips.sql,
    transactionStatements,
    roundTrips,
    similarGroups: groups.filter((g) => g.kind !== 'transaction' && g.kind !== 'job-run' && g.count > 1),
    duplicateQueries: groups.reduce((sum, g) => sum + g.duplicates, 0),
    dbMs,
    serviceMs,
    rows,
    bytes,
  };
}
