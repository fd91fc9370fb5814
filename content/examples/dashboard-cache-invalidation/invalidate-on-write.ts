import type { HelpdeskContext } from '../../datasets/helpdesk/helpdesk-database.ts';

// The same cache, and the write path deletes the key it makes stale: like
//   cache.get_or_set(key, count_open_tickets, timeout=60) on reads and
//   transaction.on_commit(lambda: cache.delete(key)) after closing a ticket.
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
  const openCountKey = (tenant: number) => `tenant:${tenant}:open-count`;

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
    await cache.delete(openCountKey(tenantId)); // a round trip too; the next read counts again
  };

  const seen: { first_request: number; last_request: number; open_tickets: number }[] = [];
  for (let request = 1; request <= n; request++) {
    await clock.sleep(Math.max(0, (request - 1) * 1000 - clock.now())); // one request a second
    if (request === n / 2 + 1) await closeTicket(1);
    const open = await getOrSet(openCountKey(tenantId), countOpenTickets, 60);
    const last = seen.at(-1);
    if (last?.open_tickets === open) last.last_request = request;
    else seen.push({ first_request: request, last_request: request, open_tickets: open });
  }
  return seen;
}
