import type { OrdersContext } from '../../datasets/orders/orders-database.ts';

// Like ship_order.apply_async(args=[model_to_dict(order)], countdown=60), or passing the
// instance itself with Celery's pickle serializer: the broker stores what the order looked
// like when it was enqueued, and that is what the job works with a minute later.
export default async function shipOrders({ db, http, jobs, sql, n }: OrdersContext) {
  jobs.define('ship-order', async (order: { id: number; shipping_address: string }, job) => {
    await job.http.post('https://carrier.example/shipments', {
      orderId: order.id,
      address: order.shipping_address,
    });
  });

  const orders = await db
    .selectFrom('orders')
    .selectAll()
    .where('tenant_id', '=', 1)
    .where('status', '=', 'paid')
    .orderBy('id')
    .limit(n)
    .execute();
  for (const order of orders) {
    await jobs.enqueue('ship-order', order, { delayMs: 60_000 });
  }

  // Another request, before the jobs run: the customers of every fifth order fix their address.
  await db
    .updateTable('orders')
    .set({ shipping_address: sql`shipping_address || ', flat 2'` })
    .where(
      'id',
      'in',
      orders.filter((_, i) => i % 5 === 0).map((order) => order.id),
    )
    .execute();

  await jobs.drain();
  // What the carrier was told, per order.
  return http.received('carrier').map((shipment) => shipment.body);
}
