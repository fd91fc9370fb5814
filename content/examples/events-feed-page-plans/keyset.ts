import type { EventsContext } from '../../datasets/events/events-database.ts';

const PAGE_SIZE = 100;
const EVENTS = 100_000;

// The same page found by its cursor, with the filter Django's Q() version sends: the index
// condition is `created_at <= cursor`, which starts the scan at the cursor's timestamp, and
// the OR is checked on each row the scan returns.
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
    query = query
      .where('created_at', '<=', createdAt)
      .where((eb) =>
        eb.or([
          eb('created_at', '<', createdAt),
          eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
        ]),
      );
  }
  const plan = await query.explain('text', sql`analyze, costs off, timing off, buffers off`);
  return plan.map((line) => line['QUERY PLAN'] as string);
}
