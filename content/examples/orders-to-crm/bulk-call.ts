import type { OrdersContext } from '../../datasets/orders/orders-database.ts';

// The CRM's bulk endpoint takes up to 500 orders per request and answers with their ids in
// the same order. One round trip per 500 orders instead of one per order; the request takes
// a little longer per order it carries, which is far less than a round trip.
const BATCH_SIZE = 500;

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
  for (let start = 0; start < orders.length; start += BATCH_SIZE) {
    const batch = orders.slice(start, start + BATCH_SIZE);
    const answer = await crm.post('https://crm.example/orders/bulk', {
      items: batch.map((order) => ({
        orderId: order.id,
        email: order.customer_email,
        totalCents: order.total_cents,
      })),
    });
    if (!answer.ok) throw new Error(`The CRM answered ${answer.status}`);
    const { ids } = answer.body as { ids: number[] };
    for (const [i, order] of batch.entries()) synced.push({ orderId: order.id, crmId: ids[i]! });
  }
  return synced;
}
