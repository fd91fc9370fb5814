import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// Every request asks the service, with a 500 ms read timeout, and falls back to a page without
// recommendations. During the outage each of those requests waits the full 500 ms first.
export default async function productPages({ http, clock, n }: ShopContext) {
  const recommendations = http.client({ connectTimeoutMs: 1050, timeoutMs: 500 });

  async function productPage(productId: number) {
    const started = clock.now();
    let shown = false;
    try {
      const answer = await recommendations.get(`https://recommendations.example/for/${productId}`);
      shown = answer.ok;
    } catch {
      // a timeout or a refused connection: show the page without recommendations
    }
    return { shown, waitedMs: clock.now() - started };
  }

  const pages = await Promise.all(
    Array.from({ length: n }, async (_, index) => {
      await clock.sleep(index * 100); // request index + 1 arrives now
      return productPage(1 + (index % 200));
    }),
  );
  return {
    with_recommendations: pages.filter((page) => page.shown).length,
    without: pages.filter((page) => !page.shown).length,
    worker_ms_spent_waiting: Math.round(pages.reduce((sum, page) => sum + page.waitedMs, 0)),
  };
}
