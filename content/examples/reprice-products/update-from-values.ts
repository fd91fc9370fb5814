import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// with connection.cursor() as cursor:
//     cursor.execute(
//         "UPDATE products AS p SET price_cents = v.price_cents"
//         " FROM (VALUES (%s, %s), (%s, %s), …) AS v (id, price_cents)"
//         " WHERE p.id = v.id RETURNING p.id, p.price_cents",
//         params,
//     )
// One statement joins the products to the price list and updates them; nothing is loaded first.
export default async function applyPriceList({ db, n, sql }: ShopContext) {
  const newPrices = [...priceList(n)];
  const result = await sql<{ id: number; price_cents: number }>`
    update products as p
    set price_cents = v.price_cents
    from (values ${sql.join(newPrices.map(([id, price]) => sql`(${id}::integer, ${price}::integer)`))})
      as v (id, price_cents)
    where p.id = v.id
    returning p.id, p.price_cents
  `.execute(db);
  return result.rows.sort((a, b) => a.id - b.id);
}

function priceList(count: number) {
  return new Map(Array.from({ length: count }, (_, i) => [i + 1, 500 + (((i + 1) * 7919) % 9000)] as const));
}
