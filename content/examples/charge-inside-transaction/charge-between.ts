import type { OrdersContext } from '../../datasets/orders/orders-database.ts';

const PRODUCT_ID = 1;

// The same checkout in three steps, none of which waits for the network with a transaction
// open:
// 1. a short transaction reserves the stock and creates the order as 'pending', and commits;
// 2. the card is charged, with no transaction open (the idempotency key is the order's id,
//    so a retried request cannot charge twice);
// 3. one UPDATE records the payment.
export default async function checkOut({ db, http, clock, sql, n }: OrdersContext) {
  const payments = http.client({ timeoutMs: 10_000 });
  const lockHeldMs: number[] = [];
  let stockLeft = 0;

  for (let checkout = 1; checkout <= n; checkout++) {
    let lockedAt = 0;
    const order = await db.transaction().execute(async (trx) => {
      const product = await trx
        .selectFrom('products')
        .select(['id', 'tenant_id', 'price_cents', 'stock'])
        .where('id', '=', PRODUCT_ID)
        .forUpdate()
        .executeTakeFirstOrThrow();
      lockedAt = clock.now();
      if (product.stock < 1) throw new Error('Sold out');

      await trx
        .updateTable('products')
        .set({ stock: sql`stock - 1` })
        .where('id', '=', PRODUCT_ID)
        .execute();
      stockLeft = product.stock - 1;
      return trx
        .insertInto('orders')
        .values({
          tenant_id: product.tenant_id,
          product_id: product.id,
          quantity: 1,
          total_cents: product.price_cents,
          customer_email: `buyer${checkout}@example.com`,
          shipping_address: '1 Main Street, Springfield',
          status: 'pending',
          created_at: new Date(Date.UTC(2024, 5, 1)),
        })
        .returning(['id', 'total_cents'])
        .executeTakeFirstOrThrow();
    });
    lockHeldMs.push(clock.now() - lockedAt);

    const charge = await payments.post(
      'https://payments.example/charges',
      { amountCents: order.total_cents, orderId: order.id },
      { headers: { 'Idempotency-Key': `order-${order.id}` } },
    );
    // On a failed charge, a real checkout would put the stock back and mark the order
    // cancelled here (a second short transaction); this provider never fails.
    if (!charge.ok) throw new Error(`The payment failed: ${charge.status}`);

    await db
      .updateTable('orders')
      .set({ status: 'paid', payment_id: `ch_${(charge.body as { id: number }).id}` })
      .where('id', '=', order.id)
      .execute();
  }

  return {
    checkouts: n,
    stockLeft,
    productRowLockedMs: {
      total: Math.round(lockHeldMs.reduce((sum, ms) => sum + ms, 0)),
      longest: Math.round(Math.max(...lockHeldMs)),
    },
  };
}
