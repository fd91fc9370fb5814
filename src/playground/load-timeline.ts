import type { LoadRecord } from '../simulation/load-simulation.ts';

export interface LoadBucket {
  fromMs: number;
  toMs: number;
  arrived: number;
  /** Requests that ended in this bucket, by how they ended for the client. */
  ok: number;
  failed: number;
  timedOut: number;
  /** Average number of busy workers over the bucket. */
  busyWorkers: number;
}

/**
 * A load run cut into equal slices of simulated time: how many requests arrived and ended in
 * each, and how busy the workers were. The chart draws busy workers against time; the table
 * beside it lists the same numbers.
 */
export function loadTimeline(
  records: readonly LoadRecord[],
  buckets = 40,
): { bucketMs: number; rows: LoadBucket[] } {
  if (records.length === 0) return { bucketMs: 0, rows: [] };
  const start = Math.min(...records.map((r) => r.arrivedAtMs));
  const end = Math.max(...records.map((r) => Math.max(r.finishedAtMs, r.arrivedAtMs + r.latencyMs)));
  const bucketMs = Math.max((end - start) / buckets, 1e-9);
  const rows: LoadBucket[] = Array.from({ length: buckets }, (_, i) => ({
    fromMs: start + i * bucketMs,
    toMs: start + (i + 1) * bucketMs,
    arrived: 0,
    ok: 0,
    failed: 0,
    timedOut: 0,
    busyWorkers: 0,
  }));
  const indexOf = (at: number) => Math.min(buckets - 1, Math.max(0, Math.floor((at - start) / bucketMs)));
  for (const record of records) {
    rows[indexOf(record.arrivedAtMs)]!.arrived += 1;
    const seenAt = record.arrivedAtMs + record.latencyMs;
    const bucket = rows[indexOf(seenAt)]!;
    if (record.outcome === 'ok') bucket.ok += 1;
    else if (record.outcome === 'failed') bucket.failed += 1;
    else bucket.timedOut += 1;
    // Spread the worker's busy time over the buckets it overlaps.
    for (let i = indexOf(record.startedAtMs); i <= indexOf(record.finishedAtMs); i++) {
      const row = rows[i]!;
      const overlap = Math.min(row.toMs, record.finishedAtMs) - Math.max(row.fromMs, record.startedAtMs);
      if (overlap > 0) row.busyWorkers += overlap / bucketMs;
    }
  }
  return { bucketMs, rows };
}
