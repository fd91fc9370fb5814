import { primaryKeySelect } from './database-pool.ts';
import { quoteIdentifier, type ScriptablePGlite } from './dataset-loader.ts';
import type { EngineFigures } from './engine-api.ts';
import type { RecordedQuery } from './recorded-query.ts';
import { RecordingPGlite } from './recording-pglite.ts';

const BLOCK = 100;

/**
 * What the recorder and the sandbox cost, for `npm run bench`. Runs the same primary-key
 * SELECT (on the dataset's first table with an integer `id`) in alternating raw and recorded
 * blocks, so warm-up and noise fall on both sides alike, and reports medians per query.
 */
export async function measureEngine(
  pglite: ScriptablePGlite,
  request: { dataset: string; queries: number },
): Promise<Pick<EngineFigures, 'rawQueryMs' | 'recordedQueryMs' | 'resetMs'>> {
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
