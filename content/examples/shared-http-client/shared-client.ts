import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// The project's client for the tax service, built once when the process starts (a module-level
// requests.Session or httpx.Client): its timeouts apply to every call, and its connection stays
// open between calls, so only the first call pays for the handshakes.
export default async function taxRates({ http, n }: ShopContext) {
  const tax = http.client({ connectTimeoutMs: 3050, timeoutMs: 2000 });

  const rates = [];
  for (let request = 1; request <= n; request++) {
    const region = `region-${1 + (request % 12)}`;
    const answer = await tax.get(`https://tax.example/rates/${region}`);
    rates.push({ request, rate: answer.body });
  }
  return rates;
}
