import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// Customer.objects.bulk_create(customers) on Django 5.2+ and PostgreSQL, for plain values:
//   INSERT INTO customers (email, name, country)
//   SELECT * FROM UNNEST(%s::varchar[], %s::varchar[], %s::varchar[]) RETURNING id
// One array parameter per column, whatever the number of rows, inside bulk_create()'s
// transaction. unnest() turns the arrays back into rows, the first elements together, and so on.
export default async function importCustomers({ db, n, sql }: ShopContext) {
  const rows = customersInTheFile(n);
  const ids = await db.transaction().execute(async (trx) => {
    const inserted = await sql<{ id: number }>`
      insert into customers (email, name, country)
      select * from unnest(
        ${rows.map((row) => row.email)}::text[],
        ${rows.map((row) => row.name)}::text[],
        ${rows.map((row) => row.country)}::text[]
      )
      returning id
    `.execute(trx);
    return inserted.rows.map((row) => row.id);
  });
  return summary(ids, n);
}

function customersInTheFile(count: number) {
  const countries = ['NL', 'DE', 'FR', 'BE', 'GB', 'US'];
  return Array.from({ length: count }, (_, i) => ({
    email: `new${String(i + 1).padStart(5, '0')}@example.com`,
    name: `New customer ${i + 1}`,
    country: countries[i % countries.length]!,
  }));
}

function summary(ids: number[], count: number) {
  return { created: ids.length, distinctPrimaryKeys: new Set(ids).size, expected: count };
}
