import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// with transaction.atomic():
//     for row in rows:
//         try:
//             with transaction.atomic():  # a savepoint per row
//                 Customer.objects.create(**row)
//         except IntegrityError:
//             Customer.objects.filter(email=row["email"]).update(name=row["name"], country=row["country"])
// The inner atomic() is what lets the loop go on after a failed INSERT: without it, the error
// would break the whole transaction. Each row costs three round trips, a duplicate five.
export default async function importCustomers({ db, n, sql }: ShopContext) {
  const rows = rowsInTheFile(n);
  await db.transaction().execute(async (trx) => {
    for (const row of rows) {
      await sql`savepoint customer_row`.execute(trx);
      try {
        await trx.insertInto('customers').values(row).returning('id').execute();
        await sql`release savepoint customer_row`.execute(trx);
      } catch (error) {
        // Django raises IntegrityError for SQLSTATE class 23 (here 23505, unique_violation on
        // the email); anything else is not caught.
        if (!String((error as { code?: unknown }).code).startsWith('23')) throw error;
        // Django rolls back to the savepoint and releases it; the except block then updates
        // the customer who already exists.
        await sql`rollback to savepoint customer_row`.execute(trx);
        await sql`release savepoint customer_row`.execute(trx);
        await trx
          .updateTable('customers')
          .set({ name: row.name, country: row.country })
          .where('email', '=', row.email)
          .execute();
      }
    }
  });
  return customersAsStored(db, rows);
}

// The file: odd rows are customers the shop already has, with a new name and country;
// even rows are new customers.
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

// The import's response: every customer in the file as the database now holds it.
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
