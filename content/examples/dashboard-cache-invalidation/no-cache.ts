import type { HelpdeskContext } from '../../datasets/helpdesk/helpdesk-database.ts';

// n requests for the dashboard's open-ticket count, one a second; before request n/2 + 1 an
// agent closes a ticket. Every request counts in the database, so every answer is current.
export default async function dashboard({ db, clock, n }: HelpdeskContext) {
  const tenantId = 1;

  const countOpenTickets = async () => {
    const row = await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('open'))
      .where('tenant_id', '=', tenantId)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    return Number(row.open);
  };
  const closeTicket = (ticketId: number) =>
    db
      .updateTable('tickets')
      .set({ status: 'closed', closed_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', ticketId)
      .execute();

  // What the readers saw: runs of consecutive requests that got the same count.
  const seen: { first_request: number; last_request: number; open_tickets: number }[] = [];
  for (let request = 1; request <= n; request++) {
    await clock.sleep(Math.max(0, (request - 1) * 1000 - clock.now())); // one request a second
    if (request === n / 2 + 1) await closeTicket(1);
    const open = await countOpenTickets();
    const last = seen.at(-1);
    if (last?.open_tickets === open) last.last_request = request;
    else seen.push({ first_request: request, last_request: request, open_tickets: open });
  }
  return seen;
}
