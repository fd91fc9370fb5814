import { formatBytes, formatCount, formatInteger, formatMs } from '../analysis/format-figures.ts';
import { summariseLog } from '../analysis/group-queries.ts';
import type { RunReport } from '../engine/engine-api.ts';
import { modeledTotalMs } from './modeled-total.ts';
import type { Qualifier } from './pane-view.ts';
import { spreadOf, withinNoise, type Spread } from './run-spread.ts';
import { KIND_WORDS, type VariantClaims } from './variant-claims.ts';

export interface ComparedVariant {
  variant: VariantClaims;
  report: RunReport;
}

export interface Bar {
  variantId: string;
  label: string;
  value: number;
  display: string;
}

/** One figure across the variants, for one small bar chart. */
export interface ComparedFigure {
  id: 'round-trips' | 'database-time' | 'simulated-time' | 'modeled-time' | 'rows' | 'bytes';
  title: string;
  qualifier: Qualifier;
  bars: Bar[];
}

export interface Comparison {
  /** One sentence per variant that is not the baseline: what it changes, in words. */
  sentences: string[];
  figures: ComparedFigure[];
}

/**
 * The comparison at a glance: for each variant against the baseline (the first), one sentence
 * ("One query with a join: 100 fewer round trips, 25× less database time, same result") and one
 * bar chart per figure. Times are compared by their medians; where the runs' ranges overlap, the
 * sentence says "within noise" instead of a ratio.
 */
export function compareVariants(compared: readonly ComparedVariant[], roundTripMs: number): Comparison {
  const [baseline, ...others] = compared;
  if (!baseline) return { sentences: [], figures: [] };
  const facts = compared.map((entry) => factsOf(entry, roundTripMs));
  const base = facts[0]!;
  const sentences = others.map((entry, index) => {
    const mine = facts[index + 1]!;
    const parts = [
      ...roundTripParts(base.counts, mine.counts),
      timePart('database time', base.db, mine.db),
      ...(base.simulated.median > 0 || mine.simulated.median > 0
        ? [simulatedPart(base.simulated.median, mine.simulated.median)]
        : []),
      resultPart(entry, baseline),
    ];
    return `${entry.variant.label}: ${parts.join(', ')} (compared with “${baseline.variant.label}”).`;
  });

  const bar = (index: number, value: number, display: string): Bar => ({
    variantId: compared[index]!.variant.id,
    label: compared[index]!.variant.label,
    value,
    display,
  });
  const figures: ComparedFigure[] = [
    {
      id: 'round-trips',
      title: 'Round trips',
      qualifier: 'measured',
      bars: facts.map((fact, i) => bar(i, fact.totalRoundTrips, roundTripsText(fact.counts))),
    },
    {
      id: 'database-time',
      title: 'Database time (median)',
      qualifier: 'measured',
      bars: facts.map((fact, i) => bar(i, fact.db.median, formatMs(fact.db.median))),
    },
  ];
  if (facts.some((fact) => fact.simulated.median > 0)) {
    figures.push({
      id: 'simulated-time',
      title: 'Simulated time (outside calls)',
      qualifier: 'simulated',
      bars: facts.map((fact, i) => bar(i, fact.simulated.median, formatMs(fact.simulated.median))),
    });
  }
  if (roundTripMs > 0) {
    figures.push({
      id: 'modeled-time',
      title: `Total with ${roundTripMs} ms per SQL round trip`,
      qualifier: 'modeled',
      bars: facts.map((fact, i) => bar(i, fact.modeled, formatMs(fact.modeled))),
    });
  }
  figures.push(
    {
      id: 'rows',
      title: 'Rows returned',
      qualifier: 'measured',
      bars: facts.map((fact, i) => bar(i, fact.rows, formatInteger(fact.rows))),
    },
    {
      id: 'bytes',
      title: 'Data returned',
      qualifier: 'measured',
      bars: facts.map((fact, i) => bar(i, fact.bytes, `≈ ${formatBytes(fact.bytes)}`)),
    },
  );
  return { sentences, figures };
}

interface Facts {
  counts: RunReport['counts'];
  totalRoundTrips: number;
  db: Spread;
  simulated: Spread;
  modeled: number;
  rows: number;
  bytes: number;
}

function factsOf({ report }: ComparedVariant, roundTripMs: number): Facts {
  const summary = summariseLog(report.log);
  const db = spreadOf(report.repetitions.map((r) => r.dbMs));
  const simulated = spreadOf(report.repetitions.map((r) => r.simulatedMs));
  const { sql, http, cache, job } = report.counts;
  return {
    counts: report.counts,
    totalRoundTrips: sql + http + cache + job,
    db,
    simulated,
    modeled: modeledTotalMs({ dbMs: db.median, simulatedMs: simulated.median, sql }, roundTripMs),
    rows: summary.rows,
    bytes: summary.bytes,
  };
}

function roundTripsText(counts: RunReport['counts']): string {
  const kinds = (Object.keys(KIND_WORDS) as (keyof typeof KIND_WORDS)[]).filter(
    (kind) => kind === 'sql' || counts[kind] > 0,
  );
  if (kinds.length === 1) return formatInteger(counts.sql);
  return kinds.map((kind) => `${formatInteger(counts[kind])} ${KIND_WORDS[kind].short}`).join(' + ');
}

function roundTripParts(base: RunReport['counts'], mine: RunReport['counts']): string[] {
  const kinds = (Object.keys(KIND_WORDS) as (keyof typeof KIND_WORDS)[]).filter(
    (kind) => kind === 'sql' || base[kind] > 0 || mine[kind] > 0,
  );
  const onlySql = kinds.length === 1;
  return kinds.map((kind) => {
    const words = onlySql ? { one: 'round trip', many: 'round trips' } : KIND_WORDS[kind];
    const difference = mine[kind] - base[kind];
    if (difference === 0) return `the same ${words.many}`;
    const count = formatCount(Math.abs(difference), words.one, words.many);
    return difference < 0
      ? `${count.replace(/^(\S+)/, '$1 fewer')}`
      : `${count.replace(/^(\S+)/, '$1 more')}`;
  });
}

function timePart(what: string, base: Spread, mine: Spread): string {
  if (withinNoise(base, mine)) return `${what} within noise`;
  if (mine.median === 0 || base.median === 0)
    return `${what} ${formatMs(mine.median)} against ${formatMs(base.median)}`;
  const ratio = base.median / mine.median;
  return ratio >= 1 ? `${ratioText(ratio)} less ${what}` : `${ratioText(1 / ratio)} more ${what}`;
}

/** Simulated figures are exact (same seed, same timeline), so no noise rule applies. */
function simulatedPart(base: number, mine: number): string {
  if (base === mine) return 'the same simulated time';
  if (mine === 0 || base === 0) return `simulated time ${formatMs(mine)} against ${formatMs(base)}`;
  const ratio = base / mine;
  return ratio >= 1
    ? `${ratioText(ratio)} less simulated time`
    : `${ratioText(1 / ratio)} more simulated time`;
}

function ratioText(ratio: number): string {
  return ratio >= 10 ? `${Math.round(ratio)}×` : `${ratio.toFixed(1)}×`;
}

function resultPart(entry: ComparedVariant, baseline: ComparedVariant): string {
  if (entry.variant.result === 'any') return 'result not compared';
  const mine = entry.report.result;
  const base = baseline.report.result;
  if (!mine.ok) return 'then it failed';
  if (!base.ok) return 'result not compared (the baseline failed)';
  if (mine.hash === base.hash)
    return entry.variant.result === 'same' ? 'same result' : 'the same result, though it should differ';
  return entry.variant.result === 'different'
    ? 'a different result, on purpose'
    : 'a different result: a mismatch';
}
