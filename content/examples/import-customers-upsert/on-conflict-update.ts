import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// Customer.objects.bulk_create(
//     [Customer(**row) for row in rows],
//     update_conflicts=True,
//     unique_fields=["email"],
//     update_fields=["name", "country"],
// )
// One INSERT … ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, country = EXCLUDED.country
// RETURNING id, in bulk_create()'s transaction. PostgreSQL decides per row whether to insert or
// update, so nobody has to ask first. (Django 5.2+ sends the rows as UNNEST arrays, as on the
// page about inserting in batches; the round trips are the same.)
export default async function importCustomers({ db, n }: ShopContext) {
  const rows = rowsInTheFile(n);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('customers')
      .values(rows)
      .onConflict((conflict) =>
        conflict.column('email').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          country: eb.ref('excluded.country'),
        })),
      )
      .returning('id')
      .execute();
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
