// npm run bench: figures, not pass/fail. Builds the site, serves it, and measures in Chromium:
// page weight before any interaction, build time, playground cold and warm click-to-results,
// the recorder's per-query overhead, the reset's cost, main-thread blocking and worker memory.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const root = new URL('../', import.meta.url);
const port = Number(process.env.BENCH_PORT ?? 4399);
const base = `http://127.0.0.1:${port}`;
const FK_PAGE = '/guidelines/n-plus-one-foreign-keys/';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const kib = (x) => `${(x / 1024).toFixed(1)} KiB`;
const rows = [];
const report = (name, value, goal = '') => {
  rows.push([name, value, goal]);
  console.log(`${name.padEnd(52)} ${value.padEnd(26)} ${goal}`);
};

// 1. Build time.
if (!process.argv.includes('--no-build')) {
  const started = performance.now();
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  if (build.status !== 0) throw new Error('npm run build failed');
  report('build time (npm run build)', ms(performance.now() - started));
}

// 2. Serve dist/.
const server = spawn('npx', ['astro', 'preview', '--port', String(port), '--host', '127.0.0.1', '--force'], {
  cwd: root,
  stdio: 'ignore',
  detached: true,
});
const stopServer = () => {
  try {
    process.kill(-server.pid);
  } catch {}
};
process.on('exit', stopServer);
for (let i = 0; ; i++) {
  try {
    if ((await fetch(base)).ok) break;
  } catch {}
  if (i > 100) throw new Error('preview did not start');
  await new Promise((r) => setTimeout(r, 200));
}

const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
const browser = await chromium.launch({
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

try {
  // 3. What a guideline page loads before any interaction (no scrolling, so no worker).
  const sitemap = readFileSync(new URL('dist/sitemap.xml', root), 'utf8');
  const guidelinePaths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
    .map((m) => new URL(m[1]).pathname)
    .filter((p) => p.startsWith('/guidelines/'));
  let heaviest = { path: '', js: 0, jsGz: 0, css: 0, cssGz: 0 };
  for (const path of guidelinePaths) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const bodies = [];
    page.on('response', async (response) => {
      const type = response.request().resourceType();
      if (type === 'script' || type === 'stylesheet')
        bodies.push({ type, body: response.body().catch(() => Buffer.alloc(0)) });
    });
    await page.goto(base + path, { waitUntil: 'networkidle' });
    const inline = await page.evaluate(() => ({
      js: [...document.querySelectorAll('script:not([src]):not([type="application/json"])')]
        .map((s) => s.textContent)
        .join(''),
      css: [...document.querySelectorAll('style')].map((s) => s.textContent).join(''),
    }));
    const weight = { path, js: 0, jsGz: 0, css: 0, cssGz: 0 };
    for (const { type, body } of bodies) {
      const buffer = await body;
      const key = type === 'script' ? 'js' : 'css';
      weight[key] += buffer.length;
      weight[`${key}Gz`] += gzipSync(buffer).length;
    }
    weight.js += Buffer.byteLength(inline.js);
    weight.jsGz += gzipSync(inline.js).length;
    weight.css += Buffer.byteLength(inline.css);
    weight.cssGz += gzipSync(inline.css).length;
    if (weight.js + weight.css > heaviest.js + heaviest.css) heaviest = weight;
    await page.close();
  }
  report(
    `JS before interaction (heaviest: ${heaviest.path})`,
    `${kib(heaviest.js)} raw, ${kib(heaviest.jsGz)} gzip`,
  );
  report('CSS before interaction (same page)', `${kib(heaviest.css)} raw, ${kib(heaviest.cssGz)} gzip`);
  const assets = readdirSync(new URL('dist/_astro/', root));
  const size = (prefix) =>
    assets
      .filter((f) => f.startsWith(prefix))
      .reduce((sum, f) => sum + readFileSync(new URL(`dist/_astro/${f}`, root)).length, 0);
  report(
    'on first Run: worker JS + PGlite wasm + data',
    kib(size('worker-entry') + size('pglite')),
    '(downloaded once, cached)',
  );
  report(
    'on first Run: pre-seeded library data directory',
    kib(readFileSync(new URL('dist/datasets/library.tar.gz', root)).length),
  );

  // 4. Cold and warm click-to-results, with main-thread long tasks.
  const colds = [];
  const splits = [];
  let warm = [];
  let longestTask = 0;
  const warmWalls = { bad: [], good: [] };
  const coldCached = [];
  for (let round = 0; round < 3; round++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    // Timed inside the page, from the click event to the status saying "Finished", so the
    // figures leave out Playwright's own polling and actionability checks.
    await context.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) =>
        window.__longTasks.push(
          ...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })),
        ),
      ).observe({ type: 'longtask', buffered: true });
      document.addEventListener(
        'click',
        (event) => {
          if (event.target.closest?.('.run-button')) {
            window.__clickAt = performance.now();
            window.__doneAt = 0;
          }
        },
        true,
      );
      new MutationObserver(() => {
        const status = document.querySelector('rt-playground [role=status]')?.textContent ?? '';
        if (window.__clickAt && !window.__doneAt && status.startsWith('Finished'))
          window.__doneAt = performance.now();
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const page = await context.newPage();
    await page.goto(base + FK_PAGE, { waitUntil: 'networkidle' });
    const playground = page.locator('rt-playground').first();
    await playground.scrollIntoViewIfNeeded();
    const clickToResults = async () => {
      await playground.getByRole('button', { name: 'Run' }).click();
      await page.waitForFunction(() => window.__doneAt > 0, undefined, { timeout: 60_000 });
      return page.evaluate(() => window.__doneAt - window.__clickAt);
    };
    colds.push(await clickToResults());
    const clickedAt = await page.evaluate(() => window.__clickAt);
    splits.push(
      await page.evaluate(() =>
        Object.fromEntries(
          performance
            .getEntriesByType('measure')
            .filter((m) => m.name.startsWith('round-trip:'))
            .map((m) => [m.name.slice(11), m.duration]),
        ),
      ),
    );
    if (round === 0) {
      for (let i = 0; i < 5; i++) {
        warm.push(await clickToResults());
        for (const variant of ['bad', 'good']) {
          const wall = await playground
            .locator(`[data-variant="${variant}"] dt:text("Wall time") + dd`)
            .innerText();
          warmWalls[variant].push(
            Number.parseFloat(wall) * (wall.includes(' s') && !wall.includes('ms') ? 1000 : 1),
          );
        }
      }
    }
    // Only tasks from the click on: page parsing before it is not the playground's doing.
    longestTask = Math.max(
      longestTask,
      ...(await page.evaluate(
        (t) => window.__longTasks.filter((task) => task.start >= t).map((task) => task.duration),
        clickedAt,
      )),
      0,
    );
    // The next page of the same visit: PGlite's files now come from the browser's cache.
    const next = await context.newPage();
    await next.goto(base + '/guidelines/prefetch-related-rows/', { waitUntil: 'networkidle' });
    const nextPlayground = next.locator('rt-playground').first();
    await nextPlayground.scrollIntoViewIfNeeded();
    await nextPlayground.getByRole('button', { name: 'Run' }).click();
    await next.waitForFunction(() => window.__doneAt > 0, undefined, { timeout: 60_000 });
    coldCached.push(await next.evaluate(() => window.__doneAt - window.__clickAt));
    await context.close();
  }
  report('cold click-to-results (median of 3)', ms(median(colds)), 'goal < 600 ms');
  report('  worker start (script load, module init)', ms(median(splits.map((s) => s['worker-start'] ?? 0))));
  report('  boot PGlite from pre-seeded data directory', ms(median(splits.map((s) => s.boot ?? 0))));
  report('  seed from SQL (0 when booted pre-seeded)', ms(median(splits.map((s) => s.seed ?? 0))));
  report(
    '  warm-up queries (unrecorded, for fair timings)',
    ms(median(splits.map((s) => s['warm-up'] ?? 0))),
  );
  const rest = colds.map(
    (cold, i) =>
      cold - ['worker-start', 'boot', 'seed', 'warm-up'].reduce((sum, k) => sum + (splits[i][k] ?? 0), 0),
  );
  report('  both variants run and render (the rest)', ms(median(rest)));
  report(
    'cold click-to-results, next page of the visit',
    ms(median(coldCached)),
    '(PGlite files from the browser cache)',
  );
  report('warm click-to-results (median of 5, n = 100)', ms(median(warm)), 'goal < 50 ms');
  report('  of which the N+1 variant (101 queries)', ms(median(warmWalls.bad)));
  report('  of which the join variant (1 query)', ms(median(warmWalls.good)));
  report('longest main-thread task from click to results', ms(longestTask), 'goal < 50 ms');

  // 5. Recorder overhead and reset cost, measured inside a fresh worker.
  const workerFile = assets.find((f) => f.startsWith('worker-entry'));
  const page = await browser.newPage();
  await page.goto(base + '/');
  const figures = await page.evaluate(async (url) => {
    const worker = new Worker(url, { type: 'module' });
    const ask = (message) =>
      new Promise((resolve) => {
        worker.addEventListener('message', function listener(event) {
          if (event.data.id === message.id) {
            worker.removeEventListener('message', listener);
            resolve(event.data);
          }
        });
        worker.postMessage(message);
      });
    await ask({ type: 'prepare', id: 1, dataset: 'library' });
    const answer = await ask({ type: 'measure', id: 2, dataset: 'library', queries: 2000 });
    worker.terminate();
    return answer.figures;
  }, `${base}/_astro/${workerFile}`);
  report('primary-key SELECT, straight to PGlite (median)', ms(figures.rawQueryMs));
  report('same SELECT through the recorder (median)', ms(figures.recordedQueryMs));
  report(
    'recorder overhead',
    `${((figures.recordedQueryMs / figures.rawQueryMs - 1) * 100).toFixed(1)} %`,
    'goal < 5 %',
  );
  report('reset between runs (BEGIN … ROLLBACK)', ms(figures.resetMs));
  await page.close();

  // 6. Worker memory after the first run and after 50 runs (CDP, heap after a forced GC).
  const context = await browser.newContext();
  const memPage = await context.newPage();
  await memPage.goto(base + FK_PAGE);
  const playground = memPage.locator('rt-playground').first();
  await playground.scrollIntoViewIfNeeded();
  const runOnce = async () => {
    await playground.getByRole('button', { name: 'Run' }).click();
    await memPage.waitForFunction(() => {
      const s = document.querySelector('rt-playground [role=status]')?.textContent ?? '';
      return s.startsWith('Finished') && !document.querySelector('rt-playground .run-button[aria-busy]');
    });
  };
  const cdp = await context.newCDPSession(memPage);
  const heap = async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'worker');
    if (!target) return undefined;
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    let id = 0;
    const call = (method) =>
      new Promise((resolve) => {
        const mine = ++id;
        const listener = (event) => {
          const message = JSON.parse(event.message);
          if (event.sessionId === sessionId && message.id === mine) {
            cdp.off('Target.receivedMessageFromTarget', listener);
            resolve(message.result);
          }
        };
        cdp.on('Target.receivedMessageFromTarget', listener);
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mine, method }) });
      });
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget', { sessionId });
    return usage;
  };
  await runOnce();
  const first = await heap();
  for (let i = 0; i < 49; i++) await runOnce();
  const fifty = await heap();
  if (first && fifty) {
    report(
      'worker JS heap after 1 run / after 50',
      `${kib(first.usedSize)} / ${kib(fifty.usedSize)}`,
      `ratio ${(fifty.usedSize / first.usedSize).toFixed(2)}x (goal ≤ 1.2x)`,
    );
    if (first.backingStorageSize !== undefined) {
      report(
        'worker backing stores (incl. wasm) 1 / 50',
        `${kib(first.backingStorageSize)} / ${kib(fifty.backingStorageSize)}`,
        `ratio ${(fifty.backingStorageSize / first.backingStorageSize).toFixed(2)}x`,
      );
    }
  } else {
    report('worker memory', 'n/a (no CDP worker target)');
  }
  await context.close();
} finally {
  await browser.close();
  stopServer();
}
