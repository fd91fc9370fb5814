import type { MeteringContext } from '../../datasets/metering/metering-database.ts';

// One account's usage: the filter says nothing about recorded_at, so any month may hold
// matching rows and the plan reads every partition (here through each partition's own copy
// of the account_id index), however many months n asks about.
// In Django: UsageRecord.objects.filter(account_id=42).aggregate(Sum("units"))
export default async function explainUsage({ db, sql }: MeteringContext) {
  const plan = await db
    .selectFrom('usage_records')
    .select((eb) => eb.fn.sum<number>('units').as('units'))
    .where('account_id', '=', 42)
    .explain('text', sql`costs off`);
  return plan.map((line) => line['QUERY PLAN'] as string);
}
