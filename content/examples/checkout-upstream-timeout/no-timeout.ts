import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// The request handler: the load simulation calls it once per request, on a free worker.
export default async function handle({ http, clock, request }: ShopContext) {
  const { index, route } = request!;
  const productId = 1 + (index % 200);
  // The view's own work (its queries, templates, serialization): 20 ms, modeled.
  await clock.sleep(20);
  if (route === 'catalog') return { productId };

  // Like requests.get(url) with no timeout: the worker waits for as long as the service takes.
  // A quote that hangs holds this worker for 30 s, until the service's own proxy answers 504.
  const quote = await http.get(`https://shipping.example/quotes?product=${productId}`);
  if (!quote.ok) throw new Error(`The shipping service answered ${quote.status}`);
  return { productId, shipping: quote.body };
}
