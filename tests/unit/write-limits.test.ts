import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQueryCountFormula } from '../../src/analysis/query-count-formula.ts';
import { runVariant } from '../../src/engine/run-variant.ts';
import type { VariantFunction } from '../../src/engine/example-context.ts';
import type { ShopContext } from '../../content/datasets/shop/shop-database.ts';
import { loadVariant, readExamples, seededPGlite } from '../support/node-engine.ts';

// The bulk-inserts page explains PostgreSQL's limit of 65,535 bind parameters per statement with
// numbers, and its playground stays below the limit so that every variant succeeds at every size.
// Here the same import runs past it: 25,000 customers of three columns are 75,000 parameters.
const PAST_THE_LIMIT = 25_000;
const example = readExamples().find((e) => e.id === 'import-new-customers')!;

// What a bulk_create() without batch_size sends as VALUES: every row in one INSERT.
const unbatched: VariantFunction = async ({ db, n }: ShopContext) => {
  const rows = Array.from({ length: n }, (_, i) => ({
    email: `new${String(i + 1).padStart(5, '0')}@example.com`,
    name: `New customer ${i + 1}`,
    country: 'NL',
  }));
  return db.insertInto('customers').values(rows).returning('id').execute();
};

describe('inserting past the bind-parameter limit', () => {
  let pglite: PGlite;
  beforeAll(async () => {
    pglite = await seededPGlite('shop');
  }, 120_000);
  afterAll(() => pglite?.close());

  const run = async (variant: VariantFunction) =>
    runVariant(pglite, { dataset: 'shop', n: PAST_THE_LIMIT, variant });

  it('keeps the playground below the limit at its largest size', () => {
    expect(Math.max(...example.definition.n.choices) * 3).toBeLessThanOrEqual(65_535);
    expect(PAST_THE_LIMIT * 3).toBeGreaterThan(65_535);
  });

  it('fails one INSERT for every row, with the plain-words explanation', async () => {
    const { outcome, log } = await run(unbatched);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.explanation).toMatch(/has 75,000 bind parameters/);
      expect(outcome.error.explanation).toMatch(/at most 65,535/);
      expect(outcome.error.explanation).toMatch(/batch_size/);
    }
    expect(log).toHaveLength(1);
  }, 60_000);

  it.each(['bulk-create-batches', 'bulk-create-unnest'])(
    'runs the page\u2019s %s variant past it, with the round trips its formula claims',
    async (id) => {
      const { outcome, log } = await run(await loadVariant('import-new-customers', id));
      expect(outcome).toEqual({
        ok: true,
        value: { created: PAST_THE_LIMIT, distinctPrimaryKeys: PAST_THE_LIMIT, expected: PAST_THE_LIMIT },
      });
      const claim = example.definition.variants.find((v) => v.id === id)!.queries;
      expect(log).toHaveLength(parseQueryCountFormula(claim).evaluate(PAST_THE_LIMIT));
    },
    60_000,
  );
});
