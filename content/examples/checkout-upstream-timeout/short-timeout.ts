import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// The same handler, with a connect timeout and a read timeout on the quote:
// requests.get(url, timeout=(3.05, 2)).
export default async function handle({ http, clock, request }: ShopContext) {
  const { index, route } = request!;
  const productId = 1 + (index % 200);
  // The view's own work (its queries, templates, serialization): 20 ms, modeled.
  await clock.sleep(20);
  if (route === 'catalog') return { productId };

  // After 2 s without an answer the call throws HttpTimeoutError (requests.ReadTimeout) and the
  // checkout fails at once: the worker is free for the next request.
  const quote = await http.get(`https://shipping.example/quotes?product=${productId}`, {
    connectTimeoutMs: 3050,
    timeoutMs: 2000,
  });
  if (!quote.ok) throw new Error(`The shipping service answered ${quote.status}`);
  return { productId, shipping: quote.body };
}
