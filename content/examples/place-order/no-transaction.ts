import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// def place_order(customer, cart):
//     order = Order.objects.create(customer=customer, status="paid", total_cents=total(cart))
//     OrderLine.objects.bulk_create([OrderLine(order=order, **item) for item in cart])
//     for item in cart:
//         Product.objects.filter(pk=item["product_id"]).update(stock=F("stock") - item["quantity"])
// In autocommit, every statement is committed as soon as it succeeds. The last product is out
// of stock, so its UPDATE breaks the CHECK (stock >= 0) and raises IntegrityError: by then the
// order, its lines and the other stock changes are already permanent.
export default async function placeOrder(context: ShopContext) {
  const { db, n } = context;
  const cart = cartWithLastItemOutOfStock(n);
  let failure = '';
  try {
    const order = await db
      .insertInto('orders')
      .values({ customer_id: CUSTOMER_ID, status: 'paid', total_cents: total(cart), created_at: PLACED_AT })
      .returning('id')
      .executeTakeFirstOrThrow();
    // bulk_create() wraps its INSERT in a transaction of its own.
    await db.transaction().execute((trx) =>
      trx
        .insertInto('order_lines')
        .values(cart.map((item) => ({ order_id: order.id, ...item })))
        .returning('id')
        .execute(),
    );
    for (const item of cart) {
      await db
        .updateTable('products')
        .set((eb) => ({ stock: eb('stock', '-', item.quantity) }))
        .where('id', '=', item.product_id)
        .execute();
    }
  } catch (error) {
    failure = (error as Error).message;
  }
  return { failure, leftBehind: await leftBehind(context, cart) };
}

const CUSTOMER_ID = 1;
const PLACED_AT = new Date('2025-06-01T12:00:00Z');

// Products 1 to n - 1 are in stock; product 50 has none left.
function cartWithLastItemOutOfStock(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    product_id: i === count - 1 ? 50 : i + 1,
    quantity: 1,
    unit_price_cents: 1000,
  }));
}

function total(cart: { quantity: number; unit_price_cents: number }[]) {
  return cart.reduce((sum, item) => sum + item.quantity * item.unit_price_cents, 0);
}

// What the failed request leaves in the database: the customer's orders placed at PLACED_AT,
// their lines, and the total stock of the cart's products (it drops by one for every UPDATE
// that stayed).
async function leftBehind({ db, sql }: ShopContext, cart: { product_id: number }[]) {
  const { rows } = await sql<{ orders: number; order_lines: number; stock_of_cart_products: number }>`
    select
      (select count(*)::int from orders
        where customer_id = ${CUSTOMER_ID} and created_at = ${PLACED_AT}) as orders,
      (select count(*)::int from order_lines where order_id in
        (select id from orders where customer_id = ${CUSTOMER_ID} and created_at = ${PLACED_AT})) as order_lines,
      (select sum(stock)::int from products
        where id = any(${cart.map((item) => item.product_id)})) as stock_of_cart_products
  `.execute(db);
  return rows[0]!;
}
