/**
 * A variant's failure as data: what crosses the worker boundary and what the pane shows.
 * Database errors keep PostgreSQL's SQLSTATE and fields; JavaScript errors keep name and message.
 */
export interface VariantError {
  name: string;
  message: string;
  /** PostgreSQL's SQLSTATE, e.g. 42P01 for an unknown table. */
  code?: string;
  detail?: string;
  hint?: string;
  /** The statement that failed, when the recorder reported it (a StatementError). */
  sql?: string;
  /** Plain words for errors whose cause is not obvious from the message. */
  explanation?: string;
}

const PROTOCOL_PARAMETER_LIMIT = 65_535;

export function toVariantError(error: unknown): VariantError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  // A StatementError (src/engine/statement-error.ts) carries the SQL and its parameter count; a
  // driver's error carries PostgreSQL's fields. Read by shape: this module depends on nothing.
  const fields = error as Error & {
    code?: unknown;
    detail?: unknown;
    hint?: unknown;
    sql?: unknown;
    parameterCount?: unknown;
  };
  const result: VariantError = { name: error.name, message: error.message };
  if (typeof fields.code === 'string') result.code = fields.code;
  if (typeof fields.detail === 'string') result.detail = fields.detail;
  if (typeof fields.hint === 'string') result.hint = fields.hint;
  if (typeof fields.sql === 'string') result.sql = fields.sql;
  const explanation = explain(result, typeof fields.parameterCount === 'number' ? fields.parameterCount : 0);
  if (explanation) result.explanation = explanation;
  return result;
}

function explain(error: VariantError, parameterCount: number): string | undefined {
  // The count travels in 16 bits, so PostgreSQL sees it wrapped around and its message names a
  // meaningless number ("supplies 0 parameters", "has 4464 parameter formats").
  if (parameterCount > PROTOCOL_PARAMETER_LIMIT) {
    return (
      `This statement has ${parameterCount.toLocaleString('en')} bind parameters. ` +
      `PostgreSQL's wire protocol counts parameters in 16 bits, so one statement can carry at most ` +
      `${PROTOCOL_PARAMETER_LIMIT.toLocaleString('en')}. Split the write into batches ` +
      '(for example a few thousand rows per INSERT), as bulk_create(batch_size=…) does.'
    );
  }
  if (error.code === '25P02') {
    return (
      'An earlier statement in this run failed, and PostgreSQL refuses further statements in a ' +
      'transaction after an error. Every run is wrapped in a transaction that is rolled back, ' +
      'so catching a database error and carrying on does not work here unless the example runs ' +
      'in autocommit mode, or the failing statement is inside db.transaction().'
    );
  }
  if (error.name === 'NetworkRefusedError') {
    return (
      'Playground code runs without the network, this site’s storage or code from strings, so that ' +
      'code opened from a share link cannot send anything anywhere. Where an example has outside ' +
      'services, use the simulated ones in the function’s argument (http, cache, jobs).'
    );
  }
  if (error.name === 'HttpTimeoutError') {
    return (
      'The simulated upstream did not answer within the timeout the code set. Without a timeout the ' +
      'call would have waited for as long as the upstream hung, holding everything the request holds.'
    );
  }
  if (error.name === 'HttpConnectionError') {
    return 'The simulated upstream refused the connection (it is down in this part of the run), or no such upstream is declared.';
  }
  if (error.code === '57014') {
    return 'The statement ran longer than the statement timeout and PostgreSQL cancelled it.';
  }
  return undefined;
}
