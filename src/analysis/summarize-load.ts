import type { LoadRecord } from '../simulation/load-simulation.ts';

export interface LoadSummary {
  requests: number;
  ok: number;
  failed: number;
  timedOut: number;
  /** Latency percentiles as the clients saw them (nearest rank), in simulated ms. */
  p50: number;
  p95: number;
  p99: number;
  /** Sum of the time workers spent on requests, and that as a share of all worker time. */
  workerBusyMs: number;
  utilisation: number;
  /** From the first arrival to the last worker finishing. */
  spanMs: number;
  /** The longest line of requests waiting for a worker. */
  maxWaiting: number;
  /** Per route: how its requests fared (the point: requests that never call the slow upstream fail too). */
  routes: { route: string; requests: number; ok: number; failed: number; timedOut: number; p95: number }[];
}

/**
 * The nearest-rank percentile: the smallest value with at least p % of the values at or below it.
 *
 * @example
 * percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95); // 10
 * percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50); // 5
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function summarizeLoad(records: readonly LoadRecord[], workers: number): LoadSummary {
  const latencies = records.map((record) => record.latencyMs);
  const first = Math.min(...records.map((record) => record.arrivedAtMs));
  const last = Math.max(...records.map((record) => record.finishedAtMs));
  const spanMs = records.length > 0 ? last - first : 0;
  const workerBusyMs = records.reduce((sum, record) => sum + (record.finishedAtMs - record.startedAtMs), 0);
  const count = (outcome: LoadRecord['outcome'], list = records) =>
    list.filter((r) => r.outcome === outcome).length;
  const routes = [...new Set(records.map((record) => record.route))].map((route) => {
    const mine = records.filter((record) => record.route === route);
    return {
      route,
      requests: mine.length,
      ok: count('ok', mine),
      failed: count('failed', mine),
      timedOut: count('timed-out', mine),
      p95: percentile(
        mine.map((record) => record.latencyMs),
        95,
      ),
    };
  });
  return {
    requests: records.length,
    ok: count('ok'),
    failed: count('failed'),
    timedOut: count('timed-out'),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    workerBusyMs,
    utilisation: spanMs > 0 ? workerBusyMs / (workers * spanMs) : 0,
    spanMs,
    maxWaiting: maxWaiting(records),
    routes,
  };
}

/** The most requests waiting for a worker at any instant: arrivals minus starts, swept in time. */
function maxWaiting(records: readonly LoadRecord[]): number {
  const events = records.flatMap((record) => [
    { at: record.arrivedAtMs, change: 1 },
    { at: record.startedAtMs, change: -1 },
  ]);
  // At the same instant a start is counted before an arrival: a request that starts at once never waits.
  events.sort((a, b) => a.at - b.at || a.change - b.change);
  let waiting = 0;
  let most = 0;
  for (const event of events) {
    waiting += event.change;
    most = Math.max(most, waiting);
  }
  return most;
}
