import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalResult } from '../../src/analysis/canonical-result.ts';
import { parseQueryCountFormula } from '../../src/analysis/query-count-formula.ts';
import { datasetFingerprint } from '../../src/engine/dataset-fingerprint.ts';
import { runVariant } from '../../src/engine/run-variant.ts';
import { loadVariant, readExamples, seededPGlite } from '../support/node-engine.ts';

// Every example on every page: each variant at two or more sizes makes exactly the number of
// queries its definition claims, returns what the baseline returns (or differs where it says
// so), and starts from identical data.
const examples = readExamples();
const datasets = [...new Set(examples.map((e) => e.definition.dataset))];

let pglite: PGlite;
const pristine = new Map<string, string>();

beforeAll(async () => {
  pglite = await seededPGlite(...datasets);
  for (const dataset of datasets) pristine.set(dataset, await datasetFingerprint(pglite, dataset));
}, 120_000);
afterAll(() => pglite?.close());

it('finds the examples', () => {
  expect(examples.length).toBeGreaterThanOrEqual(2);
});

for (const { id, definition } of examples) {
  // The smallest and the default size, and the largest when it differs: counts must follow n.
  const sizes = [
    ...new Set([Math.min(...definition.n.choices), definition.n.default, Math.max(...definition.n.choices)]),
  ];

  describe(id, () => {
    it.each(sizes)('n = %i: counts, results and starting data match the claims', async (n) => {
      const [baseline, ...others] = definition.variants;
      const results = new Map<string, string>();
      for (const variant of definition.variants) {
        expect(await datasetFingerprint(pglite, definition.dataset), `data before ${variant.id}`).toBe(
          pristine.get(definition.dataset),
        );
        const run = await runVariant(pglite, {
          dataset: definition.dataset,
          n,
          variant: await loadVariant(id, variant.id),
          autocommit: definition.autocommit,
        });
        if (!run.outcome.ok) throw new Error(`${id}/${variant.id} failed: ${run.outcome.error.message}`);
        const claimed = parseQueryCountFormula(variant.queries).evaluate(n);
        expect(run.log.length, `${variant.id} claims ${variant.queries} queries`).toBe(claimed);
        results.set(variant.id, canonicalResult(run.outcome.value));
      }
      const expected = results.get(baseline!.id)!;
      expect(JSON.parse(expected), 'the baseline returns something to compare').not.toEqual([]);
      for (const variant of others) {
        if (variant.result === 'same') expect(results.get(variant.id), variant.id).toBe(expected);
        if (variant.result === 'different') expect(results.get(variant.id), variant.id).not.toBe(expected);
      }
      expect(await datasetFingerprint(pglite, definition.dataset)).toBe(pristine.get(definition.dataset));
    });
  });
}
