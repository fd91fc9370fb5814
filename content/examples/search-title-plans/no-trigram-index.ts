import type { SearchContext } from '../../datasets/search/search-database.ts';

// The search as Django sends it for
//   Document.objects.filter(tenant_id=1, title__icontains=word).order_by("-updated_at", "-id")[:20]
// namely UPPER("title"::text) LIKE UPPER('%word%'). The first statement drops the trigram
// index (the run is rolled back afterwards, so it comes back): no B-tree index can serve a
// pattern that starts with %, so PostgreSQL reads every row and tests each title. Read the
// "Rows Removed by Filter" line: every document that was read and thrown away.
export default async function explainSearch({ db, sql, n }: SearchContext) {
  await sql`DROP INDEX documents_title_trgm_idx`.execute(db);

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
