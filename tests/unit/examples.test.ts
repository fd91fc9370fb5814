import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalResult } from '../../src/analysis/canonical-result.ts';
import { judgeRoundTrips } from '../../src/analysis/judge-run.ts';
import { datasetFingerprint } from '../../src/engine/dataset-fingerprint.ts';
import { runVariant } from '../../src/engine/run-variant.ts';
import { BACKENDS, type OpenBackend, type TestDatabase } from '../support/backends.ts';
import { readExamples, seededPGlite } from '../support/node-engine.ts';

// Every example on every page, on every backend: each variant makes exactly the round trips its
// definition claims (SQL and simulated services), returns what the baseline returns (or differs
// where it says so), and starts from identical data.
const examples = readExamples();
const datasets = [...new Set(examples.map((e) => e.definition.dataset))];

it('finds the examples', () => {
  expect(examples.length).toBeGreaterThanOrEqual(2);
});

for (const backend of BACKENDS) {
  if (backend.unavailable && !process.env.CI)
    console.warn(`Skipping the examples on ${backend.name}: ${backend.unavailable}`);
  describe.skipIf(backend.unavailable !== undefined && !process.env.CI)(
    backend.unavailable ? `${backend.name} (skipped here: ${backend.unavailable})` : backend.name,
    () => {
      let database: TestDatabase;
      let sessions: OpenBackend['sessions'];
      let close: () => Promise<void> = async () => {};
      const pristine = new Map<string, string>();

      beforeAll(async () => {
        ({ database, sessions, close } = await backend.open(datasets));
        for (const dataset of datasets) pristine.set(dataset, await datasetFingerprint(database, dataset));
      }, 180_000);
      afterAll(() => close());

      for (const { id, definition } of examples) {
        describe(id, () => {
          it.each(backend.sizes(definition))(
            'n = %i: round trips, results and starting data match the claims',
            async (n) => {
              const [baseline, ...others] = definition.variants;
              const results = new Map<string, string>();
              for (const variant of definition.variants) {
                expect(
                  await datasetFingerprint(database, definition.dataset),
                  `data before ${variant.id}`,
                ).toBe(pristine.get(definition.dataset));
                const run = await runVariant(database, {
                  dataset: definition.dataset,
                  n,
                  variant: await backend.loadVariant(id, variant.id),
                  autocommit: definition.autocommit,
                  services: definition.services,
                  load: definition.load,
                  sessions: (count) => sessions(definition.dataset, count),
                });
                if (!run.outcome.ok)
                  throw new Error(`${id}/${variant.id} failed: ${run.outcome.error.message}`);
                for (const judgement of judgeRoundTrips(variant, n, run.counts)) {
                  expect(
                    judgement.actual,
                    `${variant.id}: ${judgement.kind} round trips, claimed ${judgement.claim}`,
                  ).toBe(judgement.expected);
                }
                results.set(variant.id, canonicalResult(run.outcome.value));
              }
              const expected = results.get(baseline!.id)!;
              expect(JSON.parse(expected), 'the baseline returns something to compare').not.toEqual([]);
              for (const variant of others) {
                if (variant.result === 'same') expect(results.get(variant.id), variant.id).toBe(expected);
                if (variant.result === 'different')
                  expect(results.get(variant.id), variant.id).not.toBe(expected);
              }
              expect(await datasetFingerprint(database, definition.dataset)).toBe(
                pristine.get(definition.dataset),
              );
            },
          );
        });
      }

      it.runIf(backend.name === 'PostgreSQL server')(
        'seeds every dataset to the same data as PGlite',
        async () => {
          const pglite = await seededPGlite(...datasets);
          for (const name of datasets) {
            expect(await datasetFingerprint(database, name), name).toBe(
              await datasetFingerprint(pglite, name),
            );
          }
          await pglite.close();
        },
      );

      it('explains the 65,535 bind-parameter limit in plain words', async () => {
        const run = await runVariant(database, {
          dataset: 'library',
          n: 1,
          variant: async ({ db }) =>
            db
              .selectFrom('books')
              .select('id')
              .where(
                'id',
                'in',
                Array.from({ length: 65_536 }, (_, i) => i),
              )
              .execute(),
        });
        expect(run.outcome.ok).toBe(false);
        if (!run.outcome.ok) expect(run.outcome.error.explanation).toMatch(/has 65,536 bind parameters/);
      });
    },
  );
}

it.runIf(Boolean(process.env.CI))('CI has every backend: a missing PostgreSQL server fails there', () => {
  expect(
    BACKENDS.filter((backend) => backend.unavailable).map(
      (backend) => `${backend.name}: ${backend.unavailable}`,
    ),
  ).toEqual([]);
});
