import type { OrdersContext } from '../../datasets/orders/orders-database.ts';

// Like looping over Order.objects.filter(tenant=acme)[:n] and calling crm.create_order(order)
// for each row: one HTTP round trip per order, and each waits for the CRM's answer before
// the loop moves on. Both variants use the project's shared client (keep-alive), so the only
// difference is the number of calls.
export default async function sendOrdersToCrm({ db, http, n }: OrdersContext) {
  const crm = http.client({ timeoutMs: 5_000 });
  const orders = await db
    .selectFrom('orders')
    .select(['id', 'customer_email', 'total_cents'])
    .where('tenant_id', '=', 1)
    .orderBy('id')
    .limit(n)
    .execute();

  const synced = [];
  for (const order of orders) {
    const answer = await crm.post('https://crm.example/orders', {
      orderId: order.id,
      email: order.customer_email,
      totalCents: order.total_cents,
    });
    if (!answer.ok) throw new Error(`The CRM answered ${answer.status}`);
    synced.push({ orderId: order.id, crmId: (answer.body as { id: number }).id });
  }
  return synced;
}
