import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// products = Product.objects.filter(pk__in=new_prices).order_by("id")
// for product in products:
//     product.price_cents = new_prices[product.id]
//     product.save(update_fields=["price_cents"])
// One SELECT, then one UPDATE per product: the price list's length decides the round trips.
export default async function applyPriceList({ db, n }: ShopContext) {
  const newPrices = priceList(n);
  const products = await db
    .selectFrom('products')
    .selectAll()
    .where('id', 'in', [...newPrices.keys()])
    .orderBy('id')
    .execute();
  for (const product of products) {
    product.price_cents = newPrices.get(product.id)!;
    await db
      .updateTable('products')
      .set({ price_cents: product.price_cents })
      .where('id', '=', product.id)
      .execute();
  }
  return products.map(({ id, price_cents }) => ({ id, price_cents }));
}

// The supplier's list: product id → new price, for products 1 to n. The prices come from
// outside the database, so no SQL expression could compute them from the rows.
function priceList(count: number) {
  return new Map(Array.from({ length: count }, (_, i) => [i + 1, 500 + (((i + 1) * 7919) % 9000)] as const));
}
