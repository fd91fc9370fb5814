import type { MeteringContext } from '../../datasets/metering/metering-database.ts';

const SENDER = 14; // holds 1,000 credits
const RECEIVER = 17; // holds 900; no account may hold more than 1,000

// Both accounts in one database: the debit and the credit share a transaction. The credit
// breaks the 1,000-credit limit (a CHECK constraint), the transaction rolls back, and the
// debit goes with it: nobody gained or lost anything.
// In Django: with transaction.atomic():
//                Account.objects.filter(pk=SENDER).update(credits=F("credits") - amount)
//                Account.objects.filter(pk=RECEIVER).update(credits=F("credits") + amount)
export default async function transfer({ db, n: amount }: MeteringContext) {
  let error: string | null = null;
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .updateTable('accounts')
        .set((eb) => ({ credits: eb('credits', '-', amount) }))
        .where('id', '=', SENDER)
        .execute();
      await tx
        .updateTable('accounts')
        .set((eb) => ({ credits: eb('credits', '+', amount) }))
        .where('id', '=', RECEIVER)
        .execute();
    });
  } catch (failure) {
    error = (failure as Error).message;
  }

  const [sender, receiver] = await db
    .selectFrom('accounts')
    .select(['id', 'credits'])
    .where('id', 'in', [SENDER, RECEIVER])
    .orderBy('id')
    .execute();
  return { error, sender, receiver, total: sender!.credits + receiver!.credits };
}
