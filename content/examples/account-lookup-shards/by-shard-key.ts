import type { MeteringContext } from '../../datasets/metering/metering-database.ts';

// The request carries the account id, and the id is the shard key: the app computes the shard
// from it and asks that one shard. Each shard is a schema here; on real shards, a server.
// In Django: Account.objects.using(shard_for(account_id)).get(pk=account_id)
export default async function findAccount({ db, n: shards }: MeteringContext) {
  const accountId = 1234;
  const shard = `shard_${accountId % shards}_of_${shards}`;
  const account = await db
    .withSchema(shard)
    .selectFrom('accounts')
    .select(['id', 'email', 'plan', 'credits'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  return { shard, account };
}
