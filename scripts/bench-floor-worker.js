// The floor for issue 14's cold-start goals, bundled by scripts/bench-floor.mjs and run by
// `npm run bench` in a dedicated worker of a blank page: PGlite and nothing else of the site (no
// engine module, no Kysely, no recorder, no warm-up run), booted from the same archive and
// downloads the site's engine uses, then the foreign-key page's N+1 run (one list of 100 books,
// then one author per book) as plain SQL. How long this takes is what no change to the site can
// go below on the same machine and browser. It shares with the engine only what makes the boot
// the same one (src/engine/archive-download.ts).
import { PGlite } from '@electric-sql/pglite';
// The engine's own: no initdb for a boot from an archive, and the same unpacking.
import { gunzip, isGzip, NO_INITDB } from '../src/engine/archive-download.ts';
const at = () => performance.timeOrigin + performance.now();

async function boot(urls) {
  const times = { workerStart: at() };
  const wasm = WebAssembly.compileStreaming(fetch(urls.wasm));
  const data = fetch(urls.data).then((response) => response.blob());
  const archive = fetch(urls.archive)
    .then((response) => response.blob())
    .then(async (blob) => ((await isGzip(blob)) ? gunzip(blob) : blob));
  const [pgliteWasmModule, fsBundle, loadDataDir] = await Promise.all([wasm, data, archive]);
  times.downloaded = at();
  const db = await PGlite.create({ pgliteWasmModule, fsBundle, loadDataDir, initdbWasmModule: NO_INITDB });
  times.started = at();
  const books = await db.query('SELECT id, title, author_id FROM library.books ORDER BY id LIMIT 100');
  for (const book of books.rows) {
    await db.query('SELECT name FROM library.authors WHERE id = $1', [book.author_id]);
  }
  times.runEnd = at();
  return { times, queries: books.rows.length + 1 };
}

const urls = Object.fromEntries(new URL(self.location.href).searchParams);
boot(urls).then(
  (result) => self.postMessage(result),
  (error) => self.postMessage({ error: String(error?.stack ?? error) }),
);
