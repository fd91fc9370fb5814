import { formatInteger, formatMs } from '../analysis/format-figures.ts';

/** One variant measured at one size: its round trips (all kinds), the claim, and its median time. */
export interface GrowthPoint {
  n: number;
  roundTrips: number;
  /** What the variant's formulas say at this n (all kinds added up). */
  claimed: number;
  medianMs: number;
}

export interface GrowthSeries {
  variantId: string;
  label: string;
  points: GrowthPoint[];
}

export type GrowthMetric = 'roundTrips' | 'medianMs';

export interface PlottedPoint {
  x: number;
  y: number;
  n: number;
  value: number;
  /** True when a round-trip count is not what the formula says. */
  offClaim: boolean;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  series: { variantId: string; label: string; path: string; points: PlottedPoint[]; claimPath?: string }[];
  xTitle: string;
  yTitle: string;
}

const MARGIN = { left: 52, right: 12, top: 12, bottom: 40 };

/**
 * Where to draw "round trips (or median time) against n" for every variant: both axes are
 * logarithmic (y as log(1 + value), so zero has a place), because the sizes span decades and the
 * point of the chart is the shape: a count that grows with n climbs, a fixed one stays flat. For
 * round trips, each variant's claimed formula is drawn as a dashed line through the same sizes,
 * so a measured count that leaves its formula stands out.
 */
export function growthGeometry(
  series: readonly GrowthSeries[],
  metric: GrowthMetric,
  size: { width: number; height: number },
): ChartGeometry {
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: size.width - MARGIN.right,
    bottom: size.height - MARGIN.bottom,
  };
  const sizes = [...new Set(series.flatMap((s) => s.points.map((p) => p.n)))].sort((a, b) => a - b);
  const minN = sizes[0] ?? 1;
  const maxN = sizes.at(-1) ?? 10;
  const values = series.flatMap((s) =>
    s.points.flatMap((p) => (metric === 'roundTrips' ? [p.roundTrips, p.claimed] : [p.medianMs])),
  );
  const topValue = niceCeiling(Math.max(1, ...values));
  const logN = (n: number) => Math.log10(Math.max(n, 1));
  const x = (n: number) =>
    maxN === minN
      ? (plot.left + plot.right) / 2
      : plot.left + ((logN(n) - logN(minN)) / (logN(maxN) - logN(minN))) * (plot.right - plot.left);
  const y = (value: number) =>
    plot.bottom - (Math.log10(1 + Math.max(0, value)) / Math.log10(1 + topValue)) * (plot.bottom - plot.top);
  const pathOf = (points: { x: number; y: number }[]) =>
    points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' ');

  return {
    width: size.width,
    height: size.height,
    plot,
    xTicks: sizes.map((n) => ({ x: round(x(n)), label: formatInteger(n) })),
    yTicks: [0, ...decades(topValue)].map((value) => ({
      y: round(y(value)),
      label: metric === 'roundTrips' ? formatInteger(value) : formatMs(value).replace(/\.0+ /, ' '),
    })),
    series: series.map((s) => {
      const points = s.points.map((p) => {
        const value = metric === 'roundTrips' ? p.roundTrips : p.medianMs;
        return {
          x: round(x(p.n)),
          y: round(y(value)),
          n: p.n,
          value,
          offClaim: metric === 'roundTrips' && p.roundTrips !== p.claimed,
        };
      });
      return {
        variantId: s.variantId,
        label: s.label,
        path: pathOf(points),
        points,
        ...(metric === 'roundTrips'
          ? { claimPath: pathOf(s.points.map((p) => ({ x: x(p.n), y: y(p.claimed) }))) }
          : {}),
      };
    }),
    xTitle: 'n (data size, log scale)',
    yTitle: metric === 'roundTrips' ? 'round trips (log scale)' : 'median time (log scale)',
  };
}

/** The rows of the table that says what the chart shows, for screen readers and for exact values. */
export function growthTable(series: readonly GrowthSeries[]): { headers: string[]; rows: string[][] } {
  const sizes = [...new Set(series.flatMap((s) => s.points.map((p) => p.n)))].sort((a, b) => a - b);
  return {
    headers: [
      'n',
      ...series.flatMap((s) => [`${s.label}: round trips (claimed)`, `${s.label}: median time`]),
    ],
    rows: sizes.map((n) => [
      formatInteger(n),
      ...series.flatMap((s) => {
        const point = s.points.find((p) => p.n === n);
        if (!point) return ['–', '–'];
        const claim =
          point.claimed === point.roundTrips
            ? `${formatInteger(point.claimed)}`
            : `${formatInteger(point.claimed)}, not met`;
        return [`${formatInteger(point.roundTrips)} (${claim})`, formatMs(point.medianMs)];
      }),
    ]),
  };
}

/** 1, 10, 100, … up to and including the first power of ten at or above `value`. */
function decades(value: number): number[] {
  const out: number[] = [];
  for (let decade = 1; decade <= value; decade *= 10) out.push(decade);
  return out;
}

function niceCeiling(value: number): number {
  return 10 ** Math.ceil(Math.log10(value + 1e-9));
}

const round = (value: number) => Math.round(value * 10) / 10;
