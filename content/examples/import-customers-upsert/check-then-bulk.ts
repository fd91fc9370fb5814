import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// with transaction.atomic():
//     existing = dict(
//         Customer.objects.filter(email__in=[r["email"] for r in rows]).values_list("email", "id")
//     )
//     Customer.objects.bulk_create([Customer(**r) for r in rows if r["email"] not in existing])
//     Customer.objects.bulk_update(
//         [Customer(id=existing[r["email"]], **r) for r in rows if r["email"] in existing],
//         ["name", "country"],
//     )
// One query finds which emails exist, then one INSERT and one UPDATE (bulk_update's CASE) do
// the rest. Inside the outer atomic(), the bulk methods' own transactions add no round trip.
export default async function importCustomers({ db, n, sql }: ShopContext) {
  const rows = rowsInTheFile(n);
  await db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('customers')
      .select(['email', 'id'])
      .where(
        'email',
        'in',
        rows.map((row) => row.email),
      )
      .execute();
    const existing = new Map(found.map((customer) => [customer.email, customer.id]));
    const toCreate = rows.filter((row) => !existing.has(row.email));
    const toUpdate = rows
      .filter((row) => existing.has(row.email))
      .map((row) => ({ id: existing.get(row.email)!, ...row }));

    if (toCreate.length > 0) await trx.insertInto('customers').values(toCreate).returning('id').execute();
    if (toUpdate.length > 0) {
      const ids = toUpdate.map((customer) => customer.id);
      const column = (name: 'name' | 'country') =>
        sql<string>`cast(case ${sql.join(
          toUpdate.map((customer) => sql`when id = ${customer.id} then ${customer[name]}`),
          sql` `,
        )} else null end as text)`;
      await trx
        .updateTable('customers')
        .set({ name: column('name'), country: column('country') })
        .where('id', 'in', ids)
        .execute();
    }
  });
  return customersAsStored(db, rows);
}

function rowsInTheFile(count: number) {
  return Array.from({ length: count }, (_, i) => {
    const row = i + 1;
    const email =
      row % 2 === 1
        ? `customer${String(row).padStart(4, '0')}@example.com`
        : `new${String(row).padStart(5, '0')}@example.com`;
    return { email, name: `Imported customer ${row}`, country: row % 3 === 0 ? 'SE' : 'NO' };
  });
}

function customersAsStored(db: ShopContext['db'], rows: { email: string }[]) {
  return db
    .selectFrom('customers')
    .select(['email', 'name', 'country'])
    .where(
      'email',
      'in',
      rows.map((row) => row.email),
    )
    .orderBy('email')
    .execute();
}
