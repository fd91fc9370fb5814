import type { SearchContext } from '../../datasets/search/search-database.ts';

// The same query with the dataset's trigram index in place:
//   CREATE INDEX documents_title_trgm_idx ON documents USING gin (upper(title) gin_trgm_ops)
// (in Django: GinIndex(OpClass(Upper("title"), name="gin_trgm_ops"), name=...)). The index
// finds the titles that contain every three-letter piece of the word; PostgreSQL then reads
// only those rows and checks them ("Recheck Cond").
export default async function explainSearch({ db, sql, n }: SearchContext) {
  const plan = await db
    .selectFrom('documents')
    .select(['id', 'title'])
    .where('tenant_id', '=', 1)
    .where(sql`upper(title::text)`, 'like', sql<string>`upper(${`%${wordMatching(n)}%`})`)
    .orderBy('updated_at', 'desc')
    .orderBy('id', 'desc')
    .limit(20)
    .explain('text', sql`analyze, costs off, timing off, buffers off, summary off`);
  return plan.map((line) => line['QUERY PLAN'] as string);
}

// The seed puts these words in exactly 10, 100 and 1,000 titles of tenant 1.
function wordMatching(n: number) {
  return n >= 1000 ? 'saffron' : n >= 100 ? 'cobalt' : 'quartz';
}
