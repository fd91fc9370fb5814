import { isSqlEntry, roundTripKind, type LogEntry, type RoundTripCounts } from '../analysis/log-entry.ts';

export type { LogEntry, RoundTripCounts } from '../analysis/log-entry.ts';

/**
 * A run's log. It keeps the first `limit` entries for display (a load simulation can make tens of
 * thousands of calls) and counts every entry, so the counts the claims are checked against are
 * exact even when the list is cut.
 */
export class RunLog {
  readonly entries: LogEntry[] = [];
  readonly counts: RoundTripCounts = { sql: 0, http: 0, cache: 0, job: 0 };
  dropped = 0;
  /** Sum of the measured SQL durations, exact even when entries were dropped. */
  sqlMs = 0;
  readonly #limit: number;

  constructor(limit = Infinity) {
    this.#limit = limit;
  }

  push(entry: LogEntry): void {
    const kind = roundTripKind(entry);
    if (kind) this.counts[kind] += 1;
    if (isSqlEntry(entry)) this.sqlMs += entry.durationMs;
    if (this.entries.length < this.#limit) this.entries.push(entry);
    else this.dropped += 1;
  }
}
