import type { SearchContext } from '../../datasets/search/search-database.ts';

// Like calling es.index(index=f"{tenant.slug}-documents", id=doc.id, document=...) in a loop,
// for example from a post_save signal while a migration or an import saves n documents: one
// round trip per document. The index name carries the tenant, so one tenant's documents can
// never be found by another tenant's search.
export default async function indexDocuments({ db, http, n }: SearchContext) {
  const search = http.client({ timeoutMs: 5_000 });
  const documents = await db
    .selectFrom('documents')
    .innerJoin('tenants', 'tenants.id', 'documents.tenant_id')
    .select(['documents.id', 'documents.title', 'documents.status', 'tenants.slug'])
    .where('documents.tenant_id', '=', 1)
    .orderBy('documents.id')
    .limit(n)
    .execute();

  for (const doc of documents) {
    const answer = await search.request(`https://search.example/${doc.slug}-documents/_doc/${doc.id}`, {
      method: 'PUT',
      body: { title: doc.title, status: doc.status },
    });
    if (!answer.ok) throw new Error(`The search engine answered ${answer.status}`);
  }
  return indexedIds(http);
}

// What the search engine received: the ids of the documents it indexed, in order.
function indexedIds(http: SearchContext['http']) {
  return http.received('search').flatMap(({ path, body }) => {
    const items = (body as { items?: { id: number }[] }).items;
    return items ? items.map((item) => item.id) : [Number(path.split('/').at(-1))];
  });
}
