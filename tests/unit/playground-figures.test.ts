import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatMs } from '../../src/analysis/format-figures.ts';
import { tokenizeSql } from '../../src/analysis/highlight-sql.ts';
import { judgeQueryCount, judgeResult } from '../../src/analysis/judge-run.ts';

describe('judgeQueryCount', () => {
  it('compares the count with the claim at this n', () => {
    expect(judgeQueryCount('n + 1', 100, 101)).toEqual({ expected: 101, matches: true });
    expect(judgeQueryCount('1', 100, 2)).toEqual({ expected: 1, matches: false });
  });
});

describe('judgeResult', () => {
  it('treats the first variant as the baseline', () => {
    expect(judgeResult('same', true, 'a', 'a')).toEqual({ kind: 'baseline' });
  });
  it('checks same and different claims', () => {
    expect(judgeResult('same', false, 'a', 'a')).toEqual({ kind: 'same', asClaimed: true });
    expect(judgeResult('same', false, 'a', 'b')).toEqual({ kind: 'different', asClaimed: false });
    expect(judgeResult('different', false, 'a', 'b')).toEqual({ kind: 'different', asClaimed: true });
    expect(judgeResult('different', false, 'a', 'a')).toEqual({ kind: 'same', asClaimed: false });
  });
  it('does not compare when told not to or when a side has no result', () => {
    expect(judgeResult('any', false, 'a', 'b')).toEqual({ kind: 'not-compared' });
    expect(judgeResult('same', false, undefined, 'b')).toEqual({ kind: 'unavailable' });
  });
});

describe('format figures', () => {
  it('pluralises counts with thousands separators', () => {
    expect(formatCount(1, 'query', 'queries')).toBe('1 query');
    expect(formatCount(1001, 'query', 'queries')).toBe('1,001 queries');
  });
  it('picks a precision that suits the size', () => {
    expect(formatMs(0.083)).toBe('0.08 ms');
    expect(formatMs(12.34)).toBe('12.3 ms');
    expect(formatMs(215.4)).toBe('215 ms');
    expect(formatMs(1240)).toBe('1.24 s');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KiB');
  });
});

describe('tokenizeSql', () => {
  it('marks keywords, strings, parameters, numbers and quoted identifiers', () => {
    const tokens = tokenizeSql(`select "name" from authors where id = $1 and country = 'NL' limit 10`);
    const kinds = (kind: string) => tokens.filter((t) => t.kind === kind).map((t) => t.text);
    expect(kinds('keyword')).toEqual(['select', 'from', 'where', 'and', 'limit']);
    expect(kinds('identifier')).toEqual(['"name"']);
    expect(kinds('parameter')).toEqual(['$1']);
    expect(kinds('string')).toEqual(["'NL'"]);
    expect(kinds('number')).toEqual(['10']);
    expect(tokens.map((t) => t.text).join('')).toBe(
      `select "name" from authors where id = $1 and country = 'NL' limit 10`,
    );
  });
});
