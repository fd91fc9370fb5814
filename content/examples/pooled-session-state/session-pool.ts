import type { HelpdeskContext } from '../../datasets/helpdesk/helpdesk-database.ts';

// An export of tenant 1's open tickets that sets up session state in a first transaction and
// uses it in the statements after it. Through a session-mode pooler, or connected directly, the
// request keeps one server connection from start to end, so everything is still there.
//
// Real: the two PostgreSQL sessions and their state. Simulated: the pooler's routing, which is
// the serverFor() rule below.
export default async function sessionPooling({ n, sql, sessions }: HelpdeskContext) {
  const [connectionA, connectionB] = await sessions.open(2);
  // Session mode: the client keeps server connection A until it disconnects.
  const serverFor = () => connectionA!;

  await serverFor()
    .transaction()
    .execute(async (trx) => {
      // The tenant, for the views and policies that read current_setting('app.tenant_id').
      await sql`SELECT set_config('app.tenant_id', ${'1'}, false)`.execute(trx);
      // One export per tenant at a time.
      await sql`SELECT pg_advisory_lock(7, 1)`.execute(trx);
      // The ids to export, staged in a temporary table.
      await sql`CREATE TEMP TABLE export_ids (id integer PRIMARY KEY)`.execute(trx);
      await sql`
        INSERT INTO export_ids
        SELECT id FROM tickets
        WHERE tenant_id = current_setting('app.tenant_id')::integer AND status = 'open'
        ORDER BY id LIMIT ${n}`.execute(trx);
      // A cursor that outlives the transaction, as Django's iterator() declares in autocommit mode.
      await sql`
        DECLARE export_rows CURSOR WITH HOLD FOR
        SELECT tickets.id, tickets.title FROM tickets JOIN export_ids USING (id) ORDER BY tickets.id`.execute(
        trx,
      );
      // A statement the request runs later, prepared once.
      await sql`
        PREPARE open_tickets (integer) AS
        SELECT count(*)::integer AS count FROM tickets WHERE tenant_id = $1 AND status = 'open'`.execute(trx);
      // Be told if someone cancels the export.
      await sql`LISTEN export_cancelled`.execute(trx);
    });

  // After COMMIT, each statement is its own transaction (autocommit, Django's default).
  const lost = (error: unknown) => ({ error: (error as Error).message });
  const tenant = await sql<{ tenant: string | null }>`
    SELECT nullif(current_setting('app.tenant_id', true), '') AS tenant`.execute(serverFor());
  const openTickets = await sql<{ count: number }>`EXECUTE open_tickets(1)`
    .execute(serverFor())
    .then(({ rows }) => rows[0]!.count, lost);
  const staged = await sql<{ count: number }>`SELECT count(*)::integer AS count FROM export_ids`
    .execute(serverFor())
    .then(({ rows }) => rows[0]!.count, lost);
  const exported = await sql<{ id: number; title: string }>`FETCH ALL FROM export_rows`
    .execute(serverFor())
    .then(({ rows }) => rows.length, lost);
  const listening = await sql<{ channels: string[] }>`
    SELECT array(SELECT pg_listening_channels() ORDER BY 1) AS channels`.execute(serverFor());
  await sql`SELECT pg_advisory_unlock(7, 1)`.execute(serverFor());
  // (A real request would also CLOSE the cursor, DROP the table, DEALLOCATE and UNLISTEN; the
  // playground resets both sessions with DISCARD ALL after every run.)

  // Not the request: what pg_locks shows on each of the pool's server connections afterwards.
  const advisoryLocks = async (server: typeof connectionA) =>
    (
      await sql<{ held: number }>`
        SELECT count(*)::integer AS held FROM pg_locks
        WHERE locktype = 'advisory' AND pid = pg_backend_pid()`.execute(server!)
    ).rows[0]!.held;
  const advisoryLocksLeft = (await advisoryLocks(connectionA)) + (await advisoryLocks(connectionB));

  return {
    tenant: tenant.rows[0]!.tenant,
    openTickets,
    staged,
    exported,
    listening: listening.rows[0]!.channels,
    advisoryLocksLeft,
  };
}
