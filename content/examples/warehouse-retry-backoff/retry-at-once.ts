import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// A hand-written retry loop, as it often looks:
//   for attempt in range(10):
//       try:
//           response = session.post(url, json=order, timeout=(3.05, 2))
//       except requests.RequestException:
//           continue
//       if response.ok:
//           break
// It retries every failure at once: during the outage each order sends ten calls in half a
// second and then gives up; a 429 is retried at once too, and so would a 400 be.
export default async function sendOrders({ http, clock, n }: ShopContext) {
  const warehouse = http.client({ connectTimeoutMs: 3050, timeoutMs: 2000 });

  async function send(orderId: number): Promise<boolean> {
    for (let attempt = 1; attempt <= 10; attempt++) {
      try {
        const answer = await warehouse.post('https://warehouse.example/orders', { orderId });
        if (answer.ok) return true;
      } catch {
        // a timeout or a refused connection: try again at once
      }
    }
    return false;
  }

  const sent = await Promise.all(
    Array.from({ length: n }, async (_, index) => {
      await clock.sleep(index * 100); // order index + 1 is placed now
      return send(index + 1);
    }),
  );
  return { sent: sent.filter(Boolean).length, lost: sent.flatMap((ok, index) => (ok ? [] : [index + 1])) };
}
