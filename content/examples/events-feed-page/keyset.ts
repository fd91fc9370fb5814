import type { EventsContext } from '../../datasets/events/events-database.ts';

const MAX_PAGE_SIZE = 100;
const EVENTS = 100_000;

// Keyset (cursor) pagination: the client sends back the sort key of the last row it was shown,
// and the page starts right after it. The filter is the one the Django function beside this
// sends: created_at <= the cursor, which gives the index on (created_at DESC, id DESC) a
// place to start, AND (an older created_at OR the same created_at and a smaller id).
export default async function feedPage({ db, n: page }: EventsContext) {
  const requested = 500; // the client asked for ?page_size=500
  const pageSize = Math.min(requested, MAX_PAGE_SIZE);
  const cursor = cursorFromClient(page, pageSize);

  let query = db
    .selectFrom('events')
    .select(['id', 'account_id', 'kind', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize);
  if (cursor) {
    query = query
      .where('created_at', '<=', cursor.createdAt)
      .where((eb) =>
        eb.or([
          eb('created_at', '<', cursor.createdAt),
          eb.and([eb('created_at', '=', cursor.createdAt), eb('id', '<', cursor.id)]),
        ]),
      );
  }
  return query.execute();
}

// A real client gets the cursor from the previous response's `next` link. To jump to page n
// here without spending a query, it is worked out from the seed: the feed is newest first and
// event i happened at 2024-01-01 00:00 UTC plus floor(i / 2) × 5 minutes.
function cursorFromClient(page: number, pageSize: number) {
  if (page === 1) return undefined;
  const id = EVENTS - (page - 1) * pageSize + 1; // the last row of page n - 1
  return { createdAt: new Date(Date.UTC(2024, 0, 1) + Math.floor(id / 2) * 5 * 60_000), id };
}
