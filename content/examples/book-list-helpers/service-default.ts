import type { SelectQueryBuilder } from 'kysely';
import type { LibraryContext, LibraryDatabase } from '../../datasets/library/library-database.ts';

type BooksQuery<Row> = SelectQueryBuilder<LibraryDatabase, 'books', Row>;
type Relation = 'author' | 'tags';

// Small helpers, each adding one piece to any query over books.
const bookColumns = <Row>(qb: BooksQuery<Row>) => qb.select(['books.id', 'books.title']);
const withAuthor = <Row>(qb: BooksQuery<Row>) =>
  qb.innerJoin('authors', 'authors.id', 'books.author_id').select('authors.name as author');

// The service: callers name the relations they will read, and the default is the list
// shape. Like a service with select_related=("author",) and prefetch_related=() defaults.
async function listBooks(
  db: LibraryContext['db'],
  { limit, include = ['author'] }: { limit: number; include?: readonly Relation[] },
) {
  const books = await db
    .selectFrom('books')
    .$call(bookColumns)
    .$if(include.includes('author'), withAuthor) // a to-one hint: a join, no extra query
    .orderBy('books.id')
    .limit(limit)
    .execute();
  if (!include.includes('tags') || books.length === 0) return books;

  // A to-many hint: one more query for the whole page, like prefetch_related("tags").
  const links = await db
    .selectFrom('book_tags')
    .innerJoin('tags', 'tags.id', 'book_tags.tag_id')
    .select(['book_tags.book_id', 'tags.name'])
    .where(
      'book_tags.book_id',
      'in',
      books.map((book) => book.id),
    )
    .orderBy('tags.name')
    .execute();
  const tagsByBook = new Map<number, string[]>();
  for (const link of links) {
    const names = tagsByBook.get(link.book_id) ?? [];
    names.push(link.name);
    tagsByBook.set(link.book_id, names);
  }
  return books.map((book) => ({ ...book, tags: tagsByBook.get(book.id) ?? [] }));
}

// The endpoint needs the list shape, so it takes the default and cannot forget the join.
export default async function booksEndpoint({ db, n }: LibraryContext) {
  const books = await listBooks(db, { limit: n });
  return books.map(({ id, title, author }) => ({ id, title, author }));
}
