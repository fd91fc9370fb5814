import type {
  EngineArgs,
  EngineFigures,
  EngineMethod,
  EngineResult,
  ExplainArgs,
  ExplainReport,
  PrepareReport,
  RunArgs,
  RunReport,
} from './engine-api.ts';
import type { CallableEngine, CallHooks } from './engine-protocol.ts';
import { BackgroundWarmUp } from './background-warm-up.ts';
import { DatabasePool, type DatabaseDependencies } from './database-pool.ts';
import type { VariantFunction } from './example-context.ts';
import { measureEngine } from './measure-engine.ts';
import { ExplainCaptured } from './recording-pglite.ts';
import { DEFAULT_REPETITIONS, repeatRun } from './repeat-run.ts';
import { runVariant, type RunOptions } from './run-variant.ts';
import { WarmedVariants } from './warmed-variants.ts';

/** Everything the engine needs from its surroundings, injected so Node tests can run it. */
export interface EngineDependencies extends DatabaseDependencies {
  variantModule(example: string, variant: string): Promise<VariantFunction>;
  sourceModule(source: string): Promise<VariantFunction>;
  /** Resolves on a later task of the event loop, so that calls arriving meanwhile are seen. */
  nextMacrotask(): Promise<void>;
}

/** The most log entries a report carries; the counts stay exact (a load run can make 10,000 calls). */
const MAX_LOG_ENTRIES = 2_000;

/** The most warm-up runs waiting for idle time: a few playgrounds' variants. */
const MAX_WARM_AHEAD = 16;

/**
 * Extra warm-up runs of each variant warmed up ahead, made after every first one, in idle time.
 * One run leaves a variant's code half-compiled: on the next page of a visit, its first timed
 * run took 108–168 ms against 53–75 ms for the later ones, even 2 s after the warm-up (Chromium,
 * this 2-core machine). With these, a reader who clicks 4 s after the playground comes into view
 * got the first results in a median 109 ms instead of 161, and the join's first-Run median was
 * 2.13 ms instead of 3.58 (A/B, 6 fresh profiles each); the immediate click, the fifth Run and
 * the next page did not get slower. They stop at the next statement when a call arrives.
 */
const EXTRA_WARM_UP_RUNS = 3;

/** A variant whose first warm-up run took longer than this gets no extra ones. */
const EXTRA_WARM_UP_MAX_MS = 250;

/** Thrown into an extra warm-up run when a call arrives: the run ends at its next statement. */
class WarmUpPreempted extends Error {
  override name = 'WarmUpPreempted';
}

interface QueuedCall {
  run(): Promise<void>;
}

/**
 * The playground's engine: one PGlite per dataset, a queue so that calls never overlap, and a
 * warm-up that runs in the gaps between calls. It has no DOM and no worker code; the worker
 * entries wire it to messages with serveEngine().
 */
export class PlaygroundEngine implements CallableEngine {
  readonly #deps: EngineDependencies;
  readonly #pool: DatabasePool;
  readonly #warmUp: BackgroundWarmUp;
  readonly #warmed = new WarmedVariants();
  readonly #queue: QueuedCall[] = [];
  /** Runs to warm up in idle time (warmVariants), before the background warm-up's own queries. */
  readonly #ahead: RunArgs[] = [];
  /** Extra warm-up runs still to make, after every first one and before the background's queries. */
  readonly #extra: { args: RunArgs; left: number }[] = [];
  readonly #extraRuns: number;
  #pumping = false;

  constructor(
    deps: EngineDependencies,
    options: { warmUp?: BackgroundWarmUp; extraWarmUpRuns?: number } = {},
  ) {
    this.#deps = deps;
    this.#pool = new DatabasePool(deps);
    this.#warmUp = options.warmUp ?? new BackgroundWarmUp();
    this.#extraRuns = options.extraWarmUpRuns ?? EXTRA_WARM_UP_RUNS;
  }

  /** Queues a call; `hooks.started` fires when the engine begins it. */
  call<M extends EngineMethod>(method: M, args: EngineArgs<M>, hooks: CallHooks): Promise<EngineResult<M>> {
    return new Promise((resolve, reject) => {
      this.#queue.push({
        run: async () => {
          hooks.started();
          try {
            resolve((await this.#dispatch(method, args)) as EngineResult<M>);
          } catch (error) {
            reject(error);
          }
        },
      });
      void this.#pump();
    });
  }

  /** Whether the background warm-up has reached its target. */
  get warm(): boolean {
    return this.#warmUp.warm;
  }

  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      for (;;) {
        const next = this.#queue.shift();
        if (next) {
          await next.run();
          continue;
        }
        const ahead = this.#ahead.shift();
        if (ahead) {
          await this.#warmAhead(ahead);
          await this.#deps.nextMacrotask();
          continue;
        }
        const extra = this.#extra.shift();
        if (extra) {
          await this.#warmExtra(extra);
          await this.#deps.nextMacrotask();
          continue;
        }
        if (!this.#warmUp.pending) return;
        await this.#warmUp.slice();
        // Let calls that arrived during the slice in before the next one.
        await this.#deps.nextMacrotask();
      }
    } finally {
      this.#pumping = false;
    }
  }

  #dispatch(method: EngineMethod, args: unknown): Promise<unknown> {
    switch (method) {
      case 'prepare':
        return this.prepare(args as EngineArgs<'prepare'>);
      case 'run':
        return this.run(args as RunArgs);
      case 'explain':
        return this.explain(args as ExplainArgs);
      case 'warmUp':
        return this.warmUp(args as EngineArgs<'warmUp'>);
      case 'warmVariants':
        return Promise.resolve(this.warmVariants(args as EngineArgs<'warmVariants'>));
      case 'measure':
        return this.measure(args as EngineArgs<'measure'>);
      default:
        throw new TypeError(`Unknown engine method "${String(method)}"`);
    }
  }

  async prepare({ dataset }: { dataset: string }): Promise<PrepareReport> {
    const fresh = !this.#pool.has(dataset);
    const database = await this.#database(dataset);
    return fresh ? database.report : { bootMs: 0, seedMs: 0, fromArchive: database.report.fromArchive };
  }

  /** The dataset's database; the first one booted is also the one the background warm-up uses. */
  async #database(dataset: string) {
    const database = await this.#pool.get(dataset);
    this.#warmUp.begin(database.pglite, database.warmUpSql);
    return database;
  }

  async run(args: RunArgs): Promise<RunReport> {
    const { pglite } = await this.#database(args.dataset);
    const options = await this.#runOptions(args);
    const policy = args.load
      ? { min: 1, max: 1, budgetMs: 0, warmUp: false }
      : this.#warmed.policyFor(args, args.repetitions ?? DEFAULT_REPETITIONS);
    const report = await repeatRun(pglite, options, policy, () => this.#warmUp.warm);
    if (report.result.ok) this.#warmed.remember(args);
    return report;
  }

  async explain(args: ExplainArgs): Promise<ExplainReport> {
    const { pglite } = await this.#database(args.dataset);
    let captured: ExplainReport | undefined;
    const run = await runVariant(pglite, {
      ...(await this.#runOptions(args)),
      explain: {
        statement: args.statement,
        onPlan: (plan, sql, params) => (captured = { plan, sql, params }),
      },
    });
    if (captured) return captured;
    if (!run.outcome.ok && run.outcome.error.name !== ExplainCaptured.name) {
      throw new Error(`The run failed before statement ${args.statement + 1}: ${run.outcome.error.message}`);
    }
    throw new Error(
      `This run sent ${run.counts.sql} statements this time, fewer than ${args.statement + 1}: nothing to explain`,
    );
  }

  async warmUp({ dataset }: { dataset: string }): Promise<{ queries: number; warm: boolean }> {
    await this.#database(dataset);
    while (this.#warmUp.pending) await this.#warmUp.slice();
    return { queries: this.#warmUp.queries, warm: this.#warmUp.warm };
  }

  warmVariants({ runs, only = false }: { runs: RunArgs[]; only?: boolean }): { queued: number } {
    if (only) {
      this.#ahead.length = 0;
      this.#extra.length = 0;
    }
    let queued = 0;
    for (const run of runs) {
      // Edited code runs in a worker of its own; a load simulation never warms up.
      if (run.source !== undefined || run.load || this.#warmed.has(run)) continue;
      if (this.#ahead.length >= MAX_WARM_AHEAD) break;
      if (this.#ahead.some((waiting) => WarmedVariants.key(waiting) === WarmedVariants.key(run))) continue;
      this.#ahead.push(run);
      queued += 1;
    }
    return { queued };
  }

  /**
   * One warm-up run ahead of a Run, remembered as a Run's own warm-up is. It gets no extra
   * sessions (booting more PostgreSQL servers for a Run that may never come costs about half a
   * second and 128 MiB each): a variant that asks for them fails here, is not remembered, and its
   * Run warms it up itself, as it does after any failure.
   */
  async #warmAhead(args: RunArgs): Promise<void> {
    if (this.#warmed.has(args)) return;
    try {
      const run = await this.#warmUpRun(args);
      if (!run.outcome.ok) return;
      this.#warmed.remember(args);
      if (this.#extraRuns > 0 && run.wallMs <= EXTRA_WARM_UP_MAX_MS) {
        this.#extra.push({ args, left: this.#extraRuns });
      }
    } catch {
      // A Run of the same variant meets the same error and reports it.
    }
  }

  /**
   * One extra warm-up run (see EXTRA_WARM_UP_RUNS). Before each statement it lets messages in,
   * and when a call has arrived it stops there: the variant gets a WarmUpPreempted error, the
   * sandbox rolls back, and the call waits no longer than one statement. A stopped run is made
   * again from its start at the next idle time; nothing depends on it having finished.
   */
  async #warmExtra(extra: { args: RunArgs; left: number }): Promise<void> {
    let preempted = false;
    try {
      await this.#warmUpRun(extra.args, async () => {
        await this.#deps.nextMacrotask();
        if (this.#queue.length === 0) return;
        preempted = true;
        throw new WarmUpPreempted('A call arrived: this extra warm-up run stops here.');
      });
    } catch {
      // Nothing depends on an extra run; a Run of this variant reports its own errors.
    }
    if (preempted) this.#extra.unshift(extra);
    else if (extra.left > 1) this.#extra.push({ args: extra.args, left: extra.left - 1 });
  }

  /** One unrecorded run of a variant outside any call, for a warm-up ahead or an extra one: no extra sessions. */
  async #warmUpRun(args: RunArgs, beforeStatement?: RunOptions['beforeStatement']) {
    const { pglite } = await this.#database(args.dataset);
    const { sessions: _none, ...options } = await this.#runOptions(args);
    return runVariant(pglite, { ...options, beforeStatement });
  }

  async measure(args: { dataset: string; queries: number }): Promise<EngineFigures> {
    const { pglite } = await this.#database(args.dataset);
    const figures = await measureEngine(pglite, args);
    // What a second session costs (the pooling page opens two): its boot, and the memory of each.
    const started = performance.now();
    const second = await this.#pool.get(args.dataset, 2);
    const secondSessionBootMs = performance.now() - started;
    const memory = (instance: unknown) =>
      (instance as { mod?: { wasmMemory?: WebAssembly.Memory } }).mod?.wasmMemory?.buffer.byteLength ?? 0;
    return {
      ...figures,
      secondSessionBootMs,
      firstSessionBytes: memory(pglite),
      secondSessionBytes: memory(second.pglite),
    };
  }

  async #runOptions(args: Omit<RunArgs, 'repetitions'>): Promise<RunOptions> {
    const variant = args.source
      ? await this.#deps.sourceModule(args.source)
      : await this.#deps.variantModule(args.example, args.variant);
    if (typeof variant !== 'function') {
      throw new TypeError(`${args.example}/${args.variant} does not export a default function`);
    }
    return {
      dataset: args.dataset,
      n: args.n,
      variant,
      // Session 1 is the run's own; extra sessions are more PGlite instances of the same dataset.
      sessions: (count) =>
        Promise.all(
          Array.from({ length: count }, (_, index) =>
            this.#pool.get(args.dataset, index + 2).then((database) => database.pglite),
          ),
        ),
      autocommit: args.autocommit,
      services: args.services,
      load: args.load,
      maxLogEntries: MAX_LOG_ENTRIES,
    };
  }
}
