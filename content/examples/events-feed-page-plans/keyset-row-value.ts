import type { EventsContext } from '../../datasets/events/events-database.ts';

const PAGE_SIZE = 100;
const EVENTS = 100_000;

// The same page with a row comparison, (created_at, id) < (cursor), as the RawSQL version
// sends it: PostgreSQL turns the whole comparison into the index condition, so the scan
// starts right after the cursor row and needs no filter.
export default async function explainPage({ db, sql, n: page }: EventsContext) {
  let query = db
    .selectFrom('events')
    .select(['id', 'account_id', 'kind', 'created_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(PAGE_SIZE);
  if (page > 1) {
    // The last row of page n - 1, as the client would send it (see the first example).
    const id = EVENTS - (page - 1) * PAGE_SIZE + 1;
    const createdAt = new Date(Date.UTC(2024, 0, 1) + Math.floor(id / 2) * 5 * 60_000);
    query = query.where(({ eb, refTuple, tuple }) =>
      eb(refTuple('created_at', 'id'), '<', tuple(createdAt, id)),
    );
  }
  const plan = await query.explain('text', sql`analyze, costs off, timing off, buffers off`);
  return plan.map((line) => line['QUERY PLAN'] as string);
}
