import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteIdentifier } from '../../src/engine/dataset-loader.ts';
import { runVariant } from '../../src/engine/run-variant.ts';
import { loadVariant, readExamples, seededPGlite } from '../support/node-engine.ts';

// The `*-plans` examples show EXPLAIN ANALYZE output, and their pages describe it in words:
// which node types appear, on which relation and index, how many rows a step produced. Those
// sentences are true of the PostgreSQL that PGlite ships today. These tests pin them, so that a
// PGlite upgrade that changes a plan fails here instead of leaving the prose wrong.
//
// Each test runs a plans variant exactly as the page does, then replays the statements it sent
// (same SQL, same parameters, inside a transaction that is rolled back) with its EXPLAIN
// switched to FORMAT JSON, and asserts on the parsed plan. Every node type found in the JSON
// must also appear in what the variant itself returned, so the replay cannot drift from the
// plan the reader sees.

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Index Cond'?: string;
  Filter?: string;
  Plans?: PlanNode[];
}

const examples = new Map(readExamples().map((e) => [e.id, e.definition]));
const planExamples = ['cheap-book-exists-plans', 'events-account-latest-plans', 'events-feed-page-plans'];

let pglite: PGlite;

beforeAll(async () => {
  pglite = await seededPGlite(...new Set(planExamples.map((id) => definitionOf(id).dataset)));
}, 120_000);
afterAll(() => pglite?.close());

function definitionOf(id: string) {
  const definition = examples.get(id);
  if (!definition) throw new Error(`no example ${id}`);
  return definition;
}

/** Rewrites `explain (format text, analyze, …) <query>` to ask for the same plan as JSON. */
function asJsonExplain(statement: string): string {
  const head = /^\s*explain\s*\(([^)]*)\)/i.exec(statement);
  if (!head) throw new Error(`not an EXPLAIN with options: ${statement.slice(0, 80)}`);
  const options = head[1]!
    .split(',')
    .map((option) => option.trim())
    .filter((option) => !/^format\b/i.test(option));
  return `explain (${[...options, 'format json'].join(', ')})${statement.slice(head[0].length)}`;
}

/** Every node of a plan, the root first. */
function nodesOf(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodesOf)];
}

/** The rows a scan node looked at: those it returned plus those its filter threw away. */
function rowsRead(node: PlanNode): number {
  return Math.round((node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops']);
}

/** Runs the variant as the page does and returns the plan of its EXPLAIN statement as JSON. */
async function planOf(example: string, variant: string, n: number): Promise<PlanNode> {
  const { dataset } = definitionOf(example);
  const run = await runVariant(pglite, { dataset, n, variant: await loadVariant(example, variant) });
  if (!run.outcome.ok) throw new Error(`${example}/${variant} failed: ${run.outcome.error.message}`);

  let plan: PlanNode | undefined;
  await pglite.query('BEGIN');
  try {
    await pglite.query(`SET LOCAL search_path TO ${quoteIdentifier(dataset)}`);
    for (const statement of run.log) {
      if (statement.kind !== 'query') continue;
      if (/^\s*explain\b/i.test(statement.sql)) {
        const { rows } = await pglite.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
          asJsonExplain(statement.sql),
          [...statement.params],
        );
        plan = rows[0]!['QUERY PLAN'][0]!.Plan;
      } else {
        await pglite.query(statement.sql, [...statement.params]); // e.g. the DROP INDEX that sets the stage
      }
    }
  } finally {
    await pglite.query('ROLLBACK');
  }
  if (!plan) throw new Error(`${example}/${variant} sent no EXPLAIN`);

  // What the reader sees (a text plan, or steps built from the JSON plan) names the same nodes.
  const shown = JSON.stringify(run.outcome.value);
  for (const node of nodesOf(plan))
    expect(shown, `${variant} shows ${node['Node Type']}`).toContain(node['Node Type']);
  return plan;
}

/** The node of the given type, which must appear exactly once in the plan. */
function only(plan: PlanNode, type: string): PlanNode {
  const found = nodesOf(plan).filter((node) => node['Node Type'] === type);
  expect(
    found.map((node) => node['Node Type']),
    `one ${type} in the plan`,
  ).toEqual([type]);
  return found[0]!;
}

function types(plan: PlanNode): string[] {
  return nodesOf(plan).map((node) => node['Node Type']);
}

describe('indexes.mdx: events-account-latest-plans', () => {
  const example = 'events-account-latest-plans';
  // n is the account's size: the seed gives four accounts exactly 100, 1,000, 10,000 and 30,000
  // events, out of 100,000.
  it.each(definitionOf(example).n.choices)('n = %i: the three plans the page describes', async (n) => {
    // "Without an index, the plan is a `Seq Scan` on `events` with a `Filter` on `account_id`: its
    // `Rows Removed by Filter` is every other account's rows. A `Sort` then keeps the top twenty."
    const noIndex = await planOf(example, 'no-index', n);
    expect(types(noIndex)).toEqual(['Limit', 'Sort', 'Seq Scan']);
    const seqScan = only(noIndex, 'Seq Scan');
    expect(seqScan['Relation Name']).toBe('events');
    expect(seqScan.Filter).toMatch(/account_id = /);
    expect(seqScan['Actual Rows']).toBe(n);
    expect(seqScan['Rows Removed by Filter']).toBe(100_000 - n);
    expect(noIndex['Actual Rows']).toBe(20);

    // "With the foreign key's index, here a `Bitmap Index Scan` on `events_account_id_idx` finds
    // the account's rows, a `Bitmap Heap Scan` fetches all of them (its `rows=` is the account's
    // size), and a `Sort` keeps the top twenty."
    const foreignKey = await planOf(example, 'foreign-key-index', n);
    expect(types(foreignKey)).toEqual(['Limit', 'Sort', 'Bitmap Heap Scan', 'Bitmap Index Scan']);
    expect(only(foreignKey, 'Bitmap Index Scan')['Index Name']).toBe('events_account_id_idx');
    const heapScan = only(foreignKey, 'Bitmap Heap Scan');
    expect(heapScan['Relation Name']).toBe('events');
    expect(heapScan['Actual Rows']).toBe(n);
    expect(foreignKey['Actual Rows']).toBe(20);

    // "With the composite index, an `Index Scan` on `events_account_created_idx` produces twenty
    // rows and there is no `Sort` at all."
    const composite = await planOf(example, 'composite-index', n);
    expect(types(composite)).toEqual(['Limit', 'Index Scan']);
    const indexScan = only(composite, 'Index Scan');
    expect(indexScan['Index Name']).toBe('events_account_created_idx');
    expect(indexScan['Relation Name']).toBe('events');
    expect(indexScan['Actual Rows']).toBe(20);
  });
});

describe('pagination.mdx: events-feed-page-plans', () => {
  const example = 'events-feed-page-plans';
  const pageSize = 100;
  it.each(definitionOf(example).n.choices)('page %i: the plans the page describes', async (page) => {
    const plans = {
      offset: await planOf(example, 'limit-offset', page),
      keyset: await planOf(example, 'keyset', page),
      rowValue: await planOf(example, 'keyset-row-value', page),
    };

    // "All three plans are a `Limit` over an `Index Scan` of `events_created_idx`, with no `Sort`."
    for (const [name, plan] of Object.entries(plans)) {
      expect(types(plan), name).toEqual(['Limit', 'Index Scan']);
      expect(only(plan, 'Index Scan')['Index Name'], name).toBe('events_created_idx');
      expect(plan['Actual Rows'], name).toBe(pageSize);
    }

    // "For `LIMIT`/`OFFSET` it is every row the scan produced, skipped ones included: n × 100 on
    // page n. For both keyset filters it is one page, 100 rows, on every page."
    expect(only(plans.offset, 'Index Scan')['Actual Rows']).toBe(page * pageSize);
    expect(only(plans.keyset, 'Index Scan')['Actual Rows']).toBe(pageSize);
    expect(only(plans.rowValue, 'Index Scan')['Actual Rows']).toBe(pageSize);

    const keysetScan = only(plans.keyset, 'Index Scan');
    const rowValueScan = only(plans.rowValue, 'Index Scan');
    if (page === 1) {
      // "On page 1 neither keyset query has a cursor, and both plans are the plain index scan."
      for (const scan of [keysetScan, rowValueScan]) {
        expect(scan['Index Cond']).toBeUndefined();
        expect(scan.Filter).toBeUndefined();
      }
      return;
    }
    // "The row comparison is the scan's `Index Cond` (`ROW(created_at, id) < ROW(…)`), and there is
    // no filter."
    expect(rowValueScan['Index Cond']).toMatch(/^\(ROW\(created_at, id\) < ROW\(/);
    expect(rowValueScan.Filter).toBeUndefined();
    // "The `Q()` version's `Index Cond` is `created_at <= …`, and its `Filter` holds the `OR`, with
    // `Rows Removed by Filter: 1`"
    expect(keysetScan['Index Cond']).toMatch(/^\(created_at <= /);
    expect(keysetScan.Filter).toMatch(/ OR /);
    expect(keysetScan['Rows Removed by Filter']).toBe(1);
  });
});

describe('existence-checks.mdx: cheap-book-exists-plans', () => {
  const example = 'cheap-book-exists-plans';
  it.each(definitionOf(example).n.choices)('n = %i: the rows each shape reads', async (n) => {
    const scanOf = (plan: PlanNode) => {
      const scans = nodesOf(plan).filter((node) => node['Relation Name'] === 'books');
      expect(scans, 'one scan of books').toHaveLength(1);
      return scans[0]!;
    };

    // "Fetching and counting read the same rows: every one of the first n books, whether through
    // the primary-key index or a sequential scan."
    const fetch = await planOf(example, 'fetch-rows', n);
    const count = await planOf(example, 'count-rows', n);
    for (const plan of [fetch, count]) {
      expect(['Index Scan', 'Seq Scan']).toContain(scanOf(plan)['Node Type']);
      expect(rowsRead(scanOf(plan))).toBe(n);
    }
    expect(count['Node Type']).toBe('Aggregate');

    // "The `LIMIT 1` plan stops as soon as its scan returns one matching row, so the rows it reads
    // stay at a handful at every n."
    const exists = await planOf(example, 'exists', n);
    expect(exists['Node Type']).toBe('Limit');
    expect(scanOf(exists)['Actual Rows']).toBe(1);
    expect(rowsRead(scanOf(exists))).toBeLessThanOrEqual(5);
  });
});
