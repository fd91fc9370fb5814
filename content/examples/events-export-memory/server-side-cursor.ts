import type { EventsContext } from '../../datasets/events/events-database.ts';

const EXPORTED = 50_000;

// iterator(chunk_size=n) in autocommit mode, as in the export above: DECLARE … WITH HOLD,
// one FETCH per batch plus the empty one that ends the loop, and CLOSE. Each batch is held
// from its arrival until its rows are written, so at most one batch is held at once.
export default async function exportMemory({ db, sql, n: batch }: EventsContext) {
  const held = new RowsHeld();
  await sql`DECLARE export_cursor NO SCROLL CURSOR WITH HOLD FOR
    SELECT id, account_id, created_at, kind, payload FROM events WHERE id <= ${EXPORTED} ORDER BY id`.execute(
    db,
  );
  for (;;) {
    const { rows } = await sql`FETCH FORWARD ${sql.raw(String(batch))} FROM export_cursor`.execute(db);
    if (rows.length === 0) break;
    held.arrived(rows.length);
    for (const row of rows) held.written(row);
  }
  await sql`CLOSE export_cursor`.execute(db);
  return held.report();
}

/** Rows read so far, rows held now (arrived, not yet written) and the most held at once. */
class RowsHeld {
  read = 0;
  now = 0;
  peak = 0;
  arrived(count: number) {
    this.read += count;
    this.now += count;
    this.peak = Math.max(this.peak, this.now);
  }
  written(_row: unknown) {
    this.now -= 1;
  }
  report() {
    return { rowsRead: this.read, peakRowsHeld: this.peak };
  }
}
