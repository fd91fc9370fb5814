/** The median and range of a measurement over repeated runs. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** How many runs it is taken over. */
  count: number;
}

/**
 * The median (the mean of the two middle values for an even count) and the range.
 *
 * @example
 * spreadOf([3, 1, 2, 10]); // { median: 2.5, min: 1, max: 10, count: 4 }
 */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) return { median: 0, min: 0, max: 0, count: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { median, min: sorted[0]!, max: sorted.at(-1)!, count: sorted.length };
}

/**
 * Browsers round `performance.now()` to 0.1 ms without cross-origin isolation; differences below
 * that are not measurements.
 */
export const TIMER_RESOLUTION_MS = 0.1;

/**
 * Whether two measured spreads cannot be told apart: their ranges overlap, or both medians are
 * within the timer's resolution. A ratio of two such figures would be noise, so the comparison
 * says "within noise" instead.
 */
export function withinNoise(a: Spread, b: Spread): boolean {
  if (Math.max(a.median, b.median) < 2 * TIMER_RESOLUTION_MS) return true;
  return a.min <= b.max && b.min <= a.max;
}
