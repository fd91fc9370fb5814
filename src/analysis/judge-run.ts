import { parseQueryCountFormula } from './query-count-formula.ts';

/** Did a variant make the number of queries its definition claims at this n? */
export function judgeQueryCount(claim: string, n: number, actual: number) {
  const expected = parseQueryCountFormula(claim).evaluate(n);
  return { expected, matches: expected === actual };
}

export type ResultExpectation = 'same' | 'different' | 'any';

export type ResultVerdict =
  | { kind: 'baseline' }
  | { kind: 'not-compared' }
  | { kind: 'unavailable' }
  | { kind: 'same'; asClaimed: boolean }
  | { kind: 'different'; asClaimed: boolean };

/**
 * How a variant's result compares with the baseline's, and whether that is what the example
 * claims. `unavailable` when either side has no result (an error or a stop).
 */
export function judgeResult(
  expectation: ResultExpectation,
  isBaseline: boolean,
  hash: string | undefined,
  baselineHash: string | undefined,
): ResultVerdict {
  if (isBaseline) return { kind: 'baseline' };
  if (expectation === 'any') return { kind: 'not-compared' };
  if (hash === undefined || baselineHash === undefined) return { kind: 'unavailable' };
  return hash === baselineHash
    ? { kind: 'same', asClaimed: expectation === 'same' }
    : { kind: 'different', asClaimed: expectation === 'different' };
}

/** The round-trip claims of a variant: SQL always, the simulated services when it uses them. */
export interface RoundTripClaims {
  queries: string;
  http?: string;
  cache?: string;
  jobs?: string;
}

export interface KindJudgement {
  kind: 'sql' | 'http' | 'cache' | 'job';
  /** The claim's formula; `0` when the variant declares none for this kind. */
  claim: string;
  expected: number;
  actual: number;
  matches: boolean;
}

/**
 * Judges every kind of round trip against its claim. SQL is always judged; another kind is
 * judged when the variant claims it or the run made such calls (an undeclared call is a
 * mismatch: claims must say everything the variant does).
 */
export function judgeRoundTrips(
  claims: RoundTripClaims,
  n: number,
  counts: { sql: number; http: number; cache: number; job: number },
): KindJudgement[] {
  const kinds = [
    ['sql', claims.queries],
    ['http', claims.http],
    ['cache', claims.cache],
    ['job', claims.jobs],
  ] as const;
  return kinds.flatMap(([kind, claim]) => {
    const actual = counts[kind];
    if (kind !== 'sql' && claim === undefined && actual === 0) return [];
    const text = claim ?? '0';
    const expected = parseQueryCountFormula(text).evaluate(n);
    return [{ kind, claim: text, expected, actual, matches: expected === actual }];
  });
}
