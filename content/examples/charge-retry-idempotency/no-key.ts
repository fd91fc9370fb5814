import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// The same job and the same retries, without an idempotency key. A request that timed out may
// have been charged already, and the provider cannot tell the retry from a new charge.
export default async function chargeOrders({ db, http, clock, random, n }: ShopContext) {
  const orders = await db
    .selectFrom('products')
    .select(['id', 'price_cents'])
    .where('id', '<=', n)
    .orderBy('id')
    .execute();
  const payments = http.client({ connectTimeoutMs: 3050, timeoutMs: 2000 });
  const isNetworkError = (error: unknown) =>
    error instanceof Error && ['HttpTimeoutError', 'HttpConnectionError'].includes(error.name);
  const isRetryable = (status: number) => status === 429 || status >= 500;

  for (const order of orders) {
    // Up to 3 attempts on a timeout, a refused connection, a 429 or a 5xx, with backoff and jitter.
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        const answer = await payments.post('https://payments.example/charges', {
          order: order.id,
          amount_cents: order.price_cents,
        });
        if (!isRetryable(answer.status)) break; // a success, or a 4xx another attempt would not fix
      } catch (error) {
        if (!isNetworkError(error)) throw error;
      }
      if (attempt < 3) await clock.sleep(random() * 250 * 2 ** attempt);
    }
  }

  // What the provider did: how many charges it made for each order.
  const charges = new Map<number, number>();
  for (const request of http.received('payments')) {
    const { order } = request.body as { order: number };
    charges.set(order, (charges.get(order) ?? 0) + 1);
  }
  return orders.map((order) => ({ order: order.id, charges: charges.get(order.id) ?? 0 }));
}
