import type { LibraryContext } from '../../datasets/library/library-database.ts';

// Like `set(Author.objects.filter(name__in=names).values_list("name", flat=True))`:
// one query returns the names that exist; the missing ones are a set difference in memory.
export default async function splitNames({ db, n }: LibraryContext) {
  // An import file's author names: some are in the database, some are new.
  const names = Array.from(
    { length: n },
    (_, i) => `Author ${String(1 + ((i * 61) % 600)).padStart(3, '0')}`,
  );

  const rows = await db.selectFrom('authors').select('name').where('name', 'in', names).execute();
  const found = new Set(rows.map((row) => row.name));

  const existing = names.filter((name) => found.has(name));
  const missing = names.filter((name) => !found.has(name));
  return { existing: existing.sort(), missing: missing.sort() };
}
