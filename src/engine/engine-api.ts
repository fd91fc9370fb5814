import type { LoadSummary } from '../analysis/summarize-load.ts';
import type { VariantError } from '../analysis/variant-error.ts';
import type { LoadRecord, LoadConfig } from '../simulation/load-simulation.ts';
import type { ServicesConfig } from '../simulation/services-config.ts';
import type { LogEntry, RoundTripCounts } from './run-log.ts';

/**
 * The playground engine's one call surface. The worker serves it (engine-protocol.ts), the page
 * calls it through EngineClient with the same method names and types; request ids never leave
 * the protocol layer.
 */
export interface EngineApi {
  /** Boots the dataset's database (from its pre-seeded archive when there is one). */
  prepare(args: { dataset: string }): Promise<PrepareReport>;
  /** Runs one variant: a warm-up run, then timed repetitions within a budget. */
  run(args: RunArgs): Promise<RunReport>;
  /** Re-runs a variant up to one of its statements and returns that statement's EXPLAIN ANALYZE. */
  explain(args: ExplainArgs): Promise<ExplainReport>;
  /**
   * Finishes the background warm-up now, instead of in the gaps between calls: the page asks for it
   * between a first Run's first results and its timed repetitions, so those are taken warm.
   */
  warmUp(args: { dataset: string }): Promise<{ queries: number; warm: boolean }>;
  /**
   * Queues warm-up runs of these runs for the engine's idle time and answers at once: the page
   * asks for them when a playground comes within reach, so that a Run pressed later goes straight
   * to its timed runs. Each is the unrecorded run a Run's own warm-up would make (see
   * warmed-variants.ts), only earlier; edited code and load simulations are not queued. `only`
   * drops whatever else was waiting: a page sends it when a Run starts, so that no other
   * playground's warm-up holds the engine in the gaps between that Run's calls.
   */
  warmVariants(args: { runs: RunArgs[]; only?: boolean }): Promise<{ queued: number }>;
  /** For `npm run bench`: the recorder's and the sandbox's own cost. */
  measure(args: { dataset: string; queries: number }): Promise<EngineFigures>;
}

export type EngineMethod = keyof EngineApi;
export type EngineArgs<M extends EngineMethod> = Parameters<EngineApi[M]>[0];
export type EngineResult<M extends EngineMethod> = Awaited<ReturnType<EngineApi[M]>>;

export interface RunArgs {
  dataset: string;
  example: string;
  variant: string;
  n: number;
  /** Edited code to run instead of the variant's module: the module factory variantToJavaScript makes. */
  source?: string;
  autocommit?: boolean;
  services?: ServicesConfig;
  load?: LoadConfig;
  repetitions?: RepetitionPolicy;
}

/**
 * How a run is timed, the way a benchmark tool does it: one unrecorded warm-up run, then at
 * least `min` and at most `max` recorded repetitions, stopping once `budgetMs` of real time has
 * been spent (the warm-up included) and `min` is reached.
 */
export interface RepetitionPolicy {
  min: number;
  max: number;
  budgetMs: number;
  /** False to skip the warm-up run (a second pass over a variant that has just run). */
  warmUp?: boolean;
}

export interface RepetitionFigures {
  wallMs: number;
  /** Sum of the measured SQL durations. */
  dbMs: number;
  simulatedMs: number;
}

export interface RunReport {
  /** The log of one recorded repetition: the one whose database time is the median. */
  log: LogEntry[];
  counts: RoundTripCounts;
  droppedEntries: number;
  /** Every recorded repetition's figures, in order (the warm-up is not among them). */
  repetitions: RepetitionFigures[];
  /** Set when a repetition's round-trip counts differ from the first one's: a bug or a nondeterministic variant. */
  countsDiffer?: { repetition: number; counts: RoundTripCounts; first: RoundTripCounts };
  /** Set when a repetition's result differs from the first one's. */
  resultsDiffer?: boolean;
  result: VariantResult;
  load?: { summary: LoadSummary; records: LoadRecord[] };
  /** False when the engine was still warming up (its WebAssembly not yet optimised) during this run. */
  engineWarm: boolean;
}

export type VariantResult =
  | {
      ok: true;
      /** Hash of the canonical result; equal hashes mean equal results. */
      hash: string;
      /** The start of the canonical result, for display. */
      preview: string;
      /** Number of items when the result is an array. */
      items?: number;
    }
  | { ok: false; error: VariantError };

export interface ExplainArgs extends Omit<RunArgs, 'repetitions'> {
  /** Which SQL statement of the run: 0 for the first statement the variant sent. */
  statement: number;
}

export interface ExplainReport {
  sql: string;
  params: readonly unknown[];
  /** PostgreSQL's `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` output: its first element. */
  plan: unknown;
}

/** Where the time before the first run went, in milliseconds; zero for steps already done. */
export interface PrepareReport {
  /** Starting PGlite, including loading the pre-seeded data directory when there is one. */
  bootMs: number;
  /** Seeding from SQL, when no pre-seeded data directory was available. */
  seedMs: number;
  /** True when the dataset came from a pre-seeded data directory. */
  fromArchive: boolean;
  /** Steps inside the boot, when PGlite reports them (see boot-timings.ts). */
  steps?: Record<string, number>;
}

/** Medians in milliseconds, measured inside the worker. */
export interface EngineFigures {
  /** A primary-key SELECT sent straight to PGlite. */
  rawQueryMs: number;
  /** The same SELECT through the recorder (timing, row and byte counting, logging). */
  recordedQueryMs: number;
  /** The sandbox around a run: BEGIN, SET LOCAL search_path, ROLLBACK. */
  resetMs: number;
  /** Booting a second PostgreSQL session (another PGlite) of the dataset in the same worker. */
  secondSessionBootMs: number;
  /** WebAssembly memory of the first session and of the second, in bytes. */
  firstSessionBytes: number;
  secondSessionBytes: number;
}
