import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFingerprint } from '../../src/engine/dataset-fingerprint.ts';
import type { VariantFunction } from '../../src/engine/example-context.ts';
import { runVariant } from '../../src/engine/run-variant.ts';
import type { LibraryDatabase } from '../../content/datasets/library/library-database.ts';
import { seededPGlite } from '../support/node-engine.ts';

let pglite: PGlite;
let pristine: string;
beforeAll(async () => {
  pglite = await seededPGlite('library');
  pristine = await datasetFingerprint(pglite, 'library');
}, 120_000);
afterAll(() => pglite?.close());

const run = (variant: VariantFunction<LibraryDatabase>, n = 10) =>
  runVariant(pglite, { dataset: 'library', n, variant: variant as VariantFunction });

describe('runVariant', () => {
  it('records every statement with its SQL, parameters, rows and bytes', async () => {
    const { log, outcome } = await run(async ({ db }) =>
      db.selectFrom('authors').select(['id', 'name']).where('id', '<=', 3).orderBy('id').execute(),
    );
    expect(outcome).toEqual({
      ok: true,
      value: [
        { id: 1, name: 'Author 001' },
        { id: 2, name: 'Author 002' },
        { id: 3, name: 'Author 003' },
      ],
    });
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ kind: 'query', params: [3], rows: 3, bytes: 3 * (1 + 10) });
    expect(log[0]!.sql).toMatch(/^select "id", "name" from "authors"/);
    expect(log[0]!.durationMs).toBeGreaterThan(0);
  });

  it('records db.transaction() as BEGIN and COMMIT round trips', async () => {
    const { log, outcome } = await run(async ({ db }) =>
      db.transaction().execute(async (trx) => {
        await trx.updateTable('authors').set({ country: 'XX' }).where('id', '=', 1).execute();
        return trx.selectFrom('authors').select('country').where('id', '=', 1).executeTakeFirstOrThrow();
      }),
    );
    expect(outcome).toEqual({ ok: true, value: { country: 'XX' } });
    expect(log.map((q) => [q.kind, q.kind === 'transaction' ? q.sql : q.sql.split(' ')[0]])).toEqual([
      ['transaction', 'BEGIN'],
      ['query', 'update'],
      ['query', 'select'],
      ['transaction', 'COMMIT'],
    ]);
    expect(log[1]!.affectedRows).toBe(1);
  });

  it('records a failed transaction as BEGIN … ROLLBACK and returns the error as data', async () => {
    const { log, outcome } = await run(async ({ db }) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('reviews').execute();
        throw new Error('payment declined');
      }),
    );
    expect(outcome).toMatchObject({ ok: false, error: { name: 'Error', message: 'payment declined' } });
    expect(log.map((q) => q.sql.split(' ')[0])).toEqual(['BEGIN', 'delete', 'ROLLBACK']);
  });

  it('keeps the data identical whatever a variant writes, deletes or drops', async () => {
    await run(async ({ db, sql }) => {
      await db.deleteFrom('book_tags').execute();
      await db.updateTable('books').set({ title: 'gone' }).execute();
      await sql`DROP INDEX books_author_id_idx`.execute(db);
      await sql`DROP TABLE reviews`.execute(db);
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('tags').values({ id: 999, name: 'new' }).execute();
      });
    });
    expect(await datasetFingerprint(pglite, 'library')).toBe(pristine);
  });

  it('rejects raw transaction control, which would escape the sandbox, and stays usable', async () => {
    const { outcome, log } = await run(async ({ db, sql }) => {
      await sql`COMMIT`.execute(db);
    });
    expect(outcome).toMatchObject({ ok: false, error: { name: 'TransactionControlError' } });
    expect(log).toEqual([]);
    expect((await run(async ({ db }) => db.selectFrom('tags').select('id').execute())).outcome.ok).toBe(true);
  });

  it('returns a database error with its SQLSTATE, and the next run works', async () => {
    const failed = await run(async ({ db, sql }) => sql`SELECT * FROM no_such_table`.execute(db));
    expect(failed.outcome).toMatchObject({ ok: false, error: { code: '42P01' } });
    expect(failed.log[0]!.error).toMatch(/no_such_table/);
    const next = await run(async ({ db }) => db.selectFrom('tags').select('id').execute());
    expect(next.outcome).toMatchObject({ ok: true });
  });

  it('explains the 65,535 bind-parameter limit in plain words and stays usable', async () => {
    const { outcome } = await run(async ({ db }) =>
      db
        .selectFrom('books')
        .select('id')
        .where(
          'id',
          'in',
          Array.from({ length: 65_536 }, (_, i) => i),
        )
        .execute(),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.message).toMatch(
      /bind message supplies \d+ parameters, but prepared statement .*requires 65536/,
    );
    expect(outcome.error.explanation).toMatch(/at most 65,535/);
    expect(outcome.error.explanation).toMatch(/batches/);
    expect(outcome.error.explanation).toMatch(/has 65,536 bind parameters/);
    expect((await run(async ({ db }) => db.selectFrom('tags').select('id').execute())).outcome.ok).toBe(true);
  });

  it('in autocommit mode a failed statement keeps the earlier writes and the run goes on', async () => {
    const variant: VariantFunction<LibraryDatabase> = async ({ db }) => {
      await db.insertInto('tags').values({ id: 900, name: 'first' }).execute();
      // The same primary key again: a unique violation.
      const failed = await db
        .insertInto('tags')
        .values({ id: 900, name: 'again' })
        .execute()
        .then(
          () => 'inserted',
          (error: { code?: string }) => error.code,
        );
      const left = await db.selectFrom('tags').select('name').where('id', '>=', 900).execute();
      return { failed, left };
    };
    const autocommit = await runVariant(pglite, {
      dataset: 'library',
      n: 1,
      variant: variant as VariantFunction,
      autocommit: true,
    });
    expect(autocommit.outcome).toEqual({ ok: true, value: { failed: '23505', left: [{ name: 'first' }] } });
    // Only the variant's three statements are recorded, not the savepoints around them.
    expect(autocommit.log.map((q) => q.sql.split(' ')[0])).toEqual(['insert', 'insert', 'select']);

    // Without it, the sandbox's one transaction is aborted by the failure (25P02).
    const plain = await run(variant);
    expect(plain.outcome).toMatchObject({ ok: false, error: { code: '25P02' } });
    expect(await datasetFingerprint(pglite, 'library')).toBe(pristine);
  });

  it('in autocommit mode a statement after a finished db.transaction() is autocommitted again', async () => {
    const variant: VariantFunction<LibraryDatabase> = async ({ db }) => {
      await db
        .transaction()
        .execute((trx) => trx.insertInto('tags').values({ id: 901, name: 'in a transaction' }).execute());
      const failed = await db
        .insertInto('tags')
        .values({ id: 901, name: 'again' })
        .execute()
        .then(
          () => 'inserted',
          (error: { code?: string }) => error.code,
        );
      const left = await db.selectFrom('tags').select('name').where('id', '>=', 900).execute();
      return { failed, left };
    };
    const { outcome } = await runVariant(pglite, {
      dataset: 'library',
      n: 1,
      variant: variant as VariantFunction,
      autocommit: true,
    });
    expect(outcome).toEqual({ ok: true, value: { failed: '23505', left: [{ name: 'in a transaction' }] } });
    expect(await datasetFingerprint(pglite, 'library')).toBe(pristine);
  });

  it('returns a JavaScript error thrown by the variant as data', async () => {
    const { outcome } = await run(async () => {
      throw new RangeError('n is too large');
    });
    expect(outcome).toEqual({ ok: false, error: { name: 'RangeError', message: 'n is too large' } });
  });

  it('passes n through to the variant', async () => {
    const { outcome } = await run(async ({ n }) => n * 2, 21);
    expect(outcome).toEqual({ ok: true, value: 42 });
  });
});
