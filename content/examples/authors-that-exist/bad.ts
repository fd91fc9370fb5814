import type { LibraryContext } from '../../datasets/library/library-database.ts';

// Like `for name in names: if Author.objects.filter(name=name).exists(): ...`:
// each incoming key is checked with its own query.
export default async function splitNames({ db, n }: LibraryContext) {
  // An import file's author names: some are in the database, some are new.
  const names = Array.from(
    { length: n },
    (_, i) => `Author ${String(1 + ((i * 61) % 600)).padStart(3, '0')}`,
  );

  const existing: string[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const found = await db
      .selectFrom('authors')
      .select('id')
      .where('name', '=', name)
      .limit(1)
      .executeTakeFirst();
    (found ? existing : missing).push(name);
  }
  return { existing: existing.sort(), missing: missing.sort() };
}
