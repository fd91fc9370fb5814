import type { SearchContext } from '../../datasets/search/search-database.ts';

// Like elasticsearch.helpers.bulk(es, actions), which sends the actions in chunks of 500 by
// default: one _bulk request per chunk, each line naming the tenant's index. The default
// refresh policy (none) lets the cluster make the documents searchable on its own schedule
// (about a second); ask for refresh="wait_for" only when the caller must read its own writes.
const CHUNK_SIZE = 500;

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

  for (let start = 0; start < documents.length; start += CHUNK_SIZE) {
    const chunk = documents.slice(start, start + CHUNK_SIZE);
    const answer = await search.post('https://search.example/_bulk', {
      items: chunk.map((doc) => ({
        index: `${doc.slug}-documents`,
        id: doc.id,
        document: { title: doc.title, status: doc.status },
      })),
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
