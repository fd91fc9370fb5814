/**
 * The modeled time of a run on a real network. In the browser a query travels no network, so
 * an N+1 looks almost free; the model adds what a real network would:
 * measured database time + simulated time of the outside calls + one round trip per SQL
 * statement. It is a model, and the page labels it so.
 *
 * @example
 * modeledTotalMs({ dbMs: 12, simulatedMs: 0, sql: 101 }, 2); // 214
 */
export function modeledTotalMs(
  run: { dbMs: number; simulatedMs: number; sql: number },
  roundTripMs: number,
): number {
  if (!Number.isFinite(roundTripMs) || roundTripMs < 0) {
    throw new RangeError(`A round-trip time must be zero or more milliseconds, not ${roundTripMs}`);
  }
  return run.dbMs + run.simulatedMs + run.sql * roundTripMs;
}
