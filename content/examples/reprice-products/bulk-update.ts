import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// products = list(Product.objects.filter(pk__in=new_prices).order_by("id"))
// for product in products:
//     product.price_cents = new_prices[product.id]
// Product.objects.bulk_update(products, ["price_cents"])
// bulk_update() sends one UPDATE per batch (on PostgreSQL one batch unless batch_size is set),
// inside a transaction:
//   UPDATE products SET price_cents = CAST(CASE WHEN id = 1 THEN 8419 WHEN id = 2 THEN … ELSE NULL END AS integer)
//   WHERE id IN (1, 2, …)
export default async function applyPriceList({ db, n }: ShopContext) {
  const newPrices = priceList(n);
  const products = await db
    .selectFrom('products')
    .selectAll()
    .where('id', 'in', [...newPrices.keys()])
    .orderBy('id')
    .execute();
  for (const product of products) product.price_cents = newPrices.get(product.id)!;

  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('products')
      .set((eb) => {
        let priceCase = eb.case().when('id', '=', products[0]!.id).then(products[0]!.price_cents);
        for (const product of products.slice(1)) {
          priceCase = priceCase.when('id', '=', product.id).then(product.price_cents);
        }
        return { price_cents: eb.cast(priceCase.else(null).end(), 'integer') };
      })
      .where(
        'id',
        'in',
        products.map((product) => product.id),
      )
      .execute();
  });
  return products.map(({ id, price_cents }) => ({ id, price_cents }));
}

function priceList(count: number) {
  return new Map(Array.from({ length: count }, (_, i) => [i + 1, 500 + (((i + 1) * 7919) % 9000)] as const));
}
