import type { KyselyPlugin } from 'kysely';
import type { LibraryContext } from '../../datasets/library/library-database.ts';

type Db = LibraryContext['db'];

// The endpoint under test: the book list, reading each book's author with a query of its own.
async function bookList(db: Db, limit: number) {
  const books = await db
    .selectFrom('books')
    .select(['id', 'title', 'author_id'])
    .orderBy('id')
    .limit(limit)
    .execute();
  const rows = [];
  for (const book of books) {
    const author = await db
      .selectFrom('authors')
      .select('name')
      .where('id', '=', book.author_id)
      .executeTakeFirstOrThrow();
    rows.push({ title: book.title, author: author.name });
  }
  return rows;
}

// The test: call the endpoint with 5 books, then with n books, count the queries of each call,
// and require the same count.
export default async function queryCountTest({ db, n }: LibraryContext) {
  const few = await countQueries(db, (counted) => bookList(counted, 5));
  const many = await countQueries(db, (counted) => bookList(counted, n));
  return {
    calls: [
      { books: 5, queries: few },
      { books: n, queries: many },
    ],
    verdict: many === few ? 'passes: the count did not grow' : `fails: ${few} queries became ${many}`,
  };
}

// Counts the statements one call sends. A test of your own counts with Kysely's log option
// (new Kysely({ dialect, log })); the playground hands over a ready-made db, so a plugin that
// sees every result does the counting here.
async function countQueries(db: Db, call: (db: Db) => Promise<unknown>) {
  let queries = 0;
  const counter: KyselyPlugin = {
    transformQuery: ({ node }) => node,
    transformResult: async ({ result }) => {
      queries += 1;
      return result;
    },
  };
  await call(db.withPlugin(counter));
  return queries;
}
