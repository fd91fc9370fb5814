/** PostgreSQL's error fields that survive into a StatementError (and into the pane). */
const FIELDS = [
  'severity',
  'code',
  'detail',
  'hint',
  'position',
  'where',
  'schema',
  'table',
  'column',
  'constraint',
] as const;

/**
 * A statement that PostgreSQL rejected, as the recorder reports it: the driver's error fields
 * (SQLSTATE `code`, `detail`, `hint`, `constraint`, …) plus what only the recorder knows, the SQL
 * and how many bind parameters it carried. Variants can catch it and read `code` as they would
 * a driver's error (`23505` for a unique violation); the original error is its `cause`.
 */
export class StatementError extends Error {
  override name = 'DatabaseError';
  readonly sql: string;
  readonly parameterCount: number;
  readonly severity?: string;
  readonly code?: string;
  readonly detail?: string;
  readonly hint?: string;
  readonly position?: string;
  readonly where?: string;
  readonly schema?: string;
  readonly table?: string;
  readonly column?: string;
  readonly constraint?: string;

  constructor(cause: unknown, sql: string, parameterCount: number) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.sql = sql;
    this.parameterCount = parameterCount;
    const fields = (cause ?? {}) as Record<string, unknown>;
    for (const field of FIELDS) {
      if (typeof fields[field] === 'string') (this as Record<string, unknown>)[field] = fields[field];
    }
  }
}
