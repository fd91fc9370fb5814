import { Kysely, PGliteDialect, sql } from 'kysely';
import { summarizeLoad, type LoadSummary } from '../analysis/summarize-load.ts';
import { toVariantError, type VariantError } from '../analysis/variant-error.ts';
import type { LoadConfig, LoadRecord } from '../simulation/load-simulation.ts';
import { simulateLoad } from '../simulation/load-simulation.ts';
import { nextMacrotask } from '../simulation/next-macrotask.ts';
import { ServiceEnvironment } from '../simulation/service-environment.ts';
import { DEFAULT_SERVICES, type ServicesConfig } from '../simulation/services-config.ts';
import { SimulatedCache } from '../simulation/simulated-cache.ts';
import { SimulatedHttp } from '../simulation/simulated-http.ts';
import { SimulatedJobs } from '../simulation/simulated-jobs.ts';
import { VirtualClock } from '../simulation/virtual-clock.ts';
import { quoteIdentifier } from './dataset-loader.ts';
import type { ExampleContext, JobContext, VariantFunction } from './example-context.ts';
import { RecordingPGlite, type QueryablePGlite, type RecorderOptions } from './recording-pglite.ts';
import { RunLog, type LogEntry, type RoundTripCounts } from './run-log.ts';

export interface VariantRun {
  /** Every round trip the variant made, in order (the first `maxLogEntries` of them). */
  log: LogEntry[];
  /** Round trips by kind, exact even when the log was cut. */
  counts: RoundTripCounts;
  /** Entries left out of `log` (a load simulation can make tens of thousands of calls). */
  droppedEntries: number;
  /** Sum of the measured SQL durations (the database time). */
  dbMs: number;
  /** Real time from calling the variant to its promise settling, in milliseconds. */
  wallMs: number;
  /** Simulated time the run took on the virtual clock (outside calls, sleeps, timeouts). */
  simulatedMs: number;
  outcome: { ok: true; value: unknown } | { ok: false; error: VariantError };
  /** Under a load simulation: the summary, and each request's timeline. */
  load?: { summary: LoadSummary; records: LoadRecord[] };
}

export interface RunOptions {
  /** The dataset's schema; the run's `search_path` points at it. */
  dataset: string;
  n: number;
  variant: VariantFunction;
  /** Statements outside db.transaction() behave as in autocommit mode (see RecordingPGlite). */
  autocommit?: boolean;
  /** How the simulated services behave; defaults when the example declares none. */
  services?: ServicesConfig;
  /** Run the variant as the request handler of a load simulation of `n` requests. */
  load?: LoadConfig;
  /** Keep at most this many log entries (the counts stay exact). */
  maxLogEntries?: number;
  /** Explain the n-th statement instead of running it (see RecordingPGlite); the run ends there. */
  explain?: RecorderOptions['explain'];
  /** Extra server sessions on request (see ServerSessions); absent where there are none. */
  sessions?: (count: number) => Promise<QueryablePGlite[]>;
  /** Awaited before each statement of the run's own session and its jobs (see RecorderOptions). */
  beforeStatement?: RecorderOptions['beforeStatement'];
}

/** The most extra sessions a run may open. */
const MAX_SESSIONS = 3;

/**
 * Runs one variant against `pglite` and records what it did. The same function runs in the
 * browser's worker and in the Node tests.
 *
 * Fairness: the run happens inside a transaction that is always rolled back, so whatever the
 * variant writes, deletes or drops, the next run starts from the identical seeded state. That
 * costs one BEGIN and one ROLLBACK (well under a millisecond), which are not recorded: they are
 * the sandbox, not the variant's work.
 *
 * Repeatability: the simulated services, `random` and `Math.random` draw from the example's
 * seed, and their time is the virtual clock's, so the same seed gives the same log.
 */
export async function runVariant(pglite: QueryablePGlite, options: RunOptions): Promise<VariantRun> {
  const services = options.services ?? DEFAULT_SERVICES;
  const log = new RunLog(options.maxLogEntries);
  const clock = new VirtualClock(nextMacrotask);
  const env = new ServiceEnvironment(clock, log, services.seed);
  const recorder = new RecordingPGlite(pglite, log, {
    autocommit: options.autocommit,
    clock,
    explain: options.explain,
    beforeStatement: options.beforeStatement,
  });
  const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite: recorder }) });
  const http = new SimulatedHttp(env, services.upstreams);
  const cache = new SimulatedCache(env, services.cache.latency);
  const random = env.random('variant');
  const publicClock = { now: () => clock.now(), sleep: (ms: number) => clock.sleep(ms) };

  let jobContext: JobContext<unknown> | undefined;
  const jobs = new SimulatedJobs<JobContext<unknown>>(env, services.jobs, recorder, () => {
    jobContext ??= {
      db: new Kysely<unknown>({
        dialect: new PGliteDialect({
          pglite: new RecordingPGlite(pglite, log, {
            autocommit: options.autocommit,
            clock,
            origin: 'job',
            beforeStatement: options.beforeStatement,
          }),
        }),
      }),
      sql,
      http: http.forJob(),
      cache: cache.forJob(),
      clock: publicClock,
      random: env.random('jobs-random'),
    };
    return jobContext;
  });
  const opened = new Set<QueryablePGlite>();
  const sessions = {
    async open(count: number) {
      if (!Number.isInteger(count) || count < 1 || count > MAX_SESSIONS) {
        throw new RangeError(`sessions.open() takes 1 to ${MAX_SESSIONS} sessions, not ${count}`);
      }
      if (!options.sessions) throw new Error('Extra server sessions are not available here');
      const raw = await options.sessions(count);
      return Promise.all(
        raw.map(async (session, index) => {
          if (!opened.has(session)) {
            opened.add(session);
            await session.query(`SET search_path TO ${quoteIdentifier(options.dataset)}`);
          }
          const recorder = new RecordingPGlite(session, log, {
            clock,
            origin: `session ${index + 2}`,
            unsandboxed: true,
          });
          return new Kysely<unknown>({ dialect: new PGliteDialect({ pglite: recorder }) });
        }),
      );
    },
  };
  const context: ExampleContext<unknown> = {
    db,
    n: options.n,
    sql,
    http,
    cache,
    jobs,
    clock: publicClock,
    random,
    onCommit: (callback) => recorder.onCommit(callback),
    sessions,
  };

  await pglite.query('BEGIN');
  const realRandom = Math.random;
  Math.random = env.random('Math.random');
  try {
    await pglite.query(`SET LOCAL search_path TO ${quoteIdentifier(options.dataset)}`);
    const started = performance.now();
    let outcome: VariantRun['outcome'];
    let load: VariantRun['load'];
    try {
      if (options.load) {
        const records = await simulateLoad(options.load, options.n, clock, env.random('load'), (request) =>
          options.variant({ ...context, request }),
        );
        load = { summary: summarizeLoad(records, options.load.workers), records };
        outcome = { ok: true, value: load.summary };
      } else {
        outcome = { ok: true, value: await options.variant(context) };
      }
      // Jobs still queued run now, as a worker would after the request: their work is logged.
      await jobs.drain();
    } catch (error) {
      outcome = { ok: false, error: toVariantError(error) };
    }
    return {
      log: log.entries,
      counts: log.counts,
      droppedEntries: log.dropped,
      dbMs: log.sqlMs,
      wallMs: performance.now() - started,
      simulatedMs: clock.now(),
      outcome,
      ...(load ? { load } : {}),
    };
  } finally {
    Math.random = realRandom;
    await pglite.query('ROLLBACK');
    // Whatever a variant left in its extra sessions (a transaction, SET, prepared statements,
    // temporary tables, advisory locks, LISTEN, cursors) goes, so the next run starts clean.
    for (const session of opened) {
      await session.query('ROLLBACK').catch(() => {});
      await session.query('DISCARD ALL').catch(() => {});
    }
  }
}
