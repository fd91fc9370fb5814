import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// for order in Order.objects.filter(pk__in=order_ids):
//     order.status = "shipped"
//     order.save()
// One SELECT for the orders, then one UPDATE per order. A plain save() writes every column of
// the row, not only the one that changed, and sends no transaction around it.
export default async function shipOrders({ db, n }: ShopContext) {
  const orders = await db
    .selectFrom('orders')
    .selectAll()
    .where('id', 'in', paidOrderIds(n))
    .orderBy('id')
    .execute();
  for (const order of orders) {
    order.status = 'shipped';
    await db
      .updateTable('orders')
      .set({
        customer_id: order.customer_id,
        status: order.status,
        total_cents: order.total_cents,
        created_at: order.created_at,
      })
      .where('id', '=', order.id)
      .execute();
  }
  return { shipped: orders.length };
}

// The shipment: the first n paid orders (in this shop, the orders whose id leaves 0 or 1
// when divided by 4).
function paidOrderIds(count: number) {
  const ids: number[] = [];
  for (let id = 1; ids.length < count; id++) if (id % 4 === 0 || id % 4 === 1) ids.push(id);
  return ids;
}
