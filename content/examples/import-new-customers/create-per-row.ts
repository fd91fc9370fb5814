import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// for row in rows: Customer.objects.create(**row)
// create() is save(force_insert=True): one INSERT … RETURNING id per customer, each its own
// round trip, with no transaction around it (autocommit commits each row on its own).
export default async function importCustomers({ db, n }: ShopContext) {
  const ids: number[] = [];
  for (const row of customersInTheFile(n)) {
    const { id } = await db.insertInto('customers').values(row).returning('id').executeTakeFirstOrThrow();
    ids.push(id);
  }
  return summary(ids, n);
}

// The file: n customers who are not in the shop yet.
function customersInTheFile(count: number) {
  const countries = ['NL', 'DE', 'FR', 'BE', 'GB', 'US'];
  return Array.from({ length: count }, (_, i) => ({
    email: `new${String(i + 1).padStart(5, '0')}@example.com`,
    name: `New customer ${i + 1}`,
    country: countries[i % countries.length]!,
  }));
}

// Every customer came back with its own primary key (the ids themselves differ from run to run:
// a sequence is never rolled back).
function summary(ids: number[], count: number) {
  return { created: ids.length, distinctPrimaryKeys: new Set(ids).size, expected: count };
}
