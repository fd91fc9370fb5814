import type { MeteringContext } from '../../datasets/metering/metering-database.ts';

const SENDER = 14; // on shard 0 of 2; holds 1,000 credits
const RECEIVER = 17; // on shard 1 of 2; holds 900, and may hold at most 1,000

// Without a shared transaction the app undoes the first write itself: when the credit fails,
// it sends a compensating write that gives the sender the credits back. The end state matches
// one transaction, but only because this code ran to the end. Between the debit and the refund
// other requests see the credits missing, and if the process dies or shard 0 is unreachable
// at that moment, the refund never happens: real systems record the pending step durably and
// retry it (a saga), or use two-phase commit.
// In Django: the two updates with .using(...), and in the except block a third one that adds
// the amount back on the sender's shard.
export default async function transfer({ db, n: amount }: MeteringContext) {
  const senderShard = db.withSchema(`shard_${SENDER % 2}_of_2`);
  const receiverShard = db.withSchema(`shard_${RECEIVER % 2}_of_2`);

  await senderShard
    .updateTable('accounts')
    .set((eb) => ({ credits: eb('credits', '-', amount) }))
    .where('id', '=', SENDER)
    .execute();
  let error: string | null = null;
  try {
    await receiverShard
      .updateTable('accounts')
      .set((eb) => ({ credits: eb('credits', '+', amount) }))
      .where('id', '=', RECEIVER)
      .execute();
  } catch (failure) {
    error = (failure as Error).message;
    await senderShard
      .updateTable('accounts')
      .set((eb) => ({ credits: eb('credits', '+', amount) }))
      .where('id', '=', SENDER)
      .execute();
  }

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
