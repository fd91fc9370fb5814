import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// Order.objects.filter(pk__in=order_ids).update(status="shipped")
// One UPDATE … WHERE id IN (…) for every order at once. Nothing is loaded, and update()
// returns how many rows matched.
export default async function shipOrders({ db, n }: ShopContext) {
  const result = await db
    .updateTable('orders')
    .set({ status: 'shipped' })
    .where('id', 'in', paidOrderIds(n))
    .executeTakeFirstOrThrow();
  return { shipped: Number(result.numUpdatedRows) };
}

function paidOrderIds(count: number) {
  const ids: number[] = [];
  for (let id = 1; ids.length < count; id++) if (id % 4 === 0 || id % 4 === 1) ids.push(id);
  return ids;
}
