import type { PGlite } from '@electric-sql/pglite';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSqlEntry } from '../../src/analysis/log-entry.ts';
import type { LibraryDatabase } from '../../content/datasets/library/library-database.ts';
import { datasetFingerprint } from '../../src/engine/dataset-fingerprint.ts';
import type { VariantFunction } from '../../src/engine/example-context.ts';
import { runVariant } from '../../src/engine/run-variant.ts';
import { seededPGlite } from '../support/node-engine.ts';

// Every run happens inside one transaction that runVariant rolls back. Raw transaction control
// would end or nest that transaction behind its back, so RecordingPGlite refuses it before it
// reaches PostgreSQL; savepoints and Kysely's own transactions go through.

let pglite: PGlite;
let pristine: string;
beforeAll(async () => {
  pglite = await seededPGlite('library');
  pristine = await datasetFingerprint(pglite, 'library');
}, 120_000);
afterAll(() => pglite?.close());

const run = (variant: VariantFunction<LibraryDatabase>) =>
  runVariant(pglite, { dataset: 'library', n: 1, variant: variant as VariantFunction });

const INSERT_TAG = 'insert into "tags" ("id", "name") values ($1, $2)';

describe('raw transaction control', () => {
  it.each([
    ['BEGIN', 'BEGIN'],
    ['begin isolation level serializable', 'BEGIN'],
    ['START TRANSACTION', 'START TRANSACTION'],
    ['start\n  transaction read only', 'START\n  TRANSACTION'],
    ['COMMIT', 'COMMIT'],
    ['commit and chain', 'COMMIT'],
    ['END', 'END'],
    ['ABORT', 'ABORT'],
    ['ROLLBACK', 'ROLLBACK'],
    ['  rollback;', 'ROLLBACK'],
    ['-- x\nCOMMIT', 'COMMIT'],
    ['/* x */ BEGIN', 'BEGIN'],
    ['/* a */ -- b\n/* multi\nline */ END', 'END'],
    ["PREPARE TRANSACTION 'x'", 'PREPARE TRANSACTION'],
  ])('refuses %j before it reaches PostgreSQL, and the data stays as seeded', async (statement, shown) => {
    const { outcome, log } = await run(async ({ db, sql }) => {
      await db.insertInto('tags').values({ id: 999, name: 'written before' }).execute();
      await sql.raw(statement).execute(db);
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: { name: 'TransactionControlError', message: expect.stringContaining(`Raw "${shown}"`) },
    });
    // The insert ran; the refused statement was never sent, so it is not in the log either.
    expect(log.filter(isSqlEntry).map((q) => q.sql)).toEqual([INSERT_TAG]);
    expect(await datasetFingerprint(pglite, 'library')).toBe(pristine);
  });
});

describe('transaction control that stays inside the sandbox', () => {
  it('allows SAVEPOINT, ROLLBACK TO SAVEPOINT, ROLLBACK TO and RELEASE as raw SQL', async () => {
    const { outcome, log } = await run(async ({ db, sql }) => {
      await sql`SAVEPOINT x`.execute(db);
      await db.insertInto('tags').values({ id: 999, name: 'undone' }).execute();
      await sql`ROLLBACK TO SAVEPOINT x`.execute(db);
      await db.insertInto('tags').values({ id: 998, name: 'undone too' }).execute();
      await sql`rollback to x`.execute(db);
      await sql`RELEASE SAVEPOINT x`.execute(db);
      return db.selectFrom('tags').select('id').where('id', '>=', 998).execute();
    });
    expect(outcome).toEqual({ ok: true, value: [] });
    expect(log.filter(isSqlEntry).map((q) => q.sql)).toEqual([
      'SAVEPOINT x',
      INSERT_TAG,
      'ROLLBACK TO SAVEPOINT x',
      INSERT_TAG,
      'rollback to x',
      'RELEASE SAVEPOINT x',
      'select "id" from "tags" where "id" >= $1',
    ]);
    expect(await datasetFingerprint(pglite, 'library')).toBe(pristine);
  });

  it('refuses trx.transaction() inside db.transaction(): Kysely does not nest, and the outer one rolls back', async () => {
    const { outcome, log } = await run(async ({ db }) =>
      db.transaction().execute(async (trx) => {
        await trx.insertInto('tags').values({ id: 999, name: 'outer' }).execute();
        // Kysely's types forbid this (a Transaction's transaction() returns never); an edited
        // variant is not type-checked, so call it as the Kysely it extends.
        const asKysely: Kysely<LibraryDatabase> = trx;
        return asKysely.transaction().execute(async () => 'inner ran');
      }),
    );
    expect(outcome).toMatchObject({
      ok: false,
      error: { message: 'calling the transaction method for a Transaction is not supported' },
    });
    expect(log.filter(isSqlEntry).map((q) => q.sql)).toEqual(['BEGIN', INSERT_TAG, 'ROLLBACK']);
    expect(await datasetFingerprint(pglite, 'library')).toBe(pristine);
  });

  // PGlite is one connection, and Kysely's PGlite dialect holds it (a mutex) for the whole of
  // db.transaction(): a db.transaction() started inside another one does not nest, it waits for the
  // outer one to finish. Awaited inside the outer callback it would wait forever (in the browser,
  // until the run's time limit stops it).
  it('queues db.transaction() started inside db.transaction() until the outer one has committed', async () => {
    const { outcome, log } = await run(async ({ db }) => {
      let innerBegun = false;
      let inner: Promise<void> | undefined;
      const beganInside = await db.transaction().execute(async (outer) => {
        await outer.insertInto('tags').values({ id: 999, name: 'outer' }).execute();
        inner = db.transaction().execute(async (trx) => {
          innerBegun = true;
          await trx.insertInto('tags').values({ id: 998, name: 'inner' }).execute();
        });
        // A full round trip later, the inner transaction still has not begun.
        await outer.selectFrom('tags').select('id').where('id', '=', 999).execute();
        return innerBegun;
      });
      await inner;
      return { beganInside, innerBegun };
    });
    expect(outcome).toEqual({ ok: true, value: { beganInside: false, innerBegun: true } });
    expect(log.filter(isSqlEntry).map((q) => q.sql)).toEqual([
      'BEGIN',
      INSERT_TAG,
      'select "id" from "tags" where "id" = $1',
      'COMMIT',
      'BEGIN',
      INSERT_TAG,
      'COMMIT',
    ]);
    expect(await datasetFingerprint(pglite, 'library')).toBe(pristine);
  });

  it("records a controlled transaction's rollback as BEGIN … ROLLBACK, and undoes its writes", async () => {
    const { outcome, log } = await run(async ({ db }) => {
      const trx = await db.startTransaction().execute();
      await trx.insertInto('tags').values({ id: 999, name: 'rolled back' }).execute();
      await trx.rollback().execute();
      return db.selectFrom('tags').select('id').where('id', '=', 999).execute();
    });
    expect(outcome).toEqual({ ok: true, value: [] });
    expect(log.filter(isSqlEntry).map((q) => [q.kind, q.sql])).toEqual([
      ['transaction', 'BEGIN'],
      ['query', INSERT_TAG],
      ['transaction', 'ROLLBACK'],
      ['query', 'select "id" from "tags" where "id" = $1'],
    ]);
    expect(await datasetFingerprint(pglite, 'library')).toBe(pristine);
  });

  it("allows a controlled transaction's savepoints and commit", async () => {
    const { outcome, log } = await run(async ({ db }) => {
      const trx = await db.startTransaction().execute();
      await trx.insertInto('tags').values({ id: 999, name: 'kept' }).execute();
      const afterKept = await trx.savepoint('sp').execute();
      await afterKept.insertInto('tags').values({ id: 998, name: 'undone' }).execute();
      const back = await afterKept.rollbackToSavepoint('sp').execute();
      await back.releaseSavepoint('sp').execute();
      await back.commit().execute();
      return db.selectFrom('tags').select('name').where('id', '>=', 998).execute();
    });
    expect(outcome).toEqual({ ok: true, value: [{ name: 'kept' }] });
    expect(log.filter(isSqlEntry).map((q) => q.sql)).toEqual([
      'BEGIN',
      INSERT_TAG,
      'savepoint "sp"',
      INSERT_TAG,
      'rollback to "sp"',
      'release "sp"',
      'COMMIT',
      'select "name" from "tags" where "id" >= $1',
    ]);
    expect(await datasetFingerprint(pglite, 'library')).toBe(pristine);
  });
});
