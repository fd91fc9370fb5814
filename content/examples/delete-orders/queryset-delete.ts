import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// Order.objects.filter(pk__in=order_ids).delete()
// The cascade to OrderLine keeps Django from deleting the orders with one blind DELETE: its
// collector first loads the orders. Their lines have no cascade or receiver of their own, so
// they go in one DELETE … WHERE order_id IN (…); the orders are deleted by primary key,
// 100 per statement; all of it inside one transaction.
export default async function deleteOrders({ db, n }: ShopContext) {
  const orders = await db.selectFrom('orders').selectAll().where('id', 'in', orderIds(n)).execute();
  // The collector sorts by primary key and deletes in reverse order.
  const ids = orders.map((order) => order.id).sort((a, b) => b - a);
  return db.transaction().execute(async (trx) => {
    const lines = await trx.deleteFrom('order_lines').where('order_id', 'in', ids).executeTakeFirst();
    let orderRows = 0;
    for (let start = 0; start < ids.length; start += 100) {
      const result = await trx
        .deleteFrom('orders')
        .where('id', 'in', ids.slice(start, start + 100))
        .executeTakeFirst();
      orderRows += Number(result.numDeletedRows);
    }
    return { 'shop.Order': orderRows, 'shop.OrderLine': Number(lines.numDeletedRows) };
  });
}

function orderIds(count: number) {
  return Array.from({ length: count }, (_, i) => i + 1);
}
