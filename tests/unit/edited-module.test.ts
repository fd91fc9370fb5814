import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { variantToJavaScript } from '../../src/client/transpile-variant.ts';
import {
  ImportRefusedError,
  loadEditedModule,
  requiredSpecifiers,
  resolveImport,
} from '../../src/engine/edited-module.ts';
import { runVariant } from '../../src/engine/run-variant.ts';
import { editedModuleDependencies } from '../support/edited-module-node.ts';
import { seededPGlite } from '../support/node-engine.ts';

const load = async (typescript: string) =>
  loadEditedModule(await variantToJavaScript(typescript), editedModuleDependencies);

let pglite: PGlite;
beforeAll(async () => {
  pglite = await seededPGlite('library');
}, 120_000);
afterAll(() => pglite?.close());

describe('imports in edited code', () => {
  it("runs `import { sql } from 'kysely'` with the engine's own Kysely, as Kysely's docs write it", async () => {
    const variant = await load(`import { sql } from 'kysely';
import type { LibraryContext } from '../../datasets/library/library-database.ts';
export default async function ({ db, n }: LibraryContext) {
  return db.selectFrom('books').select(sql<number>\`count(*)::int\`.as('books')).where('id', '<=', n).execute();
}`);
    const { outcome, log } = await runVariant(pglite, { dataset: 'library', n: 7, variant });
    expect(outcome).toEqual({ ok: true, value: [{ books: 7 }] });
    expect(log.map((entry) => ('sql' in entry ? entry.sql : ''))).toEqual([
      'select count(*)::int as "books" from "books" where "id" <= $1',
    ]);
  });

  it('resolves a value import of the dataset module (it holds only types) and a namespace import of kysely', async () => {
    const variant = await load(`import * as kysely from 'kysely';
import { LibraryContext } from '../../datasets/library/library-database';
export default async function ({ db }: LibraryContext) {
  return typeof kysely.Kysely;
}`);
    const { outcome } = await runVariant(pglite, { dataset: 'library', n: 1, variant });
    expect(outcome).toEqual({ ok: true, value: 'function' });
  });

  it('refuses any other import before the code runs, naming what can be imported', async () => {
    const error = await load(`import _ from 'lodash';\nexport default async () => _.noop();`).catch((e) => e);
    expect(error).toBeInstanceOf(ImportRefusedError);
    expect(error.message).toBe(
      'Cannot import "lodash": playground code can import only "kysely" and the dataset types ' +
        '("../../datasets/<name>/<name>-database.ts"). Everything else the code needs comes in the ' +
        "function's argument: db, sql, n and, where the example has them, the simulated services.",
    );
    await expect(
      load(`import x from 'https://example.org/x.js';\nexport default async () => x;`),
    ).rejects.toThrow(/Cannot import "https:\/\/example.org\/x.js"/);
    await expect(
      load(`import x from '../../datasets/nope/nope-database.ts';\nexport default async () => x;`),
    ).rejects.toThrow(ImportRefusedError);
  });

  it('refuses a dynamic import when it runs, with the same message', async () => {
    const variant = await load(
      `export default async () => { const where = 'https://example.org/' + 'x.js'; return import(where); }`,
    );
    const { outcome } = await runVariant(pglite, { dataset: 'library', n: 1, variant });
    expect(outcome).toMatchObject({ ok: false, error: { name: 'ImportRefusedError' } });
    expect(JSON.stringify(outcome)).toContain('Cannot import \\"https://example.org/x.js\\"');
  });

  it('keeps line numbers: the code starts on the wrapper line', async () => {
    const javascript = await variantToJavaScript(
      `// one\n// two\nexport default async () => { throw new Error('three'); };`,
    );
    expect(javascript.split('\n')[2]).toContain("throw new Error('three')");
  });
});

describe('resolving specifiers', () => {
  it.each([
    ['kysely', 'kysely'],
    ['../../datasets/library/library-database.ts', 'dataset'],
    ['../../datasets/shop/shop-database', 'dataset'],
    ['content/datasets/events/events-database.ts', 'dataset'],
    ['../../datasets/library/shop-database.ts', undefined],
    ['../../datasets/unknown/unknown-database.ts', undefined],
    ['kysely/helpers/postgres', undefined],
    ['node:fs', undefined],
    ['', undefined],
  ])('%s → %s', (specifier, expected) => {
    expect(resolveImport(specifier, ['library', 'shop', 'events'])).toBe(expected);
  });

  it('finds the literal requires sucrase writes', async () => {
    const javascript = await variantToJavaScript(
      `import { sql } from 'kysely';\nimport type { X } from 'types';\nimport y from "other";\nexport default async () => [sql, y];`,
    );
    expect(requiredSpecifiers(javascript)).toEqual(['kysely', 'other']);
  });
});
