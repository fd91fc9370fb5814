import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runVariant } from '../../src/engine/run-variant.ts';
import { BACKENDS, type TestDatabase } from '../support/backends.ts';

// The search-indexes page says what the two plans of content/examples/search-title-plans do:
// without the trigram index PostgreSQL reads all 30,000 documents and throws away every one
// that does not match; with it, a Bitmap Index Scan on the trigram index finds exactly the
// matching titles, at every size the page offers. These tests hold the prose to that, on
// PGlite and on a real PostgreSQL server (the edited-code path runs the same modules).
const EXAMPLE = 'search-title-plans';
const DOCUMENTS = 30_000;
const SIZES = [10, 100, 1000];

/** A plan node and how many rows it produced: `actual rows=10` on PostgreSQL 15, `10.00` on 18 (PGlite). */
const node = (name: string, rows: number) => new RegExp(`${name} \\(actual rows=${rows}(?:\\.00)? `);

for (const backend of BACKENDS.filter((b) => b.name !== 'edited-code path on PGlite')) {
  describe.skipIf(backend.unavailable !== undefined && !process.env.CI)(
    backend.unavailable ? `${backend.name} (skipped here: ${backend.unavailable})` : backend.name,
    () => {
      let database: TestDatabase;
      let close: () => Promise<void> = async () => {};

      beforeAll(async () => {
        ({ database, close } = await backend.open(['search']));
      }, 180_000);
      afterAll(() => close());

      async function plan(variant: string, n: number): Promise<string[]> {
        const run = await runVariant(database, {
          dataset: 'search',
          n,
          variant: await backend.loadVariant(EXAMPLE, variant),
        });
        if (!run.outcome.ok) throw new Error(`${variant} failed: ${run.outcome.error.message}`);
        return run.outcome.value as string[];
      }

      it.each(SIZES)('n = %i: without the trigram index, a Seq Scan reads every document', async (n) => {
        const text = (await plan('no-trigram-index', n)).join('\n');
        expect(text).toMatch(node('Seq Scan on documents', n));
        expect(text).toMatch(new RegExp(`Rows Removed by Filter: ${DOCUMENTS - n}$`, 'm'));
        expect(text).not.toMatch(/Index Scan/);
      });

      it.each(SIZES)(
        'n = %i: with it, a Bitmap Index Scan on the trigram index finds exactly the matches',
        async (n) => {
          const text = (await plan('trigram-index', n)).join('\n');
          expect(text).toMatch(node('Bitmap Index Scan on documents_title_trgm_idx', n));
          expect(text).not.toMatch(/Seq Scan|Rows Removed by Filter/);
        },
      );
    },
  );
}
