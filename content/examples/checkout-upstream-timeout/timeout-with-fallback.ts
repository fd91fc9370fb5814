import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// The same timeouts, and a decision about what the checkout does without a quote: it shows the
// flat rate as an estimate and lets the customer go on, instead of failing the page.
export default async function handle({ http, clock, request }: ShopContext) {
  const { index, route } = request!;
  const productId = 1 + (index % 200);
  // The view's own work (its queries, templates, serialization): 20 ms, modeled.
  await clock.sleep(20);
  if (route === 'catalog') return { productId };

  const flatRate = { productId, shipping: { cents: 495, estimated: true } };
  try {
    const quote = await http.get(`https://shipping.example/quotes?product=${productId}`, {
      connectTimeoutMs: 3050,
      timeoutMs: 2000,
    });
    return quote.ok ? { productId, shipping: quote.body } : flatRate;
  } catch (error) {
    // requests.Timeout and requests.ConnectionError in Python: the quote is late or unreachable.
    if (error instanceof Error && ['HttpTimeoutError', 'HttpConnectionError'].includes(error.name)) {
      return flatRate;
    }
    throw error;
  }
}
