import type { MeteringContext } from '../../datasets/metering/metering-database.ts';

const SENDER = 14; // on shard 14 % 2 = 0; holds 1,000 credits
const RECEIVER = 17; // on shard 17 % 2 = 1; holds 900, and may hold at most 1,000

// The same transfer with the accounts on two shards. Each shard is its own server with its
// own transaction: the debit commits on shard 0 before the credit is even sent to shard 1.
// When the credit fails, nothing can take the debit back: the credits are gone.
// (Simulated: the shards are two schemas in one PostgreSQL, and each statement commits on its
// own as it would on its own server.)
// In Django: Account.objects.using("shard_0").filter(pk=SENDER).update(...)
//            Account.objects.using("shard_1").filter(pk=RECEIVER).update(...)
export default async function transfer({ db, n: amount }: MeteringContext) {
  const senderShard = db.withSchema(`shard_${SENDER % 2}_of_2`);
  const receiverShard = db.withSchema(`shard_${RECEIVER % 2}_of_2`);

  let error: string | null = null;
  try {
    await senderShard
      .updateTable('accounts')
      .set((eb) => ({ credits: eb('credits', '-', amount) }))
      .where('id', '=', SENDER)
      .execute();
    await receiverShard
      .updateTable('accounts')
      .set((eb) => ({ credits: eb('credits', '+', amount) }))
      .where('id', '=', RECEIVER)
      .execute();
  } catch (failure) {
    error = (failure as Error).message;
  }

  // What each shard holds now: one query per shard.
  const sender = await senderShard
    .selectFrom('accounts')
    .select(['id', 'credits'])
    .where('id', '=', SENDER)
    .executeTakeFirstOrThrow();
  const receiver = await receiverShard
    .selectFrom('accounts')
    .select(['id', 'credits'])
    .where('id', '=', RECEIVER)
    .executeTakeFirstOrThrow();
  return { error, sender, receiver, total: sender.credits + receiver.credits };
}
