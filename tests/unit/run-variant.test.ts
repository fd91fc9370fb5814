import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFingerprint } from '../../src/engine/dataset-fingerprint.ts';
import type { VariantFunction } from '../../src/engine/example-context.ts';
import { runVariant } from '../../src/engine/run-variant.ts';
import type { LibraryDatabase } from '../../content/datasets/library/library-database.ts';
import { seededPGlite } from '../support/node-engine.ts';
import { isSqlEntry, type LogEntry } from '../../src/analysis/log-entry.ts';
import type { RecordedQuery } from '../../src/engine/recorded-query.ts';

let pglite: PGlite;
let pristine: string;
beforeAll(async () => {
  pglite = await seededPGlite('library');
  pristine = await datasetFingerprint(pglite, 'library');
}, 120_000);
afterAll(() => pglite?.close());

/** The SQL entries of a log (these runs call no simulated service). */
const sqlOf = (log: readonly LogEntry[]): RecordedQuery[] => log.filter(isSqlEntry);

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
    expect(sqlOf(log)[0]).toMatchObject({ kind: 'query', params: [3], rows: 3, bytes: 3 * (1 + 10) });
    expect(sqlOf(log)[0]!.sql).toMatch(/^select "id", "name" from "authors"/);
    expect(sqlOf(log)[0]!.durationMs).toBeGreaterThan(0);
  });

  it('records db.transaction() as BEGIN and COMMIT round trips', async () => {
    const { log, outcome } = await run(async ({ db }) =>
      db.transaction().execute(async (trx) => {
        await trx.updateTable('authors').set({ country: 'XX' }).where('id', '=', 1).execute();
        return trx.selectFrom('authors').select('country').where('id', '=', 1).executeTakeFirstOrThrow();
      }),
    );
    expect(outcome).toEqual({ ok: true, value: { country: 'XX' } });
    expect(sqlOf(log).map((q) => [q.kind, q.kind === 'transaction' ? q.sql : q.sql.split(' ')[0]])).toEqual([
      ['transaction', 'BEGIN'],
      ['query', 'update'],
      ['query', 'select'],
      ['transaction', 'COMMIT'],
    ]);
    expect(sqlOf(log)[1]!.affectedRows).toBe(1);
  });

  it('records a failed transaction as BEGIN … ROLLBACK and returns the error as data', async () => {
    const { log, outcome } = await run(async ({ db }) =>
      db.transaction().execute(async (trx) => {
        await trx.deleteFrom('reviews').execute();
        throw new Error('payment declined');
      }),
    );
    expect(outcome).toMatchObject({ ok: false, error: { name: 'Error', message: 'payment declined' } });
    expect(sqlOf(log).map((q) => q.sql.split(' ')[0])).toEqual(['BEGIN', 'delete', 'ROLLBACK']);
  });

  it('keeps the data identical whatever a variant writes, deletes or drops', async () => {
    const { outcome, log } = await run(async ({ db, sql }) => {
      await db.deleteFrom('book_tags').execute();
      await db.updateTable('books').set({ title: 'gone' }).execute();
      await sql`DROP INDEX books_author_id_idx`.execute(db);
      await sql`DROP TABLE reviews`.execute(db);
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('tags').values({ id: 999, name: 'new' }).execute();
      });
    });
    // The variant really did all of it (a failure would leave the data untouched for free)…
    expect(outcome).toEqual({ ok: true, value: undefined });
    expect(sqlOf(log).map((q) => q.sql)).toEqual([
      'delete from "book_tags"',
      'update "books" set "title" = $1',
      'DROP INDEX books_author_id_idx',
      'DROP TABLE reviews',
      'BEGIN',
      'insert into "tags" ("id", "name") values ($1, $2)',
      'COMMIT',
    ]);
    expect(sqlOf(log)[0]!.affectedRows).toBeGreaterThan(0);
    expect(sqlOf(log)[1]!.affectedRows).toBeGreaterThan(0);
    // …and none of it outlived the run.
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
    expect(sqlOf(failed.log)[0]!.error).toMatch(/no_such_table/);
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
    expect(sqlOf(autocommit.log).map((q) => q.sql.split(' ')[0])).toEqual(['insert', 'insert', 'select']);

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

  it('runs onCommit callbacks after the outermost COMMIT, never after a ROLLBACK, and at once outside a transaction', async () => {
    const { outcome, log } = await run(async ({ db, onCommit }) => {
      const events: string[] = [];
      await onCommit(() => events.push('outside: at once'));
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('tags').values({ id: 901, name: 'x' }).execute();
        await onCommit(() => events.push('after commit'));
        events.push('inside');
      });
      await db
        .transaction()
        .execute(async () => {
          await onCommit(() => events.push('never'));
          throw new Error('declined');
        })
        .catch(() => events.push('rolled back'));
      return events;
    });
    expect(outcome).toEqual({
      ok: true,
      value: ['outside: at once', 'inside', 'after commit', 'rolled back'],
    });
    expect(sqlOf(log).map((q) => q.sql.split(' ')[0])).toEqual([
      'BEGIN',
      'insert',
      'COMMIT',
      'BEGIN',
      'ROLLBACK',
    ]);
  });

  it('a job enqueued on commit of a transaction that rolls back never runs; one enqueued inside it still does', async () => {
    const variant: VariantFunction<LibraryDatabase> = async ({ db, jobs, onCommit, clock }) => {
      const ran: string[] = [];
      jobs.define('notify', async (payload: { via: string }, job) => {
        const tag = await job.db.selectFrom('tags').select('name').where('id', '=', 902).executeTakeFirst();
        ran.push(`${payload.via}: tag ${tag ? 'found' : 'missing'}`);
      });
      await db
        .transaction()
        .execute(async (trx) => {
          await trx.insertInto('tags').values({ id: 902, name: 'new' }).execute();
          await jobs.enqueue('notify', { via: 'inside' });
          await onCommit(() => jobs.enqueue('notify', { via: 'on commit' }));
          // A slow step while the transaction is open: the job falls due meanwhile.
          await clock.sleep(200);
          throw new Error('payment declined');
        })
        .catch(() => {});
      await jobs.drain();
      return ran;
    };
    const { outcome, log } = await run(variant);
    expect(outcome).toEqual({ ok: true, value: ['inside: tag missing'] });
    const jobRun = log.find((entry) => entry.kind === 'job-run');
    expect(jobRun && 'detail' in jobRun ? jobRun.detail : '').toMatch(/would have started at/);
    // The job's own query is logged as the job's.
    expect(sqlOf(log).filter((q) => q.origin === 'job')).toHaveLength(1);
  });

  it('seeds Math.random and random from the services seed, and restores Math.random afterwards', async () => {
    const draw = async ({ random }: { random: () => number }) => [Math.random(), random()];
    const seeded = (seed: number) =>
      runVariant(pglite, {
        dataset: 'library',
        n: 1,
        variant: draw as VariantFunction,
        services: {
          seed,
          upstreams: {},
          cache: { latency: { fixed: 1 } },
          jobs: { enqueueLatency: { fixed: 1 }, pickupMs: 1 },
        },
      });
    const first = await seeded(3);
    const again = await seeded(3);
    const other = await seeded(4);
    expect(first.outcome).toEqual(again.outcome);
    expect(first.outcome).not.toEqual(other.outcome);
    expect(Math.random).toBe(Math.random); // the real one is back
    const outside = [Math.random(), Math.random()];
    expect(outside[0]).not.toBe(outside[1]);
  });

  it('counts simulated calls by kind next to SQL, with simulated time on the virtual clock', async () => {
    const result = await runVariant(pglite, {
      dataset: 'library',
      n: 3,
      variant: (async ({ db, http, cache, clock }) => {
        for (let i = 0; i < 3; i++) await http.get(`https://api.example/books/${i}`);
        await cache.set('k', 1);
        await db.selectFrom('tags').select('id').execute();
        await clock.sleep(1000);
        return clock.now();
      }) as VariantFunction,
      services: {
        seed: 1,
        upstreams: { api: { latency: { fixed: 40 }, connectMs: 0, tlsMs: 0 } },
        cache: { latency: { fixed: 2 } },
        jobs: { enqueueLatency: { fixed: 1 }, pickupMs: 1 },
      },
    });
    expect(result.counts).toEqual({ sql: 1, http: 3, cache: 1, job: 0 });
    expect(result.outcome).toEqual({ ok: true, value: 1122 });
    expect(result.simulatedMs).toBe(1122);
    expect(sqlOf(result.log)[0]!.startedAtMs).toBe(122);
  });

  it('opens real extra sessions: their session state stays where it was made, and is gone after the run', async () => {
    const archive = await pglite.dumpDataDir('none');
    const extra = [
      await PGlite.create({ loadDataDir: archive }),
      await PGlite.create({ loadDataDir: archive }),
    ];
    const variant: VariantFunction<LibraryDatabase> = async ({ sessions, sql }) => {
      const [two, three] = await sessions.open(2);
      await sql`SET application_name = 'checkout'`.execute(two!);
      await sql`CREATE TEMP TABLE cart (id int)`.execute(two!);
      await two!.transaction().execute(async (trx) => {
        await sql`PREPARE by_id (int) AS SELECT name FROM authors WHERE id = $1`.execute(trx);
      });
      const name = (db: typeof two) =>
        sql<{ name: string }>`SELECT current_setting('application_name') AS name`.execute(db!);
      const cart = (db: typeof two) =>
        sql<{ found: boolean }>`SELECT to_regclass('pg_temp.cart') IS NOT NULL AS found`.execute(db!);
      return {
        sameSession: [(await name(two)).rows[0]!.name, (await cart(two)).rows[0]!.found],
        otherSession: [(await name(three)).rows[0]!.name, (await cart(three)).rows[0]!.found],
        // The session shares the data: session 2 reads the seeded authors.
        authors: (await two!.selectFrom('authors').select('id').where('id', '<=', 2).execute()).length,
      };
    };
    const options = {
      dataset: 'library',
      n: 1,
      variant: variant as VariantFunction,
      sessions: async (count: number) => extra.slice(0, count),
    };
    const first = await runVariant(pglite, options);
    expect(first.outcome).toEqual({
      ok: true,
      value: { sameSession: ['checkout', true], otherSession: ['', false], authors: 2 },
    });
    // Logged by session, with a real BEGIN and COMMIT.
    expect(sqlOf(first.log).map((q) => `${q.origin} ${q.sql.split(' ')[0]}`)).toContain('session 2 BEGIN');
    expect(sqlOf(first.log).map((q) => `${q.origin} ${q.sql.split(' ')[0]}`)).toContain('session 2 COMMIT');
    // DISCARD ALL after the run: the next run starts with clean sessions (no leftover temp table,
    // prepared statement or setting), so it behaves exactly the same.
    const second = await runVariant(pglite, options);
    expect(second.outcome).toEqual(first.outcome);
    const { rows } = await extra[0]!.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM pg_prepared_statements',
    );
    expect(rows[0]!.count).toBe(0);
    for (const session of extra) await session.close();
  });

  it('refuses extra sessions where there are none, and a count out of range', async () => {
    const none = await run(async ({ sessions }) => sessions.open(1));
    expect(none.outcome).toMatchObject({ ok: false, error: { message: /not available/ } });
    const tooMany = await runVariant(pglite, {
      dataset: 'library',
      n: 1,
      variant: (async ({ sessions }) => sessions.open(4)) as VariantFunction,
      sessions: async () => [],
    });
    expect(tooMany.outcome).toMatchObject({ ok: false, error: { name: 'RangeError' } });
  });

  it('keeps the NOTICEs PostgreSQL sends with a statement', async () => {
    const { log } = await run(async ({ db, sql }) =>
      sql`DO $$ BEGIN RAISE NOTICE 'checked % rows', 7; END $$`.execute(db),
    );
    expect(sqlOf(log)[0]!.notices).toEqual(['checked 7 rows']);
  });
});
