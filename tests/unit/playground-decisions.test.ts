import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/analysis/log-entry.ts';
import type { RunArgs, RunReport } from '../../src/engine/engine-api.ts';
import type { RecordedQuery } from '../../src/engine/recorded-query.ts';
import { compareVariants } from '../../src/playground/compare-variants.ts';
import { detectHints, HINT_TARGETS } from '../../src/playground/detect-hints.ts';
import GithubSlugger from 'github-slugger';
import { readFileSync } from 'node:fs';
import { growthGeometry, growthTable, type GrowthSeries } from '../../src/playground/growth-chart.ts';
import { loadTimeline } from '../../src/playground/load-timeline.ts';
import { mergeReports } from '../../src/playground/merge-reports.ts';
import { modeledTotalMs } from '../../src/playground/modeled-total.ts';
import { announcement, paneView } from '../../src/playground/pane-view.ts';
import { isExplainable, planTree } from '../../src/playground/plan-tree.ts';
import { runArgsFor, runsToWarmAhead } from '../../src/playground/run-args.ts';
import { runControl, type RunSettings } from '../../src/playground/run-control.ts';
import type { PlaygroundConfig } from '../../src/client/playground-config.ts';
import { WarmedVariants } from '../../src/engine/warmed-variants.ts';
import type { ServicesConfig } from '../../src/simulation/services-config.ts';
import { spreadOf, withinNoise } from '../../src/playground/run-spread.ts';
import type { VariantClaims } from '../../src/playground/variant-claims.ts';

const sql = (text: string, params: unknown[] = [], extra: Partial<RecordedQuery> = {}): RecordedQuery => ({
  kind: 'query',
  sql: text,
  params,
  durationMs: 0.1,
  rows: 1,
  bytes: 10,
  ...extra,
});

function report(extra: Partial<RunReport> & { db?: number[] } = {}): RunReport {
  const { db = [1, 1.2, 0.9], ...rest } = extra;
  return {
    log: [sql('select 1')],
    counts: { sql: 1, http: 0, cache: 0, job: 0 },
    droppedEntries: 0,
    repetitions: db.map((dbMs) => ({ dbMs, wallMs: dbMs + 1, simulatedMs: 0 })),
    result: { ok: true, hash: 'h1', preview: '[]', items: 0 },
    engineWarm: true,
    ...rest,
  };
}

const bad: VariantClaims = { id: 'bad', label: 'Per book', queries: 'n + 1', result: 'same' };
const good: VariantClaims = { id: 'good', label: 'One join', queries: '1', result: 'same' };

describe('run spreads', () => {
  it('takes the median and the range', () => {
    expect(spreadOf([3, 1, 2, 10])).toEqual({ median: 2.5, min: 1, max: 10, count: 4 });
    expect(spreadOf([5])).toEqual({ median: 5, min: 5, max: 5, count: 1 });
  });
  it('calls overlapping ranges, or two figures under the timer resolution, noise', () => {
    expect(withinNoise(spreadOf([10, 12, 14]), spreadOf([13, 15, 20]))).toBe(true);
    expect(withinNoise(spreadOf([10, 11, 12]), spreadOf([1, 1.2, 1.4]))).toBe(false);
    expect(withinNoise(spreadOf([0.1, 0.1]), spreadOf([0.0, 0.1]))).toBe(true);
  });
});

describe('the modeled total', () => {
  it('is measured database time + simulated time + one round trip per SQL statement', () => {
    expect(modeledTotalMs({ dbMs: 12, simulatedMs: 0, sql: 101 }, 2)).toBe(214);
    expect(modeledTotalMs({ dbMs: 1, simulatedMs: 300, sql: 2 }, 20)).toBe(341);
    expect(() => modeledTotalMs({ dbMs: 1, simulatedMs: 0, sql: 1 }, -1)).toThrow(RangeError);
  });
});

describe('what a pane shows', () => {
  it('judges every kind of round trip against its claim and labels each figure measured, simulated or modeled', () => {
    const view = paneView({
      variant: { ...good, http: 'n' },
      baseline: bad,
      n: 3,
      roundTripMs: 2,
      outcome: {
        kind: 'report',
        report: report({
          counts: { sql: 1, http: 2, cache: 0, job: 0 },
          repetitions: [{ dbMs: 1, wallMs: 2, simulatedMs: 150 }],
        }),
      },
      baselineHash: 'h1',
    });
    if (view.kind !== 'report') throw new Error(view.kind);
    expect(view.counts.map((c) => [c.kind, c.text, c.matches, c.claimText])).toEqual([
      ['sql', '1 SQL round trip', true, 'as claimed (1 at n = 3)'],
      ['http', '2 HTTP calls', false, 'claimed n = 3 at n = 3'],
    ]);
    expect(view.metrics.map((m) => [m.term, m.qualifier])).toEqual([
      ['Database time', 'measured'],
      ['Wall time', 'measured'],
      ['Simulated time', 'simulated'],
      ['Total with 2 ms per SQL round trip', 'modeled'],
      ['Rows returned', 'measured'],
      ['Data returned', 'measured'],
    ]);
    expect(view.metrics[3]!.value).toBe('153 ms');
    expect(view.verdict).toEqual({ tone: 'ok', text: '✓ Same result as “Per book”' });
  });

  it('shows counts without judging them when the reader changed the seed or a knob', () => {
    const view = paneView({
      variant: { ...good, http: 'n' },
      baseline: bad,
      n: 3,
      roundTripMs: 0,
      claimsApply: false,
      outcome: { kind: 'report', report: report({ counts: { sql: 1, http: 5, cache: 0, job: 0 } }) },
    });
    if (view.kind !== 'report') throw new Error(view.kind);
    expect(view.counts.map((c) => [c.judged, c.matches, c.claimText])).toEqual([
      [false, true, '(the claim, 1, is for the declared seed and settings)'],
      [false, false, '(the claim, n, is for the declared seed and settings)'],
    ]);
  });

  it('shows the median and the range of the repetitions', () => {
    const view = paneView({
      variant: good,
      baseline: bad,
      n: 1,
      roundTripMs: 0,
      outcome: { kind: 'report', report: report({ db: [2, 1, 3] }) },
    });
    if (view.kind !== 'report') throw new Error(view.kind);
    expect(view.metrics[0]!.value).toBe('2.00 ms (1.00 ms–3.00 ms over 3 runs)');
    // No modeled total without a round trip or simulated time.
    expect(view.metrics.map((m) => m.term)).not.toContain('Total');
  });

  it('warns about counts that changed between runs, a warming engine and a cut log', () => {
    const view = paneView({
      variant: good,
      baseline: bad,
      n: 1,
      roundTripMs: 0,
      outcome: {
        kind: 'report',
        report: report({
          countsDiffer: {
            repetition: 2,
            counts: { sql: 2, http: 0, cache: 0, job: 0 },
            first: { sql: 1, http: 0, cache: 0, job: 0 },
          },
          engineWarm: false,
          droppedEntries: 5,
        }),
      },
    });
    if (view.kind !== 'report') throw new Error(view.kind);
    expect(view.warnings).toHaveLength(3);
    expect(view.warnings[0]).toMatch(
      /Run 3 of 3 made 2 SQL round trips where the first made 1 SQL round trip/,
    );
    expect(view.warnings[1]).toMatch(/warming engine/);
    expect(view.warnings[2]).toMatch(/first 1 call of 6 calls/);
  });

  it('says why a run was stopped by the time limit, and what to use instead of real waits', () => {
    const input = { variant: good, baseline: bad, n: 1, roundTripMs: 0 };
    expect(paneView({ ...input, outcome: { kind: 'timeout', limitMs: 10_000 } })).toMatchObject({
      kind: 'stopped',
      headline: 'Stopped after 10 s',
      explanation: expect.stringMatching(/busy wait or a wait with setTimeout.*clock\.sleep/),
    });
    expect(paneView({ ...input, outcome: { kind: 'stopped' } })).toMatchObject({ headline: 'Stopped' });
    expect(announcement({ ...input, outcome: { kind: 'stopped' } })).toBe('One join: stopped.');
  });

  it('flags a result that differs when it should not, and one that is wrong on purpose', () => {
    const differ = (variant: VariantClaims) =>
      paneView({
        variant,
        baseline: bad,
        n: 1,
        roundTripMs: 0,
        outcome: { kind: 'report', report: report() },
        baselineHash: 'other',
      });
    expect(differ(good)).toMatchObject({ verdict: { tone: 'bad' } });
    expect(differ({ ...good, result: 'different' })).toMatchObject({ verdict: { tone: 'warn' } });
  });
});

describe('the comparison at a glance', () => {
  it('says what the fix changes in one sentence, with ratios from medians', () => {
    const comparison = compareVariants(
      [
        {
          variant: bad,
          report: report({ counts: { sql: 101, http: 0, cache: 0, job: 0 }, db: [24, 25, 26] }),
        },
        {
          variant: good,
          report: report({ counts: { sql: 1, http: 0, cache: 0, job: 0 }, db: [0.9, 1, 1.1] }),
        },
      ],
      2,
    );
    expect(comparison.sentences).toEqual([
      'One join: 100 fewer round trips, 25× less database time, same result (compared with “Per book”).',
    ]);
    expect(comparison.figures.map((f) => [f.id, f.qualifier, f.bars.map((b) => b.display)])).toEqual([
      ['round-trips', 'measured', ['101', '1']],
      ['database-time', 'measured', ['25.0 ms', '1.00 ms']],
      ['modeled-time', 'modeled', ['227 ms', '3.00 ms']],
      ['rows', 'measured', ['1', '1']],
      ['bytes', 'measured', ['≈ 10 B', '≈ 10 B']],
    ]);
  });

  it('says "within noise" instead of a ratio when the runs overlap', () => {
    const { sentences } = compareVariants(
      [
        { variant: bad, report: report({ db: [1, 2, 3] }) },
        { variant: good, report: report({ db: [1.5, 2.5, 3.5] }) },
      ],
      0,
    );
    expect(sentences[0]).toBe(
      'One join: the same round trips, database time within noise, same result (compared with “Per book”).',
    );
  });

  it('counts every kind the log holds, and compares simulated time exactly', () => {
    const simulated = (ms: number, http: number) =>
      report({
        counts: { sql: 0, http, cache: 0, job: 0 },
        repetitions: [{ dbMs: 0, wallMs: 1, simulatedMs: ms }],
      });
    const { sentences, figures } = compareVariants(
      [
        { variant: { ...bad, queries: '0', http: 'n' }, report: simulated(3000, 30) },
        { variant: { ...good, queries: '0', http: '1' }, report: simulated(120, 1) },
      ],
      0,
    );
    expect(sentences[0]).toBe(
      'One join: the same SQL round trips, 29 fewer HTTP calls, database time within noise, 25× less simulated time, same result (compared with “Per book”).',
    );
    expect(figures.find((f) => f.id === 'round-trips')!.bars.map((b) => b.display)).toEqual([
      '0 SQL + 30 HTTP',
      '0 SQL + 1 HTTP',
    ]);
    expect(figures.find((f) => f.id === 'simulated-time')!.qualifier).toBe('simulated');
  });
});

describe('two passes of one comparison', () => {
  it('keeps every run of both passes, the second pass log, and flags counts or results that changed', () => {
    const first = report({ db: [5] });
    const more = report({ db: [1, 1.2, 0.9], log: [sql('select 2')] });
    const merged = mergeReports(first, more);
    expect(merged.repetitions.map((r) => r.dbMs)).toEqual([5, 1, 1.2, 0.9]);
    expect(merged.log).toEqual(more.log);
    expect(merged.countsDiffer).toBeUndefined();
    expect(merged.resultsDiffer).toBeUndefined();

    const changed = mergeReports(
      first,
      report({
        counts: { sql: 2, http: 0, cache: 0, job: 0 },
        result: { ok: true, hash: 'h2', preview: '[]' },
      }),
    );
    expect(changed.countsDiffer).toEqual({
      repetition: 1,
      counts: { sql: 2, http: 0, cache: 0, job: 0 },
      first: first.counts,
    });
    expect(changed.resultsDiffer).toBe(true);
  });

  it('counts a difference found inside the second pass from the start of the first', () => {
    const inside = {
      repetition: 2,
      counts: { sql: 3, http: 0, cache: 0, job: 0 },
      first: { sql: 1, http: 0, cache: 0, job: 0 },
    };
    expect(mergeReports(report({ db: [1] }), report({ countsDiffer: inside })).countsDiffer).toEqual({
      ...inside,
      repetition: 3,
    });
  });
});

describe('growth with n', () => {
  const series: GrowthSeries[] = [
    {
      variantId: 'bad',
      label: 'Per book',
      points: [10, 100, 1000].map((n) => ({ n, roundTrips: n + 1, claimed: n + 1, medianMs: n / 10 })),
    },
    {
      variantId: 'good',
      label: 'One join',
      points: [10, 100, 1000].map((n) => ({ n, roundTrips: n === 100 ? 2 : 1, claimed: 1, medianMs: 1 })),
    },
  ];

  it('plots each count on log scales and marks a count that leaves its formula', () => {
    const chart = growthGeometry(series, 'roundTrips', { width: 400, height: 240 });
    expect(chart.xTicks.map((t) => t.label)).toEqual(['10', '100', '1,000']);
    expect(chart.yTicks.map((t) => t.label)).toEqual(['0', '1', '10', '100', '1,000', '10,000']);
    const [perBook, join] = chart.series;
    // Evenly spaced decades: 10, 100, 1000 sit at the left edge, the middle and the right edge.
    expect(perBook!.points.map((p) => p.x)).toEqual([52, 220, 388]);
    expect(perBook!.points.map((p) => p.value)).toEqual([11, 101, 1001]);
    expect(perBook!.points.every((p) => !p.offClaim)).toBe(true);
    expect(join!.points.map((p) => p.offClaim)).toEqual([false, true, false]);
    // y(1) = bottom − log10(1 + 1) / log10(1 + 10,000) × plot height = 200 − 0.301 / 4.0 × 188.
    expect(join!.claimPath).toBe('M52,185.9 L220,185.9 L388,185.9');
    // Higher counts sit higher (smaller y).
    expect(perBook!.points[2]!.y).toBeLessThan(perBook!.points[0]!.y);
  });

  it('draws no claim line for time, and gives the same numbers as a table', () => {
    expect(
      growthGeometry(series, 'medianMs', { width: 400, height: 240 }).series[0]!.claimPath,
    ).toBeUndefined();
    const table = growthTable(series);
    expect(table.headers).toEqual([
      'n',
      'Per book: round trips (claimed)',
      'Per book: median time',
      'One join: round trips (claimed)',
      'One join: median time',
    ]);
    expect(table.rows[1]).toEqual(['100', '101 (101)', '10.0 ms', '2 (1, not met)', '1.00 ms']);
  });
});

describe('hints', () => {
  const repeat = (text: string, times: number, params = (i: number) => [i]) =>
    Array.from({ length: times }, (_, i) => sql(text, params(i)));

  it('points every hint at a heading that exists on a published guideline', () => {
    for (const [id, { page, heading }] of Object.entries(HINT_TARGETS)) {
      const mdx = readFileSync(new URL(`../../content/guidelines/${page}.mdx`, import.meta.url), 'utf8');
      const slugger = new GithubSlugger();
      const headings = [...mdx.matchAll(/^#{2,4} (.+)$/gm)].map((match) => slugger.slug(match[1]!));
      expect(headings, `${id} → ${page}#${heading}`).toContain(heading);
    }
  });

  it('names an N+1 by id and points to the join, and says nothing under the threshold', () => {
    const log = [sql('select * from "books"'), ...repeat('select "name" from "authors" where "id" = $1', 10)];
    expect(detectHints(log).map((h) => [h.id, h.page, h.heading])).toEqual([
      ['n-plus-one-by-id', 'n-plus-one-foreign-keys', 'the-fix-one-query-with-a-join'],
    ]);
    expect(detectHints(log.slice(0, 10))).toEqual([]);
  });

  it('tells a per-parent N+1 from a per-item query', () => {
    expect(detectHints(repeat('select * from "reviews" where "book_id" = $1', 12))[0]!.id).toBe(
      'n-plus-one-by-parent',
    );
    expect(detectHints(repeat('select 1 from "books" where "price_cents" < $1', 12))[0]!.id).toBe(
      'query-per-item',
    );
  });

  it('sees rows written one at a time, deep offsets, the parameter limit, one heavy statement and calls per item', () => {
    expect(detectHints(repeat('insert into "tags" ("name") values ($1)', 10))[0]!.id).toBe(
      'row-by-row-writes',
    );
    expect(
      detectHints(repeat('update "products" set "price_cents" = $1 where "id" = $2', 10)).map((h) => [
        h.id,
        h.page,
      ]),
    ).toEqual([['row-by-row-changes', 'bulk-updates-and-deletes']]);
    expect(
      detectHints([sql('select * from "events" order by "id" limit $1 offset $2', [20, 5000])])[0]!.id,
    ).toBe('deep-offset');
    expect(detectHints([sql('select * from "events" limit 20 offset 20')])).toEqual([]);
    expect(
      detectHints([], {
        name: 'DatabaseError',
        message: 'x',
        explanation: 'This statement has 70,000 bind parameters.',
      })[0]!.id,
    ).toBe('parameter-limit');
    const heavy = [sql('select * from "books"', [], { bytes: 200_000 }), sql('select 1', [], { bytes: 100 })];
    expect(detectHints(heavy)[0]!.id).toBe('one-heavy-statement');
    const calls: LogEntry[] = Array.from({ length: 10 }, (_, i) => ({
      kind: 'http',
      label: `GET https://api.example/items/${i}`,
      startedAtMs: i,
      simulatedMs: 1,
      outcome: '200',
      ok: true,
      bytes: 1,
    }));
    expect(detectHints(calls)[0]!.id).toBe('calls-per-item');
  });

  it('ignores what a background job did: the hint is about the request', () => {
    const jobQueries = repeat('select "name" from "authors" where "id" = $1', 12).map((entry) => ({
      ...entry,
      origin: 'job' as const,
    }));
    expect(detectHints(jobQueries)).toEqual([]);
  });
});

describe('plan trees', () => {
  const plan = [
    {
      Plan: {
        'Node Type': 'Sort',
        'Actual Rows': 20,
        'Actual Loops': 1,
        'Plan Rows': 20,
        'Actual Total Time': 30,
        'Sort Key': ['created_at DESC'],
        'Sort Method': 'top-N heapsort',
        Plans: [
          {
            'Node Type': 'Seq Scan',
            'Relation Name': 'events',
            'Actual Rows': 300,
            'Actual Loops': 1,
            'Plan Rows': 310,
            'Actual Total Time': 25,
            Filter: '(account_id = 7)',
            'Rows Removed by Filter': 99_700,
          },
        ],
      },
      'Planning Time': 0.2,
      'Execution Time': 30.5,
    },
  ];

  it('marks a large sequential scan, a sort and a filter that throws most rows away', () => {
    const tree = planTree(plan);
    expect(tree.executionMs).toBe(30.5);
    expect(tree.root.flags.map((f) => f.id)).toEqual(['sort']);
    const scan = tree.root.children[0]!;
    expect(scan.target).toBe('on events');
    expect(scan.flags.map((f) => f.text)).toEqual([
      'Reads every row of events: 100,000 rows',
      'Throws away 99,700 of 100,000 rows it read',
    ]);
    expect(scan.details).toContain('Filter: (account_id = 7)');
  });

  it('marks a node that runs once per outer row, and rejects what is not a plan', () => {
    const loop = planTree({
      Plan: {
        'Node Type': 'Index Scan',
        'Index Name': 'authors_pkey',
        'Relation Name': 'authors',
        'Actual Rows': 1,
        'Actual Loops': 5000,
      },
    });
    expect(loop.root.target).toBe('using authors_pkey on authors');
    expect(loop.root.flags.map((f) => f.id)).toEqual(['many-loops']);
    expect(() => planTree({ nope: 1 })).toThrow(/Not an EXPLAIN/);
  });

  it('offers EXPLAIN for queries and sandboxed writes, not for cursors or settings', () => {
    expect(isExplainable('select 1')).toBe(true);
    expect(isExplainable('/* list */ with x as (select 1) select * from x')).toBe(true);
    expect(isExplainable('update "books" set "title" = $1')).toBe(true);
    expect(isExplainable('FETCH 500 FROM c')).toBe(false);
    expect(isExplainable('declare c cursor for select 1')).toBe(false);
    expect(isExplainable('SET LOCAL work_mem = 1')).toBe(false);
  });
});

describe('run control', () => {
  const settings = (n: number, roundTripMs = 2): RunSettings => ({ n, roundTripMs, seed: 1, knobs: {} });

  it('turns Run into Stop while running, and stops on the second press', () => {
    const [running, start] = runControl.press({ phase: 'idle' }, 'compare', settings(100));
    expect(start).toEqual({ type: 'start', kind: 'compare', settings: settings(100) });
    const [stopping, stop] = runControl.press(running, 'compare', settings(100));
    expect(stop).toEqual({ type: 'stop' });
    expect(runControl.press(stopping, 'compare', settings(100))[1]).toEqual({ type: 'none' });
    expect(runControl.finish(stopping, settings(100))).toEqual([{ phase: 'idle' }, { type: 'render' }]);
  });

  it('keeps one size per comparison: a change during a run queues one re-run at the new size', () => {
    const [running] = runControl.press({ phase: 'idle' }, 'compare', settings(100));
    const [queued, action] = runControl.change(running, settings(100), settings(500), true);
    expect(action).toEqual({ type: 'none' });
    expect(queued).toMatchObject({ phase: 'running', settings: settings(100), rerun: true });
    expect(runControl.finish(queued, settings(500))[1]).toEqual({
      type: 'start',
      kind: 'compare',
      settings: settings(500),
    });
  });

  it('re-renders for a new round-trip time, and re-runs for a new size only once there are results', () => {
    expect(runControl.change({ phase: 'idle' }, settings(100, 2), settings(100, 20), true)[1]).toEqual({
      type: 'render',
    });
    expect(runControl.change({ phase: 'idle' }, settings(100), settings(500), true)[1]).toMatchObject({
      type: 'start',
    });
    expect(runControl.change({ phase: 'idle' }, settings(100), settings(500), false)[1]).toEqual({
      type: 'none',
    });
    expect(
      runControl.change({ phase: 'idle' }, settings(100), { ...settings(100), knobs: { 'a.b': 1 } }, true)[1],
    ).toMatchObject({ type: 'start' });
  });
});

describe('load timeline', () => {
  it('cuts a run into slices with arrivals, outcomes and busy workers', () => {
    const record = (
      index: number,
      arrivedAtMs: number,
      startedAtMs: number,
      finishedAtMs: number,
      outcome: 'ok' | 'timed-out',
    ) => ({
      index,
      route: 'a',
      arrivedAtMs,
      startedAtMs,
      finishedAtMs,
      worker: 0,
      outcome,
      latencyMs: finishedAtMs - arrivedAtMs,
    });
    const { bucketMs, rows } = loadTimeline(
      [record(0, 0, 0, 100, 'ok'), record(1, 50, 100, 200, 'timed-out')],
      4,
    );
    expect(bucketMs).toBe(50);
    expect(rows.map((r) => r.arrived)).toEqual([1, 1, 0, 0]);
    expect(rows.map((r) => r.busyWorkers)).toEqual([1, 1, 1, 1]);
    expect(rows.map((r) => r.ok + r.timedOut)).toEqual([0, 0, 1, 1]);
  });
});

describe('run arguments and warming up ahead', () => {
  const config: PlaygroundConfig = {
    example: 'books-with-authors',
    title: 'Books',
    dataset: 'library',
    autocommit: false,
    n: { default: 100, choices: [10, 100], label: 'books' },
    variants: [
      { id: 'bad', label: 'Per book', queries: 'n + 1', result: 'same' },
      { id: 'good', label: 'One join', queries: '1', result: 'same' },
    ],
    knobs: [],
  };
  const settings: RunSettings = { n: 100, roundTripMs: 0, seed: 1, knobs: {} };
  const nothingEdited = () => false;
  const firstPass = { min: 1, max: 1, budgetMs: 0 };
  // Whether the engine would make a warm-up run before this run's timed one.
  const warmsUp = (warmed: WarmedVariants, run: RunArgs) => warmed.policyFor(run, firstPass).warmUp !== false;

  it('a warm-up ahead is recognized by the Run that follows it at the same settings', () => {
    const ahead = runsToWarmAhead(config, settings, nothingEdited);
    expect(ahead.map((run) => run.variant)).toEqual(['bad', 'good']);
    const warmed = new WarmedVariants();
    for (const run of ahead) warmed.remember(run);
    for (const variant of config.variants) {
      // What the Run sends: the same builder, plus its timing.
      const run = { ...runArgsFor(config, variant.id, settings), repetitions: firstPass };
      expect(warmsUp(warmed, run)).toBe(false);
    }
    // The round trip only models a network; any other setting makes it another run.
    const otherRoundTrip = {
      ...runArgsFor(config, 'bad', { ...settings, roundTripMs: 5 }),
      repetitions: firstPass,
    };
    expect(warmsUp(warmed, otherRoundTrip)).toBe(false);
    const otherSize = { ...runArgsFor(config, 'bad', { ...settings, n: 10 }), repetitions: firstPass };
    expect(warmsUp(warmed, otherSize)).toBe(true);
  });

  it('the seed and knobs of simulated services are part of the run', () => {
    const services = {
      seed: 7,
      upstreams: { payments: { timeoutMs: 1000 } },
      cache: { latency: { kind: 'fixed', ms: 1 } },
      jobs: { enqueueLatency: { kind: 'fixed', ms: 1 }, pickupMs: 10 },
    } as unknown as ServicesConfig;
    const withServices = { ...config, services };
    const [ahead] = runsToWarmAhead(withServices, { ...settings, seed: 7 }, nothingEdited);
    expect(ahead!.services?.seed).toBe(7);
    const warmed = new WarmedVariants();
    warmed.remember(ahead!);
    const otherSeed = {
      ...runArgsFor(withServices, 'bad', { ...settings, seed: 8 }),
      repetitions: firstPass,
    };
    expect(warmsUp(warmed, otherSeed)).toBe(true);
  });

  it('nothing is warmed up ahead for an edited comparison or a load simulation', () => {
    expect(runsToWarmAhead(config, settings, (id) => id === 'good')).toEqual([]);
    const load = { workers: 2, arrivalsPerSecond: 10, requestTimeoutMs: 1000, routes: [] };
    expect(runsToWarmAhead({ ...config, load }, settings, nothingEdited)).toEqual([]);
    // Edited code goes into the run's arguments as its source.
    expect(runArgsFor(config, 'bad', settings, 'export default 1').source).toBe('export default 1');
  });
});
