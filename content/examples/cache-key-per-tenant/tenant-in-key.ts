import type { HelpdeskContext } from '../../datasets/helpdesk/helpdesk-database.ts';

// Like cache.get_or_set(f"tenant:{tenant_id}:open-tickets:page1", load_page, timeout=60):
// the key names everything the query depends on, the tenant included.
export default async function openTicketPages({ db, cache, n }: HelpdeskContext) {
  type Row = { id: number; tenant_id: number; title: string };
  // Django's get_or_set() is a get; on a miss it loads the value, add()s it and gets it again:
  // three round trips to the cache. (add() is SET ... NX in Redis; the simulated cache has set.)
  const getOrSet = async (key: string, load: () => Promise<Row[]>) => {
    const cached = await cache.get<Row[]>(key);
    if (cached !== undefined) return cached;
    const value = await load();
    await cache.set(key, value, { ttlMs: 60_000 });
    return (await cache.get<Row[]>(key)) ?? value;
  };

  const firstPageOfOpenTickets = (tenantId: number) =>
    db
      .selectFrom('tickets')
      .select(['id', 'tenant_id', 'title'])
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'open')
      .orderBy('id')
      .limit(5)
      .execute();

  const responses = [];
  for (let tenantId = 1; tenantId <= n; tenantId++) {
    // One request from an agent of tenantId.
    const tickets = await getOrSet(`tenant:${tenantId}:open-tickets:page1`, () =>
      firstPageOfOpenTickets(tenantId),
    );
    responses.push({ request_from_tenant: tenantId, tickets });
  }
  return responses;
}
