import type { VariantError } from '../analysis/variant-error.ts';
import type { RecordedQuery } from './recorded-query.ts';

/**
 * Messages between a page and its playground worker. Every request carries an `id`; the
 * worker answers each request exactly once with the same `id`. Failures come back as data
 * (`type: 'error'`), never as an uncaught exception in the worker.
 */
export type EngineRequest =
  | { type: 'prepare'; id: number; dataset: string }
  | {
      type: 'run';
      id: number;
      dataset: string;
      example: string;
      variant: string;
      n: number;
      /** Statements outside db.transaction() behave as in autocommit mode. */
      autocommit?: boolean;
      /** JavaScript to run instead of the variant's module (edited code). */
      source?: string;
    }
  /** For `npm run bench`: per-query cost with and without the recorder, and the reset's cost. */
  | { type: 'measure'; id: number; dataset: string; queries: number };

export type EngineResponse =
  | { type: 'prepared'; id: number; timings: PrepareTimings }
  | { type: 'ran'; id: number; report: VariantReport }
  | { type: 'measured'; id: number; figures: EngineFigures }
  | { type: 'error'; id: number; error: VariantError };

/** Medians in milliseconds, measured inside the worker. */
export interface EngineFigures {
  /** A primary-key SELECT sent straight to PGlite. */
  rawQueryMs: number;
  /** The same SELECT through the recorder (timing, row and byte counting, logging). */
  recordedQueryMs: number;
  /** The sandbox around a run: BEGIN, SET LOCAL search_path, ROLLBACK. */
  resetMs: number;
}

/** Where the time before the first run went, in milliseconds; zero for steps already done. */
export interface PrepareTimings {
  /** Starting PGlite, including loading the pre-seeded data directory when there is one. */
  bootMs: number;
  /** Seeding from SQL, when no pre-seeded data directory was available. */
  seedMs: number;
  /** Unrecorded queries that bring the WebAssembly code up to speed before the first run. */
  warmUpMs: number;
  /** True when the dataset came from a pre-seeded data directory. */
  fromArchive: boolean;
}

/** A variant's run, reduced to what the page shows and compares. */
export interface VariantReport {
  log: RecordedQuery[];
  wallMs: number;
  result:
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
}
