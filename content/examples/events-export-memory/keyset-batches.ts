import type { EventsContext } from '../../datasets/events/events-database.ts';

const EXPORTED = 50_000;

// Batches of n rows by primary key: one query per batch plus the short last one, and no
// transaction or cursor kept open between batches. Each batch is held from its arrival until
// its rows are written, so at most one batch is held at once.
export default async function exportMemory({ db, n: batch }: EventsContext) {
  const held = new RowsHeld();
  let lastId = 0;
  for (;;) {
    const rows = await db
      .selectFrom('events')
      .select(['id', 'account_id', 'created_at', 'kind', 'payload'])
      .where('id', '>', lastId)
      .where('id', '<=', EXPORTED)
      .orderBy('id')
      .limit(batch)
      .execute();
    held.arrived(rows.length);
    for (const row of rows) held.written(row);
    if (rows.length < batch) break;
    lastId = rows[rows.length - 1]!.id;
  }
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
