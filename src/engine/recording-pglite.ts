import type { PGlite as KyselyPGlite, PGliteQueryOptions, PGliteTransaction } from 'kysely';
import { noteParameterCount } from '../analysis/variant-error.ts';
import { estimateResultBytes } from './estimate-result-bytes.ts';
import type { RecordedQuery } from './recorded-query.ts';

/** The part of PGlite the recorder wraps; a real PGlite satisfies it. */
export interface QueryablePGlite {
  query<T>(
    sql: string,
    params?: unknown[],
    options?: PGliteQueryOptions,
  ): Promise<{ rows: T[]; affectedRows?: number; fields: { name: string; dataTypeID: number }[] }>;
  readonly ready: boolean;
  readonly closed: boolean;
  readonly waitReady: Promise<void>;
}

/** Thrown for BEGIN, COMMIT, ROLLBACK and friends sent as raw SQL: they would escape the sandbox. */
export class TransactionControlError extends Error {
  override name = 'TransactionControlError';
}

const RAW_TRANSACTION_CONTROL =
  /^\s*(?:(?:--[^\n]*\n|\/\*[\s\S]*?\*\/)\s*)*(begin|start\s+transaction|commit|end|abort|rollback(?!\s+to\b)|prepare\s+transaction)\b/i;

let savepointCounter = 0;

/**
 * The one boundary every statement of a variant passes through: a PGlite look-alike handed to
 * Kysely's `PGliteDialect`. It times each statement, counts its rows and bytes, and appends a
 * {@link RecordedQuery} to `log`.
 *
 * The runner keeps the whole run inside a transaction that it rolls back afterwards, so
 * `transaction()` here opens a savepoint instead of a transaction. It is recorded as the
 * BEGIN / COMMIT / ROLLBACK a real driver would send, because those are round trips too.
 *
 * @example
 * const log: RecordedQuery[] = [];
 * const db = new Kysely<LibraryDatabase>({
 *   dialect: new PGliteDialect({ pglite: new RecordingPGlite(pglite, log) }),
 * });
 */
export class RecordingPGlite implements KyselyPGlite {
  readonly #pglite: QueryablePGlite;
  readonly #log: RecordedQuery[];
  readonly #autocommit: boolean;
  /** How many `transaction()` calls are open; statements outside any are "autocommit" statements. */
  #transactionDepth = 0;

  /**
   * @param options.autocommit Make each statement sent outside `transaction()` behave like a
   *   statement in autocommit mode (a real driver's default, and Django's): when it fails, the
   *   statements before it stay and the ones after it still run. The sandbox is one transaction,
   *   so without this a failed statement aborts the rest of the run (SQLSTATE 25P02). It costs two
   *   unrecorded statements (a savepoint and its release) around each statement, so it is opt-in,
   *   for examples whose lesson is what a failure leaves behind.
   */
  constructor(pglite: QueryablePGlite, log: RecordedQuery[], options: { autocommit?: boolean } = {}) {
    this.#pglite = pglite;
    this.#log = log;
    this.#autocommit = options.autocommit ?? false;
  }

  get ready(): boolean {
    return this.#pglite.ready;
  }
  get closed(): boolean {
    return this.#pglite.closed;
  }
  get waitReady(): Promise<void> {
    return this.#pglite.waitReady;
  }

  /** Kysely's `destroy()` calls this; the runner owns PGlite's life, so it does nothing. */
  async close(): Promise<void> {}

  async query<T>(sql: string, params: unknown[] = [], options?: PGliteQueryOptions) {
    const control = RAW_TRANSACTION_CONTROL.exec(sql);
    if (control) {
      throw new TransactionControlError(
        `Raw "${control[1]!.toUpperCase()}" is not allowed here: every run happens inside a transaction ` +
          'that is rolled back afterwards, so runs cannot change the data. Use db.transaction() instead; ' +
          'it is recorded as BEGIN and COMMIT like a real driver sends them.',
      );
    }
    if (!this.#autocommit || this.#transactionDepth > 0)
      return this.#record<T>('query', sql, params, options);
    await this.#pglite.query('SAVEPOINT round_trip_autocommit');
    try {
      const result = await this.#record<T>('query', sql, params, options);
      await this.#pglite.query('RELEASE SAVEPOINT round_trip_autocommit');
      return result;
    } catch (error) {
      await this.#pglite.query('ROLLBACK TO SAVEPOINT round_trip_autocommit');
      await this.#pglite.query('RELEASE SAVEPOINT round_trip_autocommit');
      throw error;
    }
  }

  async transaction<T>(callback: (tx: PGliteTransaction) => Promise<T>): Promise<T> {
    const name = `round_trip_tx_${++savepointCounter}`;
    await this.#record('transaction', `SAVEPOINT ${name}`, [], undefined, 'BEGIN');
    this.#transactionDepth += 1;
    let rolledBack = false;
    const tx: PGliteTransaction = {
      query: (sql, params, options) => this.query(sql, params, options),
      rollback: async () => {
        rolledBack = true;
        await this.#record('transaction', `ROLLBACK TO SAVEPOINT ${name}`, [], undefined, 'ROLLBACK');
      },
    };
    try {
      const result = await callback(tx);
      if (!rolledBack)
        await this.#record('transaction', `RELEASE SAVEPOINT ${name}`, [], undefined, 'COMMIT');
      return result;
    } catch (error) {
      if (!rolledBack) {
        await this.#record('transaction', `ROLLBACK TO SAVEPOINT ${name}`, [], undefined, 'ROLLBACK');
      }
      throw error;
    } finally {
      this.#transactionDepth -= 1;
    }
  }

  async #record<T>(
    kind: RecordedQuery['kind'],
    sql: string,
    params: unknown[],
    options: PGliteQueryOptions | undefined,
    shownAs: string = sql,
  ) {
    const started = performance.now();
    try {
      const result = await this.#pglite.query<T>(sql, params, options);
      const durationMs = performance.now() - started;
      const rows = result.rows as Record<string, unknown>[];
      this.#log.push({
        kind,
        sql: shownAs,
        params,
        durationMs,
        rows: rows.length,
        affectedRows: result.affectedRows,
        bytes: estimateResultBytes(rows),
      });
      return result;
    } catch (error) {
      noteParameterCount(error, params.length);
      this.#log.push({
        kind,
        sql: shownAs,
        params,
        durationMs: performance.now() - started,
        rows: 0,
        bytes: 0,
        error: error instanceof Error ? error.message : String(error),
      });
      throw error;
    }
  }
}
