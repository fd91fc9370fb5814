import type { EventsContext } from '../../datasets/events/events-database.ts';

const BATCH = 2000;

// What Event.objects.filter(...).order_by("id").iterator(chunk_size=2000) sends on PostgreSQL
// by default, in autocommit mode (no transaction.atomic() around the loop): Django declares
// the cursor WITH HOLD, so it outlives the DECLARE's own implicit transaction, and there is no
// BEGIN or COMMIT. Django keeps fetching until a FETCH returns no rows, then closes the cursor.
export default async function exportCsv({ db, sql, n }: EventsContext) {
  const csv = new CsvSummary();
  await sql`DECLARE export_cursor NO SCROLL CURSOR WITH HOLD FOR
    SELECT id, account_id, created_at, kind, payload FROM events WHERE id <= ${n} ORDER BY id`.execute(db);
  for (;;) {
    const { rows } = await sql<Event>`FETCH FORWARD ${sql.raw(String(BATCH))} FROM export_cursor`.execute(db);
    if (rows.length === 0) break; // only an empty FETCH ends the loop, as in Django
    for (const row of rows) csv.write(row);
  }
  await sql`CLOSE export_cursor`.execute(db);
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
