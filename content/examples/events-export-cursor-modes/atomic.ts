import type { EventsContext } from '../../datasets/events/events-database.ts';

const BATCH = 2000;

// The same loop inside `with transaction.atomic():`. Django is then not in autocommit mode,
// so it declares a plain cursor (WITHOUT HOLD), which lives and dies with the transaction:
// BEGIN, DECLARE, FETCH until one returns no rows, CLOSE, and COMMIT when the block ends.
export default async function exportCsv({ db, sql, n }: EventsContext) {
  const csv = new CsvSummary();
  await db.transaction().execute(async (trx) => {
    await sql`DECLARE export_cursor NO SCROLL CURSOR WITHOUT HOLD FOR
      SELECT id, account_id, created_at, kind, payload FROM events WHERE id <= ${n} ORDER BY id`.execute(trx);
    for (;;) {
      const { rows } = await sql<Event>`FETCH FORWARD ${sql.raw(String(BATCH))} FROM export_cursor`.execute(
        trx,
      );
      if (rows.length === 0) break; // only an empty FETCH ends the loop, as in Django
      for (const row of rows) csv.write(row);
    }
    await sql`CLOSE export_cursor`.execute(trx);
  });
  return csv.summary();
}

interface Event {
  id: number;
  account_id: number;
  created_at: Date;
  kind: string;
  payload: string;
}

/** Stands in for a file or an upload: counts what would be written. */
class CsvSummary {
  rows = 0;
  bytes = 0;
  byKind: Record<string, number> = {};
  write(e: Event) {
    const line = `${e.id},${e.account_id},${e.created_at.toISOString()},${e.kind},"${e.payload.replaceAll('"', '""')}"\n`;
    this.rows += 1;
    this.bytes += line.length;
    this.byKind[e.kind] = (this.byKind[e.kind] ?? 0) + 1;
  }
  summary() {
    return { rows: this.rows, bytes: this.bytes, byKind: this.byKind };
  }
}
