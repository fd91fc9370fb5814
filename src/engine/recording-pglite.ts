import type { PGlite as KyselyPGlite, PGliteQueryOptions, PGliteTransaction } from 'kysely';
import type { Clock } from '../simulation/clock.ts';
import type { TransactionGate } from '../simulation/simulated-jobs.ts';
import { estimateResultBytes } from './estimate-result-bytes.ts';
import type { RecordedQuery } from './recorded-query.ts';
import { StatementError } from './statement-error.ts';

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
 * It also keeps what the simulated services need to know about transactions: callbacks to run
 * after the outermost COMMIT (Django's `transaction.on_commit`), and whether one is open.
 *
 * @example
 * const log: RecordedQuery[] = [];
 * const db = new Kysely<LibraryDatabase>({
 *   dialect: new PGliteDialect({ pglite: new RecordingPGlite(pglite, log) }),
 * });
 */
export interface RecorderOptions {
  /**
   * Make each statement sent outside `transaction()` behave like a statement in autocommit mode
   * (a real driver's default, and Django's): when it fails, the statements before it stay and the
   * ones after it still run. The sandbox is one transaction, so without this a failed statement
   * aborts the rest of the run (SQLSTATE 25P02). It costs two unrecorded statements (a savepoint
   * and its release) around each statement, so it is opt-in, for examples whose lesson is what a
   * failure leaves behind.
   */
  autocommit?: boolean;
  /** The run's virtual clock: simulated time stands still while a statement runs. */
  clock?: Clock & { track<T>(operation: () => Promise<T>): Promise<T> };
  /** Marks every entry, e.g. `job` for the statements a background job sends. */
  origin?: string;
  /**
   * A real session outside the sandbox (an extra server session an example opens): its
   * transactions are real BEGIN/COMMIT/ROLLBACK, and raw transaction control is allowed, because
   * there is no rolled-back transaction around it to escape from.
   */
  unsandboxed?: boolean;
  /**
   * Explain one statement instead of running it: the `statement`-th statement the variant sends
   * (0-based, BEGIN/COMMIT not counted) is run as EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON), which
   * executes it, its plan goes to `onPlan`, and the run ends with an {@link ExplainCaptured}.
   */
  explain?: { statement: number; onPlan(plan: unknown, sql: string, params: readonly unknown[]): void };
  /**
   * Awaited before each statement the variant sends and before each BEGIN; when it throws, the
   * statement is not sent and the variant gets the error. The engine uses it to stop an extra
   * warm-up run as soon as a call arrives (PlaygroundEngine).
   */
  beforeStatement?: () => Promise<void>;
}

/** Ends a run once the statement to explain has been explained. */
export class ExplainCaptured extends Error {
  override name = 'ExplainCaptured';
}

/** Anything that takes log entries: an array, or a RunLog. */
export interface QueryLogSink {
  push(entry: RecordedQuery): unknown;
}

export class RecordingPGlite implements KyselyPGlite, TransactionGate {
  readonly #pglite: QueryablePGlite;
  readonly #log: QueryLogSink;
  readonly #options: RecorderOptions;
  /** How many `transaction()` calls are open; statements outside any are "autocommit" statements. */
  #transactionDepth = 0;
  /** on_commit callbacks with the depth they were registered at. */
  #onCommit: { depth: number; callback: () => unknown }[] = [];
  #closedWaiters: (() => void)[] = [];
  #statements = 0;

  constructor(pglite: QueryablePGlite, log: QueryLogSink, options: RecorderOptions = {}) {
    this.#pglite = pglite;
    this.#log = log;
    this.#options = options;
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

  /** True while a `transaction()` is open. */
  get open(): boolean {
    return this.#transactionDepth > 0;
  }

  /** Resolves once no transaction is open. */
  whenClosed(): Promise<void> {
    if (!this.open) return Promise.resolve();
    return new Promise((resolve) => this.#closedWaiters.push(resolve));
  }

  /**
   * Like Django's `transaction.on_commit(callback)`: outside a transaction the callback runs at
   * once; inside, after the outermost transaction commits, and never if it (or the savepoint it
   * was registered in) rolls back.
   */
  async onCommit(callback: () => unknown): Promise<void> {
    if (!this.open) {
      await callback();
      return;
    }
    this.#onCommit.push({ depth: this.#transactionDepth, callback });
  }

  /** Kysely's `destroy()` calls this; the runner owns PGlite's life, so it does nothing. */
  async close(): Promise<void> {}

  async query<T>(sql: string, params: unknown[] = [], options?: PGliteQueryOptions) {
    await this.#options.beforeStatement?.();
    const control = this.#options.unsandboxed ? null : RAW_TRANSACTION_CONTROL.exec(sql);
    if (control) {
      throw new TransactionControlError(
        `Raw "${control[1]!.toUpperCase()}" is not allowed here: every run happens inside a transaction ` +
          'that is rolled back afterwards, so runs cannot change the data. Use db.transaction() instead; ' +
          'it is recorded as BEGIN and COMMIT like a real driver sends them.',
      );
    }
    const explain = this.#options.explain;
    if (explain && this.#statements++ === explain.statement) {
      const { rows } = await this.#pglite.query<Record<string, unknown>>(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
        params,
      );
      const plan = Object.values(rows[0] ?? {})[0];
      explain.onPlan(Array.isArray(plan) ? plan[0] : plan, sql, params);
      throw new ExplainCaptured('The statement was explained; the run stops here.');
    }
    if (!this.#options.autocommit || this.open) return this.#record<T>('query', sql, params, options);
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
    // Outside the sandbox (an extra session), a transaction is the real thing.
    const [begin, commit, rollback] = this.#options.unsandboxed
      ? ['BEGIN', 'COMMIT', 'ROLLBACK']
      : [`SAVEPOINT ${name}`, `RELEASE SAVEPOINT ${name}`, `ROLLBACK TO SAVEPOINT ${name}`];
    await this.#options.beforeStatement?.();
    await this.#record('transaction', begin, [], undefined, 'BEGIN');
    const depth = ++this.#transactionDepth;
    let rolledBack = false;
    const tx: PGliteTransaction = {
      query: (sql, params, options) => this.query(sql, params, options),
      rollback: async () => {
        rolledBack = true;
        await this.#record('transaction', rollback, [], undefined, 'ROLLBACK');
      },
    };
    let committed = false;
    try {
      const result = await callback(tx);
      if (!rolledBack) {
        await this.#record('transaction', commit, [], undefined, 'COMMIT');
        committed = true;
      }
      return result;
    } catch (error) {
      if (!rolledBack) {
        await this.#record('transaction', rollback, [], undefined, 'ROLLBACK');
      }
      throw error;
    } finally {
      this.#transactionDepth -= 1;
      if (!committed) {
        // Callbacks registered in what was rolled back never run.
        this.#onCommit = this.#onCommit.filter((entry) => entry.depth < depth);
      }
      if (!this.open) {
        const callbacks = committed ? this.#onCommit.map((entry) => entry.callback) : [];
        this.#onCommit = [];
        for (const callback of callbacks) await callback();
        const waiters = this.#closedWaiters;
        this.#closedWaiters = [];
        for (const wake of waiters) wake();
      }
    }
  }

  async #record<T>(
    kind: RecordedQuery['kind'],
    sql: string,
    params: unknown[],
    options: PGliteQueryOptions | undefined,
    shownAs: string = sql,
  ) {
    const clock = this.#options.clock;
    const context = {
      ...(clock ? { startedAtMs: clock.now() } : {}),
      ...(this.#options.origin ? { origin: this.#options.origin } : {}),
    };
    const notices: string[] = [];
    const send = () =>
      this.#pglite.query<T>(sql, params, {
        ...options,
        onNotice: (notice: { message?: string }) => {
          notices.push(String(notice.message ?? notice));
          options?.onNotice?.(notice);
        },
      });
    const started = performance.now();
    try {
      const result = await (clock ? clock.track(send) : send());
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
        ...context,
        ...(notices.length > 0 ? { notices } : {}),
      });
      return result;
    } catch (error) {
      this.#log.push({
        kind,
        sql: shownAs,
        params,
        durationMs: performance.now() - started,
        rows: 0,
        bytes: 0,
        error: error instanceof Error ? error.message : String(error),
        ...context,
      });
      throw new StatementError(error, shownAs, params.length);
    }
  }
}
