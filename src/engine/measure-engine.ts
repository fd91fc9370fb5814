import { quoteIdentifier } from './dataset-loader.ts';
import type { EngineFigures } from './protocol.ts';
import type { RecordedQuery } from './recorded-query.ts';
import { RecordingPGlite, type QueryablePGlite } from './recording-pglite.ts';

const BLOCK = 100;

/**
 * What the recorder and the sandbox cost, for `npm run bench`. Runs the same primary-key
 * SELECT (on the dataset's first table with an integer `id`) in alternating raw and recorded
 * blocks, so warm-up and noise fall on both sides alike, and reports medians per query.
 */
export async function measureEngine(
  pglite: QueryablePGlite,
  request: { dataset: string; queries: number },
): Promise<EngineFigures> {
  const schema = quoteIdentifier(request.dataset);
  const sql = await primaryKeySelect(pglite, request.dataset);
  const log: RecordedQuery[] = [];
  const recorder = new RecordingPGlite(pglite, log);

  // Browsers coarsen performance.now() to 0.1 ms without cross-origin isolation, so time blocks
  // of queries, not single ones, alternating raw and recorded blocks.
  const raw: number[] = [];
  const recorded: number[] = [];
  const timeBlock = async (query: (sql: string, params: unknown[]) => Promise<unknown>) => {
    const started = performance.now();
    for (let i = 0; i < BLOCK; i++) await query(sql, [1 + i]);
    return (performance.now() - started) / BLOCK;
  };
  for (let block = 0; block < Math.max(1, Math.floor(request.queries / BLOCK)); block++) {
    // Alternate which side goes first, so neither always inherits the other's garbage.
    const rawFirst = block % 2 === 0;
    const first = await timeBlock(rawFirst ? (q, p) => pglite.query(q, p) : (q, p) => recorder.query(q, p));
    const second = await timeBlock(rawFirst ? (q, p) => recorder.query(q, p) : (q, p) => pglite.query(q, p));
    raw.push(rawFirst ? first : second);
    recorded.push(rawFirst ? second : first);
    log.length = 0; // a growing log would skew later blocks
  }

  const resets: number[] = [];
  for (let block = 0; block < 10; block++) {
    const started = performance.now();
    for (let i = 0; i < BLOCK; i++) {
      await pglite.query('BEGIN');
      await pglite.query(`SET LOCAL search_path TO ${schema}`);
      await pglite.query('ROLLBACK');
    }
    resets.push((performance.now() - started) / BLOCK);
  }
  return { rawQueryMs: median(raw), recordedQueryMs: median(recorded), resetMs: median(resets) };
}

/**
 * Runs `queries` primary-key SELECTs, unrecorded. Browsers compile WebAssembly with a fast
 * baseline compiler first and optimise hot code later, so PGlite's first few hundred queries
 * are several times slower than the rest. Without a warm-up the variant that runs first pays
 * for it and the comparison is unfair.
 */
export async function warmUp(
  pglite: QueryablePGlite,
  dataset: string,
  budget: { queries: number; ms: number },
): Promise<void> {
  const sql = await primaryKeySelect(pglite, dataset);
  const started = performance.now();
  for (let i = 0; i < budget.queries && performance.now() - started < budget.ms; i++) {
    await pglite.query(sql, [1 + (i % 100)]);
  }
}

/** A SELECT by `id` on the dataset's first table with an integer id. */
async function primaryKeySelect(pglite: QueryablePGlite, dataset: string): Promise<string> {
  const { rows } = await pglite.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns
     WHERE table_schema = $1 AND column_name = 'id' AND data_type = 'integer'
     ORDER BY table_name LIMIT 1`,
    [dataset],
  );
  const table = rows[0]?.table_name;
  if (!table) throw new Error(`Dataset "${dataset}" has no table with an integer id`);
  return `SELECT * FROM ${quoteIdentifier(dataset)}.${quoteIdentifier(table)} WHERE id = $1`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
