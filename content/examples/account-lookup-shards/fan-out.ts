import type { AccountRow, MeteringContext } from '../../datasets/metering/metering-database.ts';

// The request carries only the email (a login form, a support search). The shard function
// needs the id, so nothing says which shard holds this email: ask every one of them, one query
// per shard, and keep what they answer. A real app may send the n queries in parallel; they are
// still n queries, and every shard does the work for every such request.
// In Django: for alias in SHARDS: Account.objects.using(alias).filter(email=email).first()
export default async function findAccount({ db, n: shards }: MeteringContext) {
  const email = 'account1234@example.com';
  const found: { shard: string; account: AccountRow }[] = [];
  for (let index = 0; index < shards; index++) {
    const shard = `shard_${index}_of_${shards}`;
    const account = await db
      .withSchema(shard)
      .selectFrom('accounts')
      .select(['id', 'email', 'plan', 'credits'])
      .where('email', '=', email)
      .executeTakeFirst();
    if (account) found.push({ shard, account });
  }
  // Each shard can only keep emails unique among its own rows; nothing stops two shards from
  // holding the same email, so the app has to decide what more than one answer means.
  if (found.length !== 1) throw new Error(`${found.length} accounts with email ${email}`);
  return found[0];
}
