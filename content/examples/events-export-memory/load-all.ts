import type { EventsContext } from '../../datasets/events/events-database.ts';

const EXPORTED = 50_000;

// The same export as above, counting instead of writing. `held` counts the rows the export
// holds while it runs: rows count from the moment they arrive until they have been written.
// Loading everything holds every row at once, whatever n is.
export default async function exportMemory({ db }: EventsContext) {
  const held = new RowsHeld();
  const rows = await db
    .selectFrom('events')
    .select(['id', 'account_id', 'created_at', 'kind', 'payload'])
    .where('id', '<=', EXPORTED)
    .orderBy('id')
    .execute();
  held.arrived(rows.length);
  for (const row of rows) held.written(row);
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
