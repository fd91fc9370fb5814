import { describe, expect, it } from 'vitest';
import { canonicalResult, resultHash } from '../../src/analysis/canonical-result.ts';
import { groupQueries, summariseLog } from '../../src/analysis/group-queries.ts';
import { parseQueryCountFormula } from '../../src/analysis/query-count-formula.ts';
import { toVariantError } from '../../src/analysis/variant-error.ts';
import { estimateResultBytes } from '../../src/engine/estimate-result-bytes.ts';
import type { RecordedQuery } from '../../src/engine/recorded-query.ts';

const q = (sql: string, params: unknown[] = [], durationMs = 1): RecordedQuery => ({
  kind: 'query',
  sql,
  params,
  durationMs,
  rows: 1,
  bytes: 10,
});

describe('query-count formulas', () => {
  it.each([
    ['1', 500, 1],
    ['n + 1', 100, 101],
    ['2 * n + 1', 10, 21],
    ['ceil(n / 500) + 1', 1000, 3],
    ['ceil(n / 500) + 1', 1001, 4],
    ['floor(n / 3)', 10, 3],
    ['(n + 1) * 2', 4, 10],
    ['n - 1', 1, 0],
  ])('%s at n = %i is %i', (text, n, expected) => {
    expect(parseQueryCountFormula(text).evaluate(n)).toBe(expected);
  });

  it('knows which claims do not depend on n', () => {
    expect(parseQueryCountFormula('2').constant).toBe(true);
    expect(parseQueryCountFormula('ceil(n / 100)').constant).toBe(false);
  });

  it.each(['', 'n +', 'm + 1', 'n ** 2', 'alert(1)', '(n', 'n)'])('rejects %j', (text) => {
    expect(() => parseQueryCountFormula(text)).toThrow();
  });
});

describe('groupQueries', () => {
  const log = [
    q('select * from books limit $1', [3]),
    q('select name from authors where id = $1', [1]),
    q('select name from authors where id = $1', [2]),
    q('select name from authors   where id = $1', [1]),
    q('select 1'),
  ];

  it('groups the same SQL with different parameters as similar, largest group first', () => {
    const groups = groupQueries(log);
    expect(groups[0]).toMatchObject({
      sql: 'select name from authors where id = $1',
      count: 3,
      indexes: [1, 2, 3],
    });
    expect(groups.map((g) => g.count)).toEqual([3, 1, 1]);
  });

  it('counts the same SQL with the same parameters as duplicates', () => {
    const groups = groupQueries(log);
    expect(groups[0]).toMatchObject({ duplicates: 1, largestDuplicateRun: 2, totalMs: 3 });
    expect(groups[1]).toMatchObject({ duplicates: 0 });
  });

  it('does not call repeated cursor FETCHes duplicates: each reads new rows', () => {
    const [group] = groupQueries([q('FETCH 500 FROM c'), q('FETCH 500 FROM c'), q('FETCH  500 FROM c')]);
    expect(group).toMatchObject({ count: 3, duplicates: 0 });
  });

  it('keeps transaction statements apart from queries', () => {
    const tx = { ...q('BEGIN'), kind: 'transaction' as const };
    const groups = groupQueries([tx, q('BEGIN'), tx]);
    expect(groups.map((g) => [g.kind, g.count])).toEqual([
      ['transaction', 2],
      ['query', 1],
    ]);
  });

  it('summarises a log: queries, similar groups, duplicates, rows and bytes', () => {
    const summary = summariseLog(log);
    expect(summary).toMatchObject({ queries: 5, duplicateQueries: 1, dbMs: 5, rows: 5, bytes: 50 });
    expect(summary.similarGroups).toHaveLength(1);
  });
});

describe('canonical results', () => {
  it('ignores key order and the difference between integer types', () => {
    expect(canonicalResult([{ b: 1n, a: 'x' }])).toBe(canonicalResult([{ a: 'x', b: 1 }]));
  });
  it('keeps order of rows and distinguishes values', () => {
    expect(canonicalResult([1, 2])).not.toBe(canonicalResult([2, 1]));
    expect(resultHash(canonicalResult({ a: 1 }))).not.toBe(resultHash(canonicalResult({ a: 2 })));
  });
  it('writes dates as ISO text', () => {
    expect(canonicalResult({ at: new Date('2024-01-01T00:00:00Z') })).toBe(
      '{"at":"2024-01-01T00:00:00.000Z"}',
    );
  });
});

describe('estimateResultBytes', () => {
  it('counts the text form of each value', () => {
    expect(estimateResultBytes([{ id: 123, name: 'abcd', gone: null, ok: true }])).toBe(3 + 4 + 0 + 1);
  });
});

describe('toVariantError', () => {
  it('keeps PostgreSQL fields', () => {
    const error = Object.assign(new Error('relation "x" does not exist'), { code: '42P01', hint: 'h' });
    expect(toVariantError(error)).toEqual({
      name: 'Error',
      message: 'relation "x" does not exist',
      code: '42P01',
      hint: 'h',
    });
  });
  it('handles things that are not errors', () => {
    expect(toVariantError('boom')).toEqual({ name: 'Error', message: 'boom' });
  });
});
