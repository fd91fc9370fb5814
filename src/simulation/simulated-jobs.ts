import type { LatencySpec } from './latency-distribution.ts';
import type { ServiceEnvironment } from './service-environment.ts';

export type JobHandler<Context> = (payload: any, context: Context) => Promise<unknown>;

/** What the job queue needs to know about the request's database transaction. */
export interface TransactionGate {
  /** True while the request has a transaction open. */
  readonly open: boolean;
  /** Resolves once no transaction is open (committed or rolled back). */
  whenClosed(): Promise<void>;
}

interface QueuedJob {
  id: number;
  name: string;
  /** The payload as the broker stores it: serialized at enqueue time, like Celery or RQ do. */
  json: string;
  dueAtMs: number;
  sequence: number;
}

/**
 * A simulated job queue with one worker. `enqueue` is a round trip to the broker; the payload is
 * serialized then (so an object enqueued is a snapshot of that moment); the worker picks each
 * job up `pickupMs` after it is due and runs its handler later, in simulated time, while the
 * request goes on. Jobs left when the variant returns run before the run ends.
 *
 * One honest limit: the playground has one database session, so a job cannot run "on another
 * connection" while the request's transaction is open and not see its uncommitted rows. A job
 * that falls due then waits for the transaction to end, and its log line says when a real
 * worker would have started.
 *
 * @example
 * jobs.define('send-receipt', async ({ orderId }, { db }) => { … });
 * await jobs.enqueue('send-receipt', { orderId: order.id });
 */
export class SimulatedJobs<Context> {
  readonly #env: ServiceEnvironment;
  readonly #config: { enqueueLatency: LatencySpec; pickupMs: number };
  readonly #gate: TransactionGate;
  readonly #context: () => Context;
  readonly #handlers = new Map<string, JobHandler<Context>>();
  readonly #queue: QueuedJob[] = [];
  #nextId = 1;
  #worker?: Promise<void>;

  constructor(
    env: ServiceEnvironment,
    config: { enqueueLatency: LatencySpec; pickupMs: number },
    gate: TransactionGate,
    jobContext: () => Context,
  ) {
    this.#env = env;
    this.#config = config;
    this.#gate = gate;
    this.#context = jobContext;
  }

  /** Registers the code that runs a job (a Celery task, an RQ function). */
  define(name: string, handler: JobHandler<Context>): void {
    this.#handlers.set(name, handler);
  }

  /** Sends a job to the broker: one round trip. Returns its id. */
  async enqueue(name: string, payload: unknown, options: { delayMs?: number } = {}): Promise<{ id: number }> {
    if (!this.#handlers.has(name)) {
      throw new Error(`No job named "${name}": define it with jobs.define("${name}", handler) first`);
    }
    const { clock } = this.#env;
    const json = JSON.stringify(payload ?? null);
    const started = clock.now();
    await clock.sleep(this.#env.latency('jobs', this.#config.enqueueLatency));
    const job: QueuedJob = {
      id: this.#nextId++,
      name,
      json,
      dueAtMs: clock.now() + (options.delayMs ?? 0),
      sequence: this.#nextId,
    };
    this.#queue.push(job);
    this.#queue.sort((a, b) => a.dueAtMs - b.dueAtMs || a.sequence - b.sequence);
    this.#env.record({
      kind: 'job',
      label: `enqueue ${name}`,
      startedAtMs: started,
      simulatedMs: clock.now() - started,
      outcome: 'ok',
      ok: true,
      bytes: json.length,
      detail: `job #${job.id}, payload ${json.length > 80 ? `${json.slice(0, 77)}…` : json}`,
    });
    this.#worker ??= this.#work().finally(() => (this.#worker = undefined));
    return { id: job.id };
  }

  /** Waits, in simulated time, until the worker has run every queued job. */
  async drain(): Promise<void> {
    if (this.#gate.open && this.#queue.length > 0) {
      throw new Error(
        'jobs.drain() inside a transaction would wait forever: the queued jobs run after the transaction ends',
      );
    }
    while (this.#worker) await this.#worker;
  }

  /** Jobs enqueued and not yet run. */
  get pending(): number {
    return this.#queue.length;
  }

  async #work(): Promise<void> {
    const { clock } = this.#env;
    while (this.#queue.length > 0) {
      const job = this.#queue[0]!;
      const startAt = job.dueAtMs + this.#config.pickupMs;
      if (clock.now() < startAt) {
        await clock.sleep(startAt - clock.now());
        continue; // an earlier job may have been enqueued meanwhile
      }
      let waitedForCommit: number | undefined;
      if (this.#gate.open) {
        waitedForCommit = clock.now();
        await this.#gate.whenClosed();
      }
      this.#queue.shift();
      const started = clock.now();
      let outcome = 'ok';
      let ok = true;
      try {
        const handler = this.#handlers.get(job.name)!;
        await handler(JSON.parse(job.json), this.#context());
      } catch (error) {
        ok = false;
        outcome = `failed: ${error instanceof Error ? error.message : String(error)}`;
      }
      const detail =
        waitedForCommit === undefined
          ? `job #${job.id}, picked up ${Math.round(started - job.dueAtMs)} ms after it was due`
          : `job #${job.id}: a real worker would have started at ${round(waitedForCommit)} ms, while the ` +
            `request's transaction was still open, on another connection that cannot see its uncommitted rows; ` +
            `here it waited until ${round(started)} ms`;
      this.#env.record({
        kind: 'job-run',
        label: `run ${job.name}`,
        startedAtMs: started,
        simulatedMs: clock.now() - started,
        outcome,
        ok,
        bytes: 0,
        detail,
        origin: 'job',
      });
    }
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10;
