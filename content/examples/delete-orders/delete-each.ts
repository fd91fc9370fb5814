import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// for order in Order.objects.filter(pk__in=order_ids):
//     order.delete()
// OrderLine.order is a ForeignKey(Order, on_delete=models.CASCADE). Each delete() runs Django's
// collector for one order: it can delete the order's lines without loading them, but it opens
// a transaction for the two statements, so every order costs four round trips.
export default async function deleteOrders({ db, n }: ShopContext) {
  const orders = await db.selectFrom('orders').selectAll().where('id', 'in', orderIds(n)).execute();
  const deleted = { 'shop.Order': 0, 'shop.OrderLine': 0 };
  for (const order of orders) {
    await db.transaction().execute(async (trx) => {
      const lines = await trx
        .deleteFrom('order_lines')
        .where('order_id', 'in', [order.id])
        .executeTakeFirst();
      const orderRows = await trx.deleteFrom('orders').where('id', 'in', [order.id]).executeTakeFirst();
      deleted['shop.OrderLine'] += Number(lines.numDeletedRows);
      deleted['shop.Order'] += Number(orderRows.numDeletedRows);
    });
  }
  return deleted;
}

// The orders to delete: 1 to n.
function orderIds(count: number) {
  return Array.from({ length: count }, (_, i) => i + 1);
}
