import type { MeteringContext } from '../../datasets/metering/metering-database.ts';

// The usage of the first n months of 2025, asked with a range on recorded_at, the column the
// table is partitioned by. The planner compares the range with each partition's bounds and
// leaves out every month that cannot match: the plan names only the partitions it reads.
// In Django: UsageRecord.objects.filter(recorded_at__gte=start, recorded_at__lt=end)
//              .aggregate(Sum("units"))
export default async function explainUsage({ db, sql, n: months }: MeteringContext) {
  const start = new Date(Date.UTC(2025, 0, 1));
  const end = new Date(Date.UTC(2025, months, 1));
  const plan = await db
    .selectFrom('usage_records')
    .select((eb) => eb.fn.sum<number>('units').as('units'))
    .where('recorded_at', '>=', start)
    .where('recorded_at', '<', end)
    .explain('text', sql`costs off`);
  return plan.map((line) => line['QUERY PLAN'] as string);
}
