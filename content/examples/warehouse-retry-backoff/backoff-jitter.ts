import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// Each order is sent with up to 6 attempts. Retried: connection errors, timeouts, 429 and 5xx;
// never another 4xx, which would fail the same way again. The wait doubles with each retry and is
// drawn at random below that bound ("full jitter"), so clients that failed together do not come
// back together; a 429's Retry-After is honoured. The Idempotency-Key makes a repeat harmless.
export default async function sendOrders({ http, clock, random, n }: ShopContext) {
  const warehouse = http.client({ connectTimeoutMs: 3050, timeoutMs: 2000 });
  const maxAttempts = 6;
  const backoffMs = (retry: number) => random() * Math.min(8000, 250 * 2 ** retry);
  const isNetworkError = (error: unknown) =>
    error instanceof Error && ['HttpTimeoutError', 'HttpConnectionError'].includes(error.name);

  async function send(orderId: number): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      let waitMs: number;
      try {
        const answer = await warehouse.post(
          'https://warehouse.example/orders',
          { orderId },
          { headers: { 'Idempotency-Key': `order-${orderId}` } },
        );
        if (answer.ok) return true;
        const retryable = answer.status === 429 || answer.status >= 500;
        if (!retryable || attempt === maxAttempts) return false;
        const retryAfter = answer.headers['Retry-After'];
        waitMs = retryAfter ? Number(retryAfter) * 1000 + random() * 250 : backoffMs(attempt - 1);
      } catch (error) {
        if (!isNetworkError(error) || attempt === maxAttempts) return false;
        waitMs = backoffMs(attempt - 1);
      }
      await clock.sleep(waitMs);
    }
  }

  const sent = await Promise.all(
    Array.from({ length: n }, async (_, index) => {
      await clock.sleep(index * 100); // order index + 1 is placed now
      return send(index + 1);
    }),
  );
  return { sent: sent.filter(Boolean).length, lost: sent.flatMap((ok, index) => (ok ? [] : [index + 1])) };
}
