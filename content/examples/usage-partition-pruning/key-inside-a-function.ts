import type { MeteringContext } from '../../datasets/metering/metering-database.ts';

// The same months as the first variant, asked the way Django's __date lookup asks: it
// converts recorded_at to a date in the current time zone before comparing. The planner can
// only leave out partitions for conditions on the partition key itself, and this condition is
// on an expression, so every partition is read and filtered row by row.
// In Django: UsageRecord.objects.filter(recorded_at__date__gte=start, recorded_at__date__lt=end)
export default async function explainUsage({ db, sql, n: months }: MeteringContext) {
  const start = '2025-01-01';
  const end = new Date(Date.UTC(2025, months, 1)).toISOString().slice(0, 10);
  const recordedOn = sql<string>`(recorded_at at time zone 'UTC')::date`;
  const plan = await db
    .selectFrom('usage_records')
    .select((eb) => eb.fn.sum<number>('units').as('units'))
    .where(recordedOn, '>=', start)
    .where(recordedOn, '<', end)
    .explain('text', sql`costs off`);
  return plan.map((line) => line['QUERY PLAN'] as string);
}
