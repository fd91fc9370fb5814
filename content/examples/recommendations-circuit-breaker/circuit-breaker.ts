import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// The same calls behind a circuit breaker, like pybreaker.CircuitBreaker(fail_max=5,
// reset_timeout=2): after 5 failures in a row it opens, and for 2 s every call fails at once
// without leaving the process. Then it lets one trial call through: a success closes it, a
// failure opens it for another 2 s. One breaker per process, shared by all its requests.
export default async function productPages({ http, clock, n }: ShopContext) {
  const recommendations = http.client({ connectTimeoutMs: 1050, timeoutMs: 500 });
  let state: 'closed' | 'open' | 'half-open' = 'closed';
  let failures = 0;
  let openedAt = 0;
  let trialInFlight = false;
  let neverLeft = 0;

  async function throughBreaker(url: string) {
    if (state === 'open' && clock.now() >= openedAt + 2000) state = 'half-open';
    if (state === 'open' || trialInFlight) {
      neverLeft += 1;
      throw new Error('CircuitBreakerError: recommendations are failing, not called');
    }
    const trial = state === 'half-open';
    trialInFlight = trial;
    try {
      const answer = await recommendations.get(url);
      if (!answer.ok) throw new Error(`The recommendations service answered ${answer.status}`);
      if (trial || state === 'closed') [state, failures] = ['closed', 0];
      return answer;
    } catch (error) {
      failures += 1;
      if (trial || (state === 'closed' && failures >= 5)) [state, openedAt] = ['open', clock.now()];
      throw error;
    } finally {
      if (trial) trialInFlight = false;
    }
  }

  async function productPage(productId: number) {
    const started = clock.now();
    let shown = false;
    try {
      shown = (await throughBreaker(`https://recommendations.example/for/${productId}`)).ok;
    } catch {
      // a timeout, a refused connection or an open breaker: show the page without recommendations
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
    calls_that_never_left: neverLeft,
  };
}
