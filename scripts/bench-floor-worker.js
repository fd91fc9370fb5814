// The floor for issue 14's cold-start goals, bundled by scripts/bench-floor.mjs and run by
// `npm run bench` in a dedicated worker of a blank page: PGlite and nothing else of the site (no
// engine module, no Kysely, no recorder, no warm-up run), booted from the same archive and
// downloads the site's engine uses, then the foreign-key page's N+1 run (one list of 100 books,
// then one author per book) as plain SQL. How long this takes is what no change to the site can
// go below on the same machine and browser.
import { PGlite } from '@electric-sql/pglite';

// As src/engine/browser-engine.ts: a boot from an archive never runs initdb.
const NO_INITDB = new WebAssembly.Module(new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
const at = () => performance.timeOrigin + performance.now();

async function boot(urls) {
  const times = { workerStart: at() };
  const wasm = WebAssembly.compileStreaming(fetch(urls.wasm));
  const data = fetch(urls.data).then((response) => response.blob());
  const archive = fetch(urls.archive)
    .then((response) => response.blob())
    .then(async (blob) => {
      const magic = new Uint8Array(await blob.slice(0, 2).arrayBuffer());
      const gzipped = magic[0] === 0x1f && magic[1] === 0x8b;
      return gzipped ? new Response(blob.stream().pipeThrough(new DecompressionStream('gzip'))).blob() : blob;
    });
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
