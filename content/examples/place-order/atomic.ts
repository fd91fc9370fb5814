import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// def place_order(customer, cart):
//     with transaction.atomic():
//         order = Order.objects.create(customer=customer, status="paid", total_cents=total(cart))
//         OrderLine.objects.bulk_create([OrderLine(order=order, **item) for item in cart])
//         for item in cart:
//             Product.objects.filter(pk=item["product_id"]).update(stock=F("stock") - item["quantity"])
// The same statements between BEGIN and COMMIT (bulk_create's own atomic() joins the outer
// one). When the last UPDATE fails, the exception leaves the block, Django sends ROLLBACK, and
// none of the writes stays.
export default async function placeOrder(context: ShopContext) {
  const { db, n } = context;
  const cart = cartWithLastItemOutOfStock(n);
  let failure = '';
  try {
    await db.transaction().execute(async (trx) => {
      const order = await trx
        .insertInto('orders')
        .values({ customer_id: CUSTOMER_ID, status: 'paid', total_cents: total(cart), created_at: PLACED_AT })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('order_lines')
        .values(cart.map((item) => ({ order_id: order.id, ...item })))
        .returning('id')
        .execute();
      for (const item of cart) {
        await trx
          .updateTable('products')
          .set((eb) => ({ stock: eb('stock', '-', item.quantity) }))
          .where('id', '=', item.product_id)
          .execute();
      }
    });
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
