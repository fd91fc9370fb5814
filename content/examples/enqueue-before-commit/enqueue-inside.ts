import type { OrdersContext } from '../../datasets/orders/orders-database.ts';

// Like send_confirmation.delay(order.id) inside `with transaction.atomic():`. The message
// reaches the broker at once, whatever happens to the transaction afterwards: when a later
// step fails and the transaction rolls back, the job still runs, for an order that does not
// exist. When the transaction does commit, a worker on another connection can start before
// the COMMIT and not find the order either (see the job lines of the log).
class SoldOut extends Error {}

export default async function checkOut({ db, jobs, clock, sql, n }: OrdersContext) {
  const outcome = { emailsSent: 0, jobsThatFoundNoOrder: 0, checkoutsRolledBack: 0 };
  jobs.define(
    'send-confirmation',
    async ({ tenantId, orderId }: { tenantId: number; orderId: number }, job) => {
      const order = await job.db
        .selectFrom('orders')
        .select(['id', 'customer_email'])
        .where('tenant_id', '=', tenantId)
        .where('id', '=', orderId)
        .executeTakeFirst();
      if (!order) {
        outcome.jobsThatFoundNoOrder += 1;
        throw new Error(`Order ${orderId} does not exist`);
      }
      await job.http.post('https://mail.example/messages', { to: order.customer_email, orderId });
      outcome.emailsSent += 1;
    },
  );

  for (let productId = 1; productId <= n; productId++) {
    await db
      .transaction()
      .execute(async (trx) => {
        const order = await trx
          .insertInto('orders')
          .values({
            tenant_id: 1,
            product_id: productId,
            quantity: 2,
            total_cents: 2000,
            customer_email: `buyer${productId}@example.com`,
            shipping_address: '1 Main Street, Springfield',
            status: 'paid',
            created_at: new Date(Date.UTC(2024, 5, 1)),
          })
          .returning(['id', 'tenant_id'])
          .executeTakeFirstOrThrow();
        await jobs.enqueue('send-confirmation', { tenantId: order.tenant_id, orderId: order.id });

        // A later step: reserve the stock. Sold out: the whole transaction rolls back.
        const reserved = await trx
          .updateTable('products')
          .set({ stock: sql`stock - 2` })
          .where('id', '=', productId)
          .where('stock', '>=', 2)
          .returning('stock')
          .executeTakeFirst();
        if (!reserved) throw new SoldOut(`Product ${productId} is sold out`);
      })
      .catch((error: unknown) => {
        if (!(error instanceof SoldOut)) throw error;
        outcome.checkoutsRolledBack += 1;
      });
    await clock.sleep(1_000); // the next checkout comes a second later
  }

  await jobs.drain();
  return outcome;
}
