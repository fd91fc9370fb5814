import type { EventsContext } from '../../datasets/events/events-database.ts';

const EXPORTED = 50_000;

// A server-side cursor read n rows per FETCH: the application never holds more than one
// batch, and the number of round trips is the number of batches plus five (BEGIN, DECLARE,
// the short last FETCH, CLOSE, COMMIT).
export default async function exportMemory({ db, sql, n: batch }: EventsContext) {
  let rowsRead = 0;
  let peakRowsHeld = 0;
  await db.transaction().execute(async (trx) => {
    await sql`DECLARE export_cursor NO SCROLL CURSOR FOR
      SELECT id, account_id, created_at, kind, payload FROM events WHERE id <= ${EXPORTED} ORDER BY id`.execute(
      trx,
    );
    for (;;) {
      const { rows } = await sql`FETCH ${sql.raw(String(batch))} FROM export_cursor`.execute(trx);
      rowsRead += rows.length;
      peakRowsHeld = Math.max(peakRowsHeld, rows.length);
      if (rows.length < batch) break;
    }
    await sql`CLOSE export_cursor`.execute(trx);
  });
  return { rowsRead, peakRowsHeld };
}
