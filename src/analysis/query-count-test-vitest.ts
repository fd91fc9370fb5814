import { commentBlock } from './comment-block.ts';
import { formulaToCode } from './formula-to-code.ts';
import type { TestPlan } from './query-count-test.ts';

// The TypeScript side of "Copy as a test": a Vitest file that counts queries through Kysely's
// own `log` option, and a stub of the seams module it imports. The test needs nothing from the
// reader's project beyond those three seams, so it runs as generated once they are filled in.

/** The module name the test imports its seams from, without an extension (Vite resolves it). */
export const SEAMS_MODULE = './query-count-seams';

/** A Vitest test pinning the plan's count, counting with Kysely's `log` option. */
export function renderVitest(plan: TestPlan): string {
  const q = (count: number) => `${count} ${count === 1 ? 'query' : 'queries'}`;
  const pinned = `it(${str(
    `${plan.exampleId}: ${q(plan.expectedSmall)} at n = ${plan.small} and ${q(plan.expectedLarge)} at n = ${plan.large}, as claimed (${plan.variant.queries})`,
  )}, () => {
  expect(few, few.join('\\n')).toHaveLength(expectedQueries(SMALL));
  expect(many, many.join('\\n')).toHaveLength(expectedQueries(LARGE));
});`;
  const scaling = `it(${str(`${plan.exampleId}: adding rows does not change the count`)}, () => {
  // Needs no number: an N+1 makes the second count larger, whichever relation it hides in.
  expect(many.length, many.join('\\n')).toBe(few.length);
});`;
  return `${commentBlock(
    [
      ...plan.header,
      `It runs as it is once the module it imports (${SEAMS_MODULE}, or your path in the import) exports ` +
        'three things; "Copy as a test" also gives you a stub of it. createDialect(): the Kysely dialect of ' +
        'your test database. addRows(db, count): adds count more rows of what the code reads; its queries ' +
        'are not counted. runTheCode(db, n): calls the code under test with the Kysely instance it is given.',
      "Queries are counted through Kysely's log option. With PostgresDialect that includes the BEGIN and " +
        'COMMIT of db.transaction(), which are round trips too; PGliteDialect runs transactions through ' +
        "PGlite's own API and does not log them.",
    ],
    '// ',
  )}
import { Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { addRows, createDialect, runTheCode, type Database } from '${SEAMS_MODULE}'; // TODO: your path

// n = ${plan.nLabel}: a few, then more.
const SMALL = ${plan.small};
const LARGE = ${plan.large};

/** The claim "${plan.variant.queries}"${plan.constant ? ': the count does not depend on n' : ''}. */
function expectedQueries(${plan.constant ? '_n' : 'n'}: number): number {
  return ${formulaToCode(plan.variant.queries, 'typescript')};
}

/** Runs the code at each size, adding rows in between, and returns the SQL each call sent. */
async function queriesAt(sizes: readonly number[]): Promise<string[][]> {
  let current: string[] | undefined;
  const db = new Kysely<Database>({
    dialect: createDialect(),
    // A statement that fails is a round trip too: Kysely reports it as an 'error' event.
    log(event) {
      current?.push(event.query.sql);
    },
  });
  const sent: string[][] = [];
  try {
    let rows = 0;
    for (const n of sizes) {
      await addRows(db, n - rows); // setup: not counted
      rows = n;
      current = [];
      await runTheCode(db, n);
      sent.push(current);
      current = undefined;
    }
  } finally {
    await db.destroy();
  }
  return sent;
}

let few: string[] = [];
let many: string[] = [];
beforeAll(async () => {
  const [atSmall, atLarge] = await queriesAt([SMALL, LARGE]);
  few = atSmall ?? [];
  many = atLarge ?? [];
});

${plan.constant ? `${pinned}\n\n${scaling}` : pinned}
`;
}

/** A stub of the seams module the Vitest test imports: three functions to fill in. */
export function renderVitestSeams(plan: TestPlan): string {
  return `${commentBlock(
    [
      `The seams of the query-count test generated from "${plan.title}": what it needs from your ` +
        'project. Replace each TODO; the test itself needs no change.',
    ],
    '// ',
  )}
import type { Dialect, Kysely } from 'kysely';

// TODO: your table types, the type parameter of your Kysely instances.
export type Database = any;

// TODO: the dialect of your test database, for example
// new PostgresDialect({ pool: new Pool({ connectionString: process.env.TEST_DATABASE_URL }) }).
export function createDialect(): Dialect {
  throw new Error('TODO: createDialect() in ${SEAMS_MODULE}');
}

// TODO: add \`count\` more rows of what the code reads (n = ${plan.nLabel}).
// The queries sent here are not counted.
export async function addRows(_db: Kysely<Database>, _count: number): Promise<void> {
  throw new Error('TODO: addRows() in ${SEAMS_MODULE}');
}

${commentBlock([`TODO: call the code under test once, with this db. Here: ${plan.title}, as in "${plan.variant.label}".`], '// ')}
export async function runTheCode(_db: Kysely<Database>, _n: number): Promise<unknown> {
  throw new Error('TODO: runTheCode() in ${SEAMS_MODULE}');
}
`;
}

/** A TypeScript string literal. */
function str(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
