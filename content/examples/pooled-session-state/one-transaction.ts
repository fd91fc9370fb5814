import type { HelpdeskContext } from '../../datasets/helpdesk/helpdesk-database.ts';

// The export rewritten for a transaction-mode pooler: everything that needs the session lives
// inside one transaction (SET LOCAL, a lock released at COMMIT, a temporary table dropped at
// COMMIT, a cursor without HOLD, a plain query instead of PREPARE), and LISTEN goes to a
// connection that bypasses the pooler.
//
// Real: the two PostgreSQL sessions and their state. Simulated: the pooler's routing. The only
// transaction this request sends through the pooler gets server connection A, and nothing of
// the request needs the session after its COMMIT.
export default async function oneTransaction({ n, sql, sessions }: HelpdeskContext) {
  const [connectionA, direct] = await sessions.open(2);

  const exportResult = await connectionA!.transaction().execute(async (trx) => {
    // SET LOCAL: the setting ends with the transaction.
    await sql`SELECT set_config('app.tenant_id', ${'1'}, true)`.execute(trx);
    // A transaction-level lock, released by COMMIT or ROLLBACK.
    await sql`SELECT pg_advisory_xact_lock(7, 1)`.execute(trx);
    await sql`CREATE TEMP TABLE export_ids (id integer PRIMARY KEY) ON COMMIT DROP`.execute(trx);
    await sql`
        INSERT INTO export_ids
        SELECT id FROM tickets
        WHERE tenant_id = current_setting('app.tenant_id')::integer AND status = 'open'
        ORDER BY id LIMIT ${n}`.execute(trx);
    // Without HOLD the cursor lives and dies in this transaction, as inside Django's atomic().
    await sql`
        DECLARE export_rows CURSOR FOR
        SELECT tickets.id, tickets.title FROM tickets JOIN export_ids USING (id) ORDER BY tickets.id`.execute(
      trx,
    );
    const tenant = await sql<{ tenant: string | null }>`
        SELECT nullif(current_setting('app.tenant_id', true), '') AS tenant`.execute(trx);
    // A parameterised query instead of PREPARE: nothing is left on the server connection.
    const openTickets = await trx
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('tenant_id', '=', 1)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const staged = await sql<{ count: number }>`SELECT count(*)::integer AS count FROM export_ids`.execute(
      trx,
    );
    const exported = await sql<{ id: number; title: string }>`FETCH ALL FROM export_rows`.execute(trx);
    return {
      tenant: tenant.rows[0]!.tenant,
      openTickets: Number(openTickets.count),
      staged: staged.rows[0]!.count,
      exported: exported.rows.length,
    };
  });

  // LISTEN needs a session of its own: a direct connection (or a session-mode pool).
  await sql`LISTEN export_cancelled`.execute(direct!);
  const listening = await sql<{ channels: string[] }>`
    SELECT array(SELECT pg_listening_channels() ORDER BY 1) AS channels`.execute(direct!);

  // Not the request: what pg_locks shows on each server session afterwards.
  const advisoryLocks = async (server: typeof connectionA) =>
    (
      await sql<{ held: number }>`
        SELECT count(*)::integer AS held FROM pg_locks
        WHERE locktype = 'advisory' AND pid = pg_backend_pid()`.execute(server!)
    ).rows[0]!.held;
  const advisoryLocksLeft = (await advisoryLocks(connectionA)) + (await advisoryLocks(direct));

  return { ...exportResult, listening: listening.rows[0]!.channels, advisoryLocksLeft };
}
