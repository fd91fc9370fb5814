import { formatMs } from '../analysis/format-figures.ts';
import type { VariantClaims } from './variant-claims.ts';

/**
 * A variant's claims in words, as the page prints them beside its code:
 * `n + 1 SQL round trips`, `1 SQL round trip and n HTTP calls`.
 */
export function claimsText(variant: Pick<VariantClaims, 'queries' | 'http' | 'cache' | 'jobs'>): string {
  const parts = [
    [variant.queries, 'SQL round trip', 'SQL round trips'],
    [variant.http, 'HTTP call', 'HTTP calls'],
    [variant.cache, 'cache call', 'cache calls'],
    [variant.jobs, 'job enqueued', 'jobs enqueued'],
  ] as const;
  const words = parts
    .filter(([formula], index) => index === 0 || (formula !== undefined && formula !== '0'))
    .map(([formula, one, many]) => `${formula} ${formula === '1' ? one : many}`);
  return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** A knob's choice as its select shows it: `5 %`, `30 ms`, `3`. */
export function knobChoiceText(value: number, format: 'percent' | 'ms' | 'number'): string {
  if (format === 'percent') return `${Math.round(value * 1000) / 10} %`;
  if (format === 'ms') return formatMs(value);
  return value.toLocaleString('en');
}
