import type { Kysely, sql } from 'kysely';
import type { Clock } from '../simulation/clock.ts';
import type { LoadRequest } from '../simulation/load-simulation.ts';
import type { SimulatedCache } from '../simulation/simulated-cache.ts';
import type { SimulatedHttp } from '../simulation/simulated-http.ts';
import type { SimulatedJobs } from '../simulation/simulated-jobs.ts';

/**
 * What every variant function receives. `db` is typed with the dataset's tables, so the
 * examples are type-checked by `npm test` like any other code. Besides the database, a variant
 * can call simulated outside services (`http`, `cache`, `jobs`) on a virtual `clock`; their
 * behaviour is declared in the example's `services:` and every call lands in the same log.
 *
 * @example
 * export default async function good({ db, n }: LibraryContext) {
 *   return db.selectFrom('books').selectAll().limit(n).execute();
 * }
 */
export interface ExampleContext<Database> {
  db: Kysely<Database>;
  /** The data size the reader picked: how many rows the task works on (or requests, under load). */
  n: number;
  sql: typeof sql;
  /** Simulated HTTP upstreams: `https://<name>.example/…`. */
  http: SimulatedHttp;
  /** A simulated shared cache: every get, set and delete is a round trip. */
  cache: SimulatedCache;
  /** A simulated job queue whose worker runs jobs later, on the virtual clock. */
  jobs: SimulatedJobs<JobContext<Database>>;
  /** Simulated time: `clock.sleep(ms)` waits without real waiting. */
  clock: Clock;
  /** Seeded randomness (Math.random is seeded too during a run): the same seed, the same run. */
  random: () => number;
  /** Django's `transaction.on_commit`: runs after the outermost COMMIT, never after a ROLLBACK. */
  onCommit(callback: () => unknown): Promise<void>;
  /** Under a load simulation, the request this call serves. */
  request?: LoadRequest;
  /** More PostgreSQL sessions: real, separate servers booted from the same data. */
  sessions: ServerSessions<Database>;
}

/**
 * Extra PostgreSQL sessions for examples about session state (what a transaction-mode pooler
 * breaks). Each is a separate server started from the dataset's pre-seeded data, so it shares
 * the data but not the session: SET, prepared statements, temporary tables, advisory locks,
 * LISTEN and cursors WITH HOLD stay where they were made. They are not inside the run's
 * rolled-back transaction: their transactions really commit, so examples must not change table
 * data through them. After each run every session is reset with DISCARD ALL.
 */
export interface ServerSessions<Database> {
  /** Opens `count` sessions (1 to 3), logged as `session 2`, `session 3`, … */
  open(count: number): Promise<Kysely<Database>[]>;
}

/** What a background job's handler receives: the same services, its calls marked as the job's. */
export type JobContext<Database> = Omit<
  ExampleContext<Database>,
  'jobs' | 'request' | 'n' | 'onCommit' | 'sessions'
>;

/** The one export of a variant module. */
export type VariantFunction<Database = any> = (context: ExampleContext<Database>) => Promise<unknown>;
