/**
 * One round trip as the database saw it, recorded at the single boundary every query of a
 * variant passes through (see recording-pglite.ts).
 */
export interface RecordedQuery {
  /** `query` for statements the variant sent; `transaction` for BEGIN, COMMIT and ROLLBACK. */
  kind: 'query' | 'transaction';
  sql: string;
  params: readonly unknown[];
  /** Time from sending the statement to having its parsed rows, in milliseconds (measured). */
  durationMs: number;
  /** Rows in the result (0 for statements that return none). */
  rows: number;
  /** Rows written by INSERT, UPDATE or DELETE, when the statement reports it. */
  affectedRows?: number;
  /** Approximate size of the returned values as PostgreSQL sends them in text form. */
  bytes: number;
  /** Set when the statement failed. */
  error?: string;
  /** Simulated time when it was sent (see the virtual clock); SQL itself takes no simulated time. */
  startedAtMs?: number;
  /**
   * Who sent it, when not the request on its main session: `job` for a background job,
   * `session 2`, `session 3`… for the extra server sessions an example opens.
   */
  origin?: string;
  /** Messages PostgreSQL sent with the answer (NOTICE, WARNING; auto_explain's plans at NOTICE level). */
  notices?: string[];
}
