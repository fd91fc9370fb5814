import { Kysely, PGliteDialect, sql } from 'kysely';
import { toVariantError, type VariantError } from '../analysis/variant-error.ts';
import { quoteIdentifier } from './dataset-loader.ts';
import type { VariantFunction } from './example-context.ts';
import type { RecordedQuery } from './recorded-query.ts';
import { RecordingPGlite, type QueryablePGlite } from './recording-pglite.ts';

export interface VariantRun {
  /** Every round trip the variant made, in order. */
  log: RecordedQuery[];
  /** Time from calling the variant to its promise settling, in milliseconds. */
  wallMs: number;
  outcome: { ok: true; value: unknown } | { ok: false; error: VariantError };
}

export interface RunOptions {
  /** The dataset's schema; the run's `search_path` points at it. */
  dataset: string;
  n: number;
  variant: VariantFunction;
  /** Statements outside db.transaction() behave as in autocommit mode (see RecordingPGlite). */
  autocommit?: boolean;
}

/**
 * Runs one variant against `pglite` and records what it did. The same function runs in the
 * browser's worker and in the Node tests.
 *
 * Fairness: the run happens inside a transaction that is always rolled back, so whatever the
 * variant writes, deletes or drops, the next run starts from the identical seeded state. That
 * costs one BEGIN and one ROLLBACK (well under a millisecond), which are not recorded: they are
 * the sandbox, not the variant's work.
 */
export async function runVariant(pglite: QueryablePGlite, options: RunOptions): Promise<VariantRun> {
  const log: RecordedQuery[] = [];
  const db = new Kysely<unknown>({
    dialect: new PGliteDialect({
      pglite: new RecordingPGlite(pglite, log, { autocommit: options.autocommit }),
    }),
  });
  await pglite.query('BEGIN');
  try {
    await pglite.query(`SET LOCAL search_path TO ${quoteIdentifier(options.dataset)}`);
    const started = performance.now();
    let outcome: VariantRun['outcome'];
    try {
      outcome = { ok: true, value: await options.variant({ db, n: options.n, sql }) };
    } catch (error) {
      outcome = { ok: false, error: toVariantError(error) };
    }
    return { log, wallMs: performance.now() - started, outcome };
  } finally {
    await pglite.query('ROLLBACK');
  }
}
