import type { MeteringContext } from '../../datasets/metering/metering-database.ts';

// A small lookup table, kept outside the shards, maps each email to its account id: one query
// there, then one to the right shard, however many shards there are. The price: every write
// that creates an account or changes an email updates two places, which no single transaction
// covers (see the next example).
// In Django: account_id = Directory.objects.values_list("account_id", flat=True).get(email=email)
//            Account.objects.using(shard_for(account_id)).get(pk=account_id)
export default async function findAccount({ db, n: shards }: MeteringContext) {
  const email = 'account1234@example.com';
  const { account_id: accountId } = await db
    .selectFrom('account_directory')
    .select('account_id')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const shard = `shard_${accountId % shards}_of_${shards}`;
  const account = await db
    .withSchema(shard)
    .selectFrom('accounts')
    .select(['id', 'email', 'plan', 'credits'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  return { shard, account };
}
