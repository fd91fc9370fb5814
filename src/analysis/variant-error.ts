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
  /** Plain words for errors whose cause is not obvious from the message. */
  explanation?: string;
}

const PROTOCOL_PARAMETER_LIMIT = 65_535;

export function toVariantError(error: unknown): VariantError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const fields = error as Error & {
    code?: unknown;
    detail?: unknown;
    hint?: unknown;
    parameterCount?: unknown;
  };
  const result: VariantError = { name: error.name, message: error.message };
  if (typeof fields.code === 'string') result.code = fields.code;
  if (typeof fields.detail === 'string') result.detail = fields.detail;
  if (typeof fields.hint === 'string') result.hint = fields.hint;
  const explanation = explain(result, typeof fields.parameterCount === 'number' ? fields.parameterCount : 0);
  if (explanation) result.explanation = explanation;
  return result;
}

/** Marks a failed statement with how many parameters it carried; the recorder knows, the error does not. */
export function noteParameterCount(error: unknown, count: number): void {
  if (error && typeof error === 'object') Object.assign(error, { parameterCount: count });
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
      'so catching a database error and carrying on does not work here.'
    );
  }
  if (error.code === '57014') {
    return 'The statement ran longer than the statement timeout and PostgreSQL cancelled it.';
  }
  return undefined;
}
