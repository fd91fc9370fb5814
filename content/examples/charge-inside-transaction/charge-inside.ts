import type { OrdersContext } from '../../datasets/orders/orders-database.ts';

const PRODUCT_ID = 1;

// Like a checkout view written as one `with transaction.atomic():` block: lock the product
// row (select_for_update), charge the card, decrement the stock, create the order. The
// charge is a network call made while the transaction is open, so the row lock, the open
// transaction and its database connection are all held until the provider answers.
export default async function checkOut({ db, http, clock, sql, n }: OrdersContext) {
  const payments = http.client({ timeoutMs: 10_000 });
  const lockHeldMs: number[] = [];
  let stockLeft = 0;

  for (let checkout = 1; checkout <= n; checkout++) {
    let lockedAt = 0;
    await db.transaction().execute(async (trx) => {
      const product = await trx
        .selectFrom('products')
        .select(['id', 'tenant_id', 'price_cents', 'stock'])
        .where('id', '=', PRODUCT_ID)
        .forUpdate()
        .executeTakeFirstOrThrow();
      lockedAt = clock.now();
      if (product.stock < 1) throw new Error('Sold out');

      const charge = await payments.post(
        'https://payments.example/charges',
        { amountCents: product.price_cents, checkout },
        { headers: { 'Idempotency-Key': `checkout-${checkout}` } },
      );
      if (!charge.ok) throw new Error(`The payment failed: ${charge.status}`);

      await trx
        .updateTable('products')
        .set({ stock: sql`stock - 1` })
        .where('id', '=', PRODUCT_ID)
        .execute();
      await trx
        .insertInto('orders')
        .values({
          tenant_id: product.tenant_id,
          product_id: product.id,
          quantity: 1,
          total_cents: product.price_cents,
          customer_email: `buyer${checkout}@example.com`,
          shipping_address: '1 Main Street, Springfield',
          status: 'paid',
          payment_id: `ch_${(charge.body as { id: number }).id}`,
          created_at: new Date(Date.UTC(2024, 5, 1)),
        })
        .execute();
      stockLeft = product.stock - 1;
    });
    // COMMIT released the lock. SQL takes no simulated time, so this is how long the
    // transaction waited for the payment provider with the row locked.
    lockHeldMs.push(clock.now() - lockedAt);
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
