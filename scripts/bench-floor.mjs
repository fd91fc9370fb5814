// `npm run bench`'s floor for the cold-start goals: a blank page whose dedicated worker boots
// PGlite from the library archive and makes the foreign-key page's N+1 run
// (scripts/bench-floor-worker.js), in a fresh profile each round, as the bench's first-visit
// scenarios. Two starts: at the document's start (navigation → end of the run, to set against the
// immediate click's "navigation → first results") and on an idle page 2 s after load (boot → end
// of the run: a boot that starts at the click).
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import sirv from 'sirv';

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>PGlite floor</title>
<script>
  window.floorStart = () => {
    const bootAt = performance.now();
    const worker = new Worker('/floor-worker.js' + location.search, { type: 'module' });
    worker.onmessage = (event) => (window.floorResult = { ...event.data, bootAt, origin: performance.timeOrigin });
    worker.onerror = (event) => (window.floorResult = { error: event.message ?? 'the worker did not load' });
  };
  if (location.hash === '#at-start') window.floorStart();
</script></head><body><p>PGlite floor</p></body></html>`;

/**
 * Runs the floor's rounds; `freshProfile` is the bench's (a persistent context of its own).
 * Returns per-round figures in ms: `fromNavigation` (boot at document start), `idleBoot` (boot
 * 2 s after load → end of the run) with that boot's steps.
 */
export async function benchPGliteFloor({ dist, manifest, freshProfile, rounds }) {
  const dir = mkdtempSync(join(tmpdir(), 'round-trip-floor-'));
  const server = createServer(sirv(dir, { dev: true }));
  try {
    await build({
      entryPoints: [new URL('bench-floor-worker.js', import.meta.url).pathname],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      // PGlite's Node paths import these only when it runs in Node.
      external: ['node:*'],
      outfile: join(dir, 'floor-worker.js'),
      logLevel: 'error',
    });
    writeFileSync(join(dir, 'index.html'), PAGE);
    // The same files the site's engine downloads, under the same kind of names.
    const assets = readdirSync(join(dist, '_astro'));
    const urls = {};
    for (const [key, pattern] of [
      ['wasm', /^pglite-.*\.wasm$/],
      ['data', /^pglite-.*\.data$/],
    ]) {
      const file = assets.find((name) => pattern.test(name));
      if (!file) throw new Error(`No ${pattern} in dist/_astro: build the site first`);
      copyFileSync(join(dist, '_astro', file), join(dir, file));
      urls[key] = `/${file}`;
    }
    const archive = JSON.parse(readFileSync(manifest, 'utf8')).library.archive;
    copyFileSync(join(dist, archive), join(dir, 'library.tar.gz'));
    urls.archive = '/library.tar.gz';

    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const page = `http://127.0.0.1:${server.address().port}/?${new URLSearchParams(urls)}`;
    const figures = { fromNavigation: [], idleBoot: [], steps: [] };
    for (let round = 0; round < rounds; round++) {
      for (const atStart of [true, false]) {
        const profile = await freshProfile();
        try {
          const tab = await profile.context.newPage();
          await tab.goto(atStart ? `${page}#at-start` : page, { waitUntil: 'load' });
          if (!atStart) {
            await tab.waitForTimeout(2000);
            await tab.evaluate(() => window.floorStart());
          }
          await tab.waitForFunction(() => window.floorResult, undefined, { timeout: 60_000 });
          const result = await tab.evaluate(() => window.floorResult);
          if (result.error) throw new Error(`The floor's worker failed: ${result.error}`);
          if (result.queries !== 101)
            throw new Error(`The floor's run made ${result.queries} queries, not 101`);
          const { times, bootAt, origin } = result;
          if (atStart) {
            figures.fromNavigation.push(times.runEnd - origin);
          } else {
            figures.idleBoot.push(times.runEnd - origin - bootAt);
            figures.steps.push({
              worker: times.workerStart - origin - bootAt,
              download: times.downloaded - times.workerStart,
              start: times.started - times.downloaded,
              run: times.runEnd - times.started,
            });
          }
        } finally {
          await profile.close();
        }
      }
    }
    return figures;
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
