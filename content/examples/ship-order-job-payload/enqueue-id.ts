import type { OrdersContext } from '../../datasets/orders/orders-database.ts';

// Like ship_order.apply_async(args=[tenant.id, order.id], countdown=60): the payload is two
// numbers, and the job loads the order when it runs, scoped to its tenant. It sees the
// address as it is then, and it can check that the order still needs shipping.
export default async function shipOrders({ db, http, jobs, sql, n }: OrdersContext) {
  jobs.define('ship-order', async ({ tenantId, orderId }: { tenantId: number; orderId: number }, job) => {
    const order = await job.db
      .selectFrom('orders')
      .select(['id', 'status', 'shipping_address'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', orderId)
      .executeTakeFirst();
    if (!order || order.status !== 'paid') return; // deleted, cancelled or already shipped
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
    await jobs.enqueue('ship-order', { tenantId: order.tenant_id, orderId: order.id }, { delayMs: 60_000 });
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
