import type { RecordedQuery } from '../engine/recorded-query.ts';
import type { ServiceCall } from '../simulation/service-call.ts';

/** One line of a run's log: an SQL statement, or a call to a simulated service. */
export type LogEntry = RecordedQuery | ServiceCall;

/** Round trips by kind. `sql` counts statements, BEGIN/COMMIT/ROLLBACK included. */
export interface RoundTripCounts {
  sql: number;
  http: number;
  cache: number;
  job: number;
}

export const ROUND_TRIP_KINDS = ['sql', 'http', 'cache', 'job'] as const;

/** Which round-trip kind an entry counts as, or undefined for work that is not a round trip (a job run). */
export function roundTripKind(entry: LogEntry): keyof RoundTripCounts | undefined {
  switch (entry.kind) {
    case 'query':
    case 'transaction':
      return 'sql';
    case 'job-run':
      return undefined;
    default:
      return entry.kind;
  }
}

export function isSqlEntry(entry: LogEntry): entry is RecordedQuery {
  return entry.kind === 'query' || entry.kind === 'transaction';
}

export function countRoundTrips(log: readonly LogEntry[]): RoundTripCounts {
  const counts: RoundTripCounts = { sql: 0, http: 0, cache: 0, job: 0 };
  for (const entry of log) {
    const kind = roundTripKind(entry);
    if (kind) counts[kind] += 1;
  }
  return counts;
}
