import type { HelpdeskContext } from '../../datasets/helpdesk/helpdesk-database.ts';

// The same requests with a cross-request cache: like
//   cache.get_or_set(f"tenant:{tenant_id}:open-count", count_open_tickets, timeout=60)
// but the close-ticket write path never touches the cache.
export default async function dashboard({ db, cache, clock, n }: HelpdeskContext) {
  const tenantId = 1;

  // Django's get_or_set() is a get; on a miss it computes the value, add()s it and gets it again:
  // three round trips to the cache. (add() is SET ... NX in Redis; the simulated cache has set.)
  const getOrSet = async (key: string, load: () => Promise<number>, timeoutSeconds: number) => {
    const cached = await cache.get<number>(key);
    if (cached !== undefined) return cached;
    const value = await load();
    await cache.set(key, value, { ttlMs: timeoutSeconds * 1000 });
    return (await cache.get<number>(key)) ?? value;
  };

  const countOpenTickets = async () => {
    const row = await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('open'))
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    return Number(row.open);
  };
  const closeTicket = async (ticketId: number) => {
    await db
      .updateTable('tickets')
      .set({ status: 'closed', closed_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', ticketId)
      .execute();
    // Missing: the cached count is now wrong, and stays in the cache until it expires.
  };

  const seen: { first_request: number; last_request: number; open_tickets: number }[] = [];
  for (let request = 1; request <= n; request++) {
    await clock.sleep(Math.max(0, (request - 1) * 1000 - clock.now())); // one request a second
    if (request === n / 2 + 1) await closeTicket(1);
    const open = await getOrSet(`tenant:${tenantId}:open-count`, countOpenTickets, 60);
    const last = seen.at(-1);
    if (last?.open_tickets === open) last.last_request = request;
    else seen.push({ first_request: request, last_request: request, open_tickets: open });
  }
  return seen;
}
