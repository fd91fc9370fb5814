import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalResult } from '../../src/analysis/canonical-result.ts';
import { parseQueryCountFormula } from '../../src/analysis/query-count-formula.ts';
import { datasetFingerprint } from '../../src/engine/dataset-fingerprint.ts';
import { seedDataset } from '../../src/engine/dataset-loader.ts';
import { runVariant } from '../../src/engine/run-variant.ts';
import { loadVariant, readDatasetSql, readExamples, seededPGlite } from '../support/node-engine.ts';
import { pgAsPGlite, postgresBinDir, startPostgres, type RunningPostgres } from '../support/real-postgres.ts';

// The playground runs PostgreSQL compiled to WebAssembly. These tests run the same examples,
// through the same runner, recorder and Kysely dialect, on a real PostgreSQL server, so the
// counts and results the pages show are what a real server does.
const binDir = postgresBinDir();
const examples = readExamples();
const datasets = [...new Set(examples.map((e) => e.definition.dataset))];

// Without server binaries the whole block is skipped, and says so: in the title Vitest lists as
// skipped, and on the console. In CI the test at the end fails instead.
const noServer =
  'no PostgreSQL server binaries found (install PostgreSQL 15+ or set PG_BIN_DIR): ' +
  'the examples are not checked on a real server';
if (!binDir) console.warn(`real-postgres.test.ts: ${noServer}`);

describe.skipIf(!binDir)(`on a real PostgreSQL server${binDir ? '' : ` (skipped: ${noServer})`}`, () => {
  let server: RunningPostgres;
  let database: ReturnType<typeof pgAsPGlite>;

  beforeAll(async () => {
    server = await startPostgres(binDir!);
    database = pgAsPGlite(server.client);
    for (const name of datasets) await seedDataset(database, name, readDatasetSql(name));
  }, 180_000);
  afterAll(() => server?.stop());

  it('seeds every dataset to the same data as PGlite', async () => {
    const pglite = await seededPGlite(...datasets);
    for (const name of datasets) {
      expect(await datasetFingerprint(database, name), name).toBe(await datasetFingerprint(pglite, name));
    }
    await pglite.close();
  }, 180_000);

  for (const { id, definition } of examples) {
    it(`${id}: the same query counts, and results that compare the same way, at the default n`, async () => {
      const n = definition.n.default;
      const results = new Map<string, string>();
      for (const variant of definition.variants) {
        const run = await runVariant(database, {
          dataset: definition.dataset,
          n,
          variant: await loadVariant(id, variant.id),
          autocommit: definition.autocommit,
        });
        if (!run.outcome.ok) throw new Error(`${variant.id}: ${run.outcome.error.message}`);
        expect(run.log.length, `${variant.id} claims ${variant.queries}`).toBe(
          parseQueryCountFormula(variant.queries).evaluate(n),
        );
        results.set(variant.id, canonicalResult(run.outcome.value));
      }
      const baseline = results.get(definition.variants[0]!.id);
      for (const variant of definition.variants.slice(1)) {
        if (variant.result === 'same') expect(results.get(variant.id), variant.id).toBe(baseline);
        if (variant.result === 'different') expect(results.get(variant.id), variant.id).not.toBe(baseline);
      }
    }, 60_000);
  }

  it('fails a statement with more than 65,535 bind parameters, as PGlite does, with the same explanation', async () => {
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
});

// CI machines have PostgreSQL 15 installed (.ci/run installs it); a missing server must not pass
// silently there.
it.runIf(process.env.CI)('finds a PostgreSQL server in CI', () => {
  expect(binDir, 'set PG_BIN_DIR or install PostgreSQL').toBeDefined();
});
