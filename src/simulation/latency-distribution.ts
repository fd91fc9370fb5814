/**
 * How long a simulated call takes, as declared in an example: a fixed time, a uniform range, or
 * a long-tailed (log-normal) distribution given by its median and 99th percentile, the two
 * figures a dashboard shows.
 */
export type LatencySpec = { fixed: number } | { min: number; max: number } | { median: number; p99: number };

/** z such that P(Z < z) = 0.99 for a standard normal variable. */
const Z99 = 2.3263478740408408;

/** Draws one latency in milliseconds; `random` returns uniform numbers in [0, 1). */
export function sampleLatency(spec: LatencySpec, random: () => number): number {
  if ('fixed' in spec) return spec.fixed;
  if ('min' in spec) return spec.min + (spec.max - spec.min) * random();
  // log-normal: ln(X) ~ N(mu, sigma) with exp(mu) = median, exp(mu + Z99·sigma) = p99.
  const mu = Math.log(spec.median);
  const sigma = spec.p99 > spec.median ? Math.log(spec.p99 / spec.median) / Z99 : 0;
  return Math.exp(mu + sigma * standardNormal(random));
}

/** Box–Muller; 1 - u keeps the logarithm away from zero. */
function standardNormal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
