import type { ShopContext } from '../../datasets/shop/shop-database.ts';

// Customer.objects.bulk_create(customers, batch_size=1000), as Django sends it with VALUES
// (every version before 5.2, and 5.2+ whenever the UNNEST form does not apply): one
// INSERT … VALUES (…), (…), … RETURNING id per batch of 1,000 rows, three bind parameters a
// row, and bulk_create() wraps all the batches in one transaction.
const BATCH_SIZE = 1000;

export default async function importCustomers({ db, n }: ShopContext) {
  const rows = customersInTheFile(n);
  const ids = await db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (let start = 0; start < rows.length; start += BATCH_SIZE) {
      const inserted = await trx
        .insertInto('customers')
        .values(rows.slice(start, start + BATCH_SIZE))
        .returning('id')
        .execute();
      ids.push(...inserted.map((row) => row.id));
    }
    return ids;
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
