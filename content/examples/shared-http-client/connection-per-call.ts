import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// Each request calls requests.get(url, timeout=(3.05, 2)): a new connection every time, so every
// call pays for the TCP and TLS handshakes before it can send anything.
export default async function taxRates({ http, n }: ShopContext) {
  const rates = [];
  for (let request = 1; request <= n; request++) {
    const region = `region-${1 + (request % 12)}`;
    const answer = await http.get(`https://tax.example/rates/${region}`, {
      connectTimeoutMs: 3050,
      timeoutMs: 2000,
    });
    rates.push({ request, rate: answer.body });
  }
  return rates;
}
