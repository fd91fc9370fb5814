import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// @receiver(post_delete, sender=OrderLine)
// def audit_line(sender, instance, **kwargs): ...
//
// Order.objects.filter(pk__in=order_ids).delete()
// A receiver needs each deleted line as an object, so the collector loads the lines too (every
// column) and deletes them by primary key, 100 per statement, before the orders.
export default async function deleteOrders({ db, n }: ShopContext) {
  const orders = await db.selectFrom('orders').selectAll().where('id', 'in', orderIds(n)).execute();
  const lines = await db
    .selectFrom('order_lines')
    .selectAll()
    .where(
      'order_id',
      'in',
      orders.map((order) => order.id),
    )
    .execute();
  const lineIds = lines.map((line) => line.id).sort((a, b) => b - a);
  const ids = orders.map((order) => order.id).sort((a, b) => b - a);
  return db.transaction().execute(async (trx) => {
    const deleted = { 'shop.Order': 0, 'shop.OrderLine': 0 };
    for (let start = 0; start < lineIds.length; start += 100) {
      const result = await trx
        .deleteFrom('order_lines')
        .where('id', 'in', lineIds.slice(start, start + 100))
        .executeTakeFirst();
      deleted['shop.OrderLine'] += Number(result.numDeletedRows);
    }
    // (Django sends post_delete for each line here, in Python: no round trip.)
    for (let start = 0; start < ids.length; start += 100) {
      const result = await trx
        .deleteFrom('orders')
        .where('id', 'in', ids.slice(start, start + 100))
        .executeTakeFirst();
      deleted['shop.Order'] += Number(result.numDeletedRows);
    }
    return deleted;
  });
}

function orderIds(count: number) {
  return Array.from({ length: count }, (_, i) => i + 1);
}
