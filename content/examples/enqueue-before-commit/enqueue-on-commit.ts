import type { OrdersContext } from '../../datasets/orders/orders-database.ts';

// Like transaction.on_commit(partial(send_confirmation.delay, order.id)): the job is sent to
// the broker after the COMMIT, so the order exists when a worker looks for it, and a
// transaction that rolls back sends nothing. Celery 5.4+ spells it
// send_confirmation.delay_on_commit(order.id).
class SoldOut extends Error {}

export default async function checkOut({ db, jobs, clock, sql, onCommit, n }: OrdersContext) {
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
        await onCommit(() =>
          jobs.enqueue('send-confirmation', { tenantId: order.tenant_id, orderId: order.id }),
        );

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
