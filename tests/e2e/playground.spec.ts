import { expect, test, type Locator, type Page } from '@playwright/test';
import { parseQueryCountFormula } from '../../src/analysis/query-count-formula.ts';
import { BOOT_ROOT_MARGIN } from '../../src/client/playground-boot.ts';
import type { PlaygroundConfig } from '../../src/client/playground-config.ts';
import { encodeEdit } from '../../src/client/variant-edits.ts';
import {
  axeViolationsInBothThemes,
  collectPageErrors,
  fontsInUse,
  untilMainThreadIdle,
} from './page-checks.ts';
import { guidelinePaths } from './site-pages.ts';

const FK_PAGE = '/guidelines/n-plus-one-foreign-keys/';
const RUN_TIMEOUT = { timeout: 90_000 };

async function configOf(playground: Locator): Promise<PlaygroundConfig> {
  return JSON.parse((await playground.getAttribute('data-config'))!) as PlaygroundConfig;
}

async function runAndWait(playground: Locator) {
  await playground.locator('button[data-action="run"]').click();
  await expect(playground.locator('[data-status]')).toContainText('Finished', RUN_TIMEOUT);
}

const pane = (playground: Locator, variant: string) =>
  playground.locator(`.playground-pane[data-variant="${variant}"]`);

const firstPlayground = (page: Page) => page.locator('rt-playground').first();

/** The foreign-key page with its bad variant edited (as a reader's stored edit) into an endless loop. */
async function withEndlessBadVariant(page: Page): Promise<Locator> {
  await page.addInitScript(
    ([key, value]) => localStorage.setItem(key!, value!),
    ['round-trip:edit:books-with-authors:bad', encodeEdit('export default async () => { for (;;) {} }')],
  );
  await page.goto(FK_PAGE);
  const playground = firstPlayground(page);
  await expect(pane(playground, 'bad').locator('[data-edit-note]')).toContainText('Edited');
  return playground;
}

for (const path of guidelinePaths()) {
  test(`${path}: every playground runs with the claimed round trips and results, on one worker, and the page has no console error or axe violation`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const errors = collectPageErrors(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const playgrounds = page.locator('rt-playground');
    const count = await playgrounds.count();
    for (let i = 0; i < count; i++) {
      const playground = playgrounds.nth(i);
      await playground.scrollIntoViewIfNeeded();
      const config = await configOf(playground);
      // Counts and results only: the first pass is enough (the two-pass timing is tested below).
      await playground.evaluate((element) => ((element as HTMLElement).dataset.passes = '1'));
      await runAndWait(playground);
      for (const variant of config.variants) {
        const results = pane(playground, variant.id);
        const expected = parseQueryCountFormula(variant.queries).evaluate(config.n.default);
        await expect(results.locator('.run-count'), `${config.example}/${variant.id}`).toHaveText(
          `${expected.toLocaleString('en')} ${expected === 1 ? 'SQL round trip' : 'SQL round trips'}`,
        );
        // Every kind of round trip matches its claim; nothing failed or was stopped.
        await expect(results.locator('.claim-bad, .result-bad, .run-error, .run-stopped')).toHaveCount(0);
      }
    }
    // One engine for the page: the SharedWorker (which page.workers() does not list), or one
    // dedicated worker where there is none.
    expect(page.workers().length).toBeLessThanOrEqual(1);
    // The whole page, with the rendered results and their colours, in both themes (pages.spec.ts
    // leaves guideline pages to this test).
    expect(await axeViolationsInBothThemes(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test.describe('the foreign-key playground', () => {
  test('sits side by side at 1280 × 800 and says what the comparison means', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(FK_PAGE);
    const playground = firstPlayground(page);
    const [bad, good] = [
      await pane(playground, 'bad').boundingBox(),
      await pane(playground, 'good').boundingBox(),
    ];
    expect(Math.abs(bad!.y - good!.y)).toBeLessThan(2);
    expect(good!.x).toBeGreaterThan(bad!.x + bad!.width - 1);
    await runAndWait(playground);
    const comparison = playground.locator('[data-comparison]');
    await expect(comparison).toBeVisible();
    await expect(comparison.locator('.comparison-sentence')).toContainText(
      /^One query with a join: 100 fewer round trips, /,
    );
    await expect(comparison.locator('.comparison-sentence')).toContainText('same result');
    await expect(comparison.locator('[data-figure="round-trips"] .bar-value')).toHaveText(['101', '1']);
  });

  test('sets its results in fonts the page already uses, so the first Run waits on no font lookup', async ({
    page,
  }) => {
    // Each font size new to the page made the first Run's layout ask the browser process about
    // it: ≈180 ms of one cold Run's 2.3 s here (Chromium trace: FontCache::GetFontPlatformData).
    await page.goto(FK_PAGE);
    const before = new Set(await fontsInUse(page));
    const playground = firstPlayground(page);
    await runAndWait(playground);
    await expect(playground.locator('.run-count').first()).toBeVisible();
    const added = (await fontsInUse(page, 'rt-playground')).filter((font) => !before.has(font));
    expect(added).toEqual([]);
  });

  test('shows each figure as measured, simulated or modeled, with the median and spread of the runs', async ({
    page,
  }) => {
    await page.goto(FK_PAGE);
    const playground = firstPlayground(page);
    await runAndWait(playground);
    const metrics = pane(playground, 'bad').locator('.run-metrics');
    await expect(metrics.locator('[data-qualifier="measured"] dt').first()).toContainText('Database time');
    await expect(metrics.locator('[data-qualifier="measured"] dd').first()).toContainText(/over \d+ runs/);
    await playground.getByLabel('Modeled SQL round trip').selectOption('20');
    await expect(metrics.locator('[data-qualifier="modeled"] dt')).toContainText(
      'Total with 20 ms per SQL round trip',
    );
    const modeled = await metrics.locator('[data-qualifier="modeled"] dd').innerText();
    // 101 statements × 20 ms, plus the measured database time, shown in seconds.
    expect(modeled).toMatch(/^2\.\d\d s/);
    await playground.getByLabel('Modeled SQL round trip').selectOption('0');
    await expect(metrics.locator('[data-qualifier="modeled"]')).toHaveCount(0);
  });

  test('a new size runs again at that size; a change during a run waits for the run, then re-runs', async ({
    page,
  }) => {
    await page.goto(FK_PAGE);
    const playground = firstPlayground(page);
    const status = playground.locator('[data-status]');
    await playground.locator('button[data-action="run"]').click();
    await expect(status).toContainText('Running on n = 100');
    await playground.getByLabel('Books listed (n)').selectOption('500');
    // The run in progress finishes at its own size, then the queued re-run takes the new one.
    await expect(status).toContainText('Finished on n = 500', RUN_TIMEOUT);
    await expect(pane(playground, 'bad').locator('.run-count')).toHaveText('501 SQL round trips');
    await expect(pane(playground, 'good').locator('.run-count')).toHaveText('1 SQL round trip');
    await expect(playground.locator('.claim-bad')).toHaveCount(0);
    await expect(pane(playground, 'good')).toContainText('Same result as');
  });

  test('the log shows the N+1 as one similar group, and EXPLAIN opens from it', async ({ page }) => {
    await page.goto(FK_PAGE);
    const playground = firstPlayground(page);
    await runAndWait(playground);
    const log = pane(playground, 'bad').locator('.query-log');
    await log.locator('> summary').click();
    await expect(log.locator('> summary')).toHaveText(
      'Log: 101 entries, 2 distinct statements and calls, 1 similar group',
    );
    const group = log.locator('.query-group', { hasText: 'similar ×100' });
    await group.getByRole('button', { name: 'EXPLAIN ANALYZE this statement' }).click();
    const plan = group.locator('.plan');
    // 300 authors: the planner may scan them or use the primary key; either way the plan is of this statement.
    await expect(plan).toContainText(/(Seq|Index) Scan/, RUN_TIMEOUT);
    await expect(plan).toContainText('on authors');
    await expect(plan).toContainText('execution');
    await group.getByText('Show the 100 queries').click();
    await expect(group.locator('tbody tr')).toHaveCount(100);
  });

  test('names the N+1 on the slow variant and links the fix; the fix gets no hint', async ({ page }) => {
    await page.goto(FK_PAGE);
    const playground = firstPlayground(page);
    await runAndWait(playground);
    const hint = pane(playground, 'bad').locator('[data-hint="n-plus-one-by-id"]');
    await expect(hint).toContainText('ran 100 times');
    await expect(hint.getByRole('link')).toHaveAttribute(
      'href',
      '/guidelines/n-plus-one-foreign-keys/#the-fix-one-query-with-a-join',
    );
    await expect(pane(playground, 'good').locator('[data-hint]')).toHaveCount(0);
  });

  test('"Run at every size" draws each count against n, on the claimed formula, with a table', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto(FK_PAGE);
    const playground = firstPlayground(page);
    const config = await configOf(playground);
    await playground.locator('button[data-action="every-size"]').click();
    await expect(playground.locator('[data-status]')).toContainText(
      'Finished running at every size',
      RUN_TIMEOUT,
    );
    const chart = playground.locator('.growth-chart[data-metric="roundTrips"]');
    for (const [index, variant] of config.variants.entries()) {
      const points = chart.locator(`circle[data-variant-index="${index}"]`);
      await expect(points).toHaveCount(config.n.choices.length);
      for (const n of config.n.choices) {
        const value = await chart
          .locator(`circle[data-variant-index="${index}"][data-n="${n}"]`)
          .getAttribute('data-value');
        expect(Number(value), `${variant.id} at n = ${n}`).toBe(
          parseQueryCountFormula(variant.queries).evaluate(n),
        );
      }
    }
    await expect(chart.locator('circle.off-claim')).toHaveCount(0);
    await expect(playground.locator('.growth-table tbody tr')).toHaveCount(config.n.choices.length);
  });

  test('Stop ends an endless loop, says so, and the next Run starts fresh with the claimed counts', async ({
    page,
  }) => {
    const playground = await withEndlessBadVariant(page);
    await playground.locator('button[data-action="run"]').click();
    const stop = playground.getByRole('button', { name: 'Stop' });
    await expect(stop).toBeVisible();
    await expect(pane(playground, 'bad')).toContainText('Running…', RUN_TIMEOUT);
    await stop.click();
    await expect(playground.locator('[data-status]')).toContainText('Stopped on n = 100');
    await expect(pane(playground, 'bad').locator('.run-stopped .run-headline')).toHaveText('Stopped');
    await expect(playground.locator('button[data-action="run"]')).toHaveText('Run');
    await pane(playground, 'bad').getByRole('button', { name: 'Reset to original' }).click();
    await runAndWait(playground);
    await expect(pane(playground, 'bad').locator('.run-count')).toHaveText('101 SQL round trips');
    await expect(pane(playground, 'good')).toContainText('Same result as');
  });

  test('Run posts every variant at once: the next one runs while the page renders the one before', async ({
    page,
  }) => {
    // Each run call the page posts to the engine (a SharedWorker's port or a dedicated worker),
    // with what the other pane showed at that moment.
    await page.addInitScript(() => {
      const posts: string[] = [];
      (window as unknown as { runPosts: string[] }).runPosts = posts;
      for (const prototype of [MessagePort.prototype, Worker.prototype]) {
        const post = prototype.postMessage as (this: unknown, ...args: unknown[]) => void;
        prototype.postMessage = function (this: unknown, ...args: unknown[]) {
          const call = args[0] as { method?: string; args?: { variant?: string } } | undefined;
          if (call?.method === 'run') {
            const shown = document.querySelector('.playground-pane[data-variant="bad"] .run-count') !== null;
            posts.push(`${call.args?.variant}: bad's results ${shown ? 'shown' : 'not shown yet'}`);
          }
          post.apply(this, args);
        } as typeof prototype.postMessage;
      }
    });
    await page.goto(FK_PAGE);
    const playground = firstPlayground(page);
    await runAndWait(playground);
    const posts = await page.evaluate(() => (window as unknown as { runPosts: string[] }).runPosts);
    // First pass: both runs posted before the bad variant's results are on the page.
    expect(posts.slice(0, 2)).toEqual([
      "bad: bad's results not shown yet",
      "good: bad's results not shown yet",
    ]);
    await expect(pane(playground, 'bad').locator('.run-count')).toHaveText('101 SQL round trips');
    await expect(pane(playground, 'good')).toContainText('Same result as');
  });

  test('a variant that runs out of time leaves the next one its own run on a fresh engine', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const playground = await withEndlessBadVariant(page);
    await runAndWait(playground);
    await expect(pane(playground, 'bad')).toContainText('Stopped after 10 s');
    // The good variant's run was queued behind it when the time limit restarted the engine.
    await expect(pane(playground, 'good').locator('.run-count')).toHaveText('1 SQL round trip');
  });

  test('the time limit stops a runaway run while the page stays responsive, and the next Run works', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const errors = collectPageErrors(page);
    await page.goto(FK_PAGE);
    const playground = firstPlayground(page);
    await runAndWait(playground);
    await expect(pane(playground, 'good')).toContainText('per SQL round trip');
    const stopped = playground.evaluate((element) => {
      element.dataset.endlessRun = 'spinning';
      return (element as HTMLElement & { runSource(v: string, s: string, ms: number): Promise<void> })
        .runSource('bad', 'export default async () => { for (;;) {} }', 3000)
        .then(() => void (element.dataset.endlessRun = 'over'));
    });
    // While the worker spins, the page still handles input: another round-trip time re-renders at once.
    await playground.getByLabel('Modeled SQL round trip').selectOption('0');
    await expect(pane(playground, 'good')).not.toContainText('per SQL round trip');
    expect(await playground.getAttribute('data-endless-run')).toBe('spinning');
    await stopped;
    await expect(pane(playground, 'bad')).toContainText('Stopped after 3 s');
    await expect(pane(playground, 'bad')).toContainText('clock.sleep');
    await runAndWait(playground);
    await expect(pane(playground, 'bad').locator('.run-count')).toHaveText('101 SQL round trips');
    expect(errors).toEqual([]);
  });

  test('after a run, "Copy as a test" offers the generated tests by keyboard, and copying announces itself', async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const errors = collectPageErrors(page);
    await page.goto(FK_PAGE);
    const playground = firstPlayground(page);
    await expect(playground.locator('[data-tests]')).toBeHidden();
    await runAndWait(playground);
    const summary = playground.getByText('Copy as a test: pin “One query with a join” at 1 queries');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(playground.getByText('the tests run your code at n = 10 and n = 100')).toBeVisible();
    for (const [button, file, marker] of [
      ['Copy pytest-django test', 'test_books_with_authors_query_count.py', 'django_assert_num_queries'],
      ['Copy Django TestCase', 'test_books_with_authors_query_count_testcase.py', 'assertNumQueries'],
      ['Copy Vitest test (Kysely)', 'books-with-authors.query-count.test.ts', "from 'vitest'"],
    ] as const) {
      await playground.getByRole('button', { name: button }).focus();
      await page.keyboard.press('Enter');
      await expect(playground.locator('[data-status]')).toContainText(`(${file})`);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(marker);
      expect(copied).toContain('Measured in the playground: 1 query at n = 100, as claimed.');
    }
    expect(await axeViolationsInBothThemes(page, 'rt-playground')).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('an SQL error shows in its own pane with its SQLSTATE; the other pane keeps its result', async ({
    page,
  }) => {
    await page.goto(FK_PAGE);
    const playground = firstPlayground(page);
    await runAndWait(playground);
    await playground.evaluate((element) =>
      (element as HTMLElement & { runSource(v: string, s: string): Promise<void> }).runSource(
        'bad',
        'export default async ({ db, sql }) => sql`SELECT * FROM no_such_table`.execute(db)',
      ),
    );
    await expect(pane(playground, 'bad').locator('.run-error')).toContainText('SQLSTATE 42P01');
    await expect(pane(playground, 'good').locator('.run-count')).toHaveText('1 SQL round trip');
  });

  test('too many bind parameters are explained in plain words, with a hint to batch', async ({ page }) => {
    await page.goto(FK_PAGE);
    const playground = firstPlayground(page);
    await playground.evaluate((element) =>
      (element as HTMLElement & { runSource(v: string, s: string): Promise<void> }).runSource(
        'good',
        "export default async ({ db }) => db.selectFrom('books').select('id').where('id', 'in', Array.from({ length: 70000 }, (_, i) => i)).execute()",
      ),
    );
    await expect(pane(playground, 'good').locator('.run-error')).toContainText('at most 65,535');
    await expect(pane(playground, 'good').locator('[data-hint="parameter-limit"]')).toBeVisible();
  });

  test('results, an opened log, a plan and the growth chart are accessible in both themes', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto(FK_PAGE);
    const playground = firstPlayground(page);
    await runAndWait(playground);
    await pane(playground, 'bad').locator('.query-log > summary').click();
    await pane(playground, 'bad')
      .getByRole('button', { name: 'EXPLAIN ANALYZE this statement' })
      .first()
      .click();
    await expect(pane(playground, 'bad').locator('.plan')).toBeVisible(RUN_TIMEOUT);
    await playground.locator('button[data-action="every-size"]').click();
    await expect(playground.locator('.growth-chart').first()).toBeVisible(RUN_TIMEOUT);
    expect(await axeViolationsInBothThemes(page, 'rt-playground')).toEqual([]);
  });

  test('results, the comparison and an opened log fit a 375 px screen, panes stacked', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(FK_PAGE);
    const playground = firstPlayground(page);
    await runAndWait(playground);
    const log = pane(playground, 'bad').locator('.query-log');
    await log.locator('> summary').click();
    await log.getByText('Show the 100 queries').click();
    const [bad, good] = [
      await pane(playground, 'bad').boundingBox(),
      await pane(playground, 'good').boundingBox(),
    ];
    expect(good!.y).toBeGreaterThan(bad!.y + bad!.height - 1);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('works from the keyboard alone', async ({ page }) => {
    await page.goto(FK_PAGE);
    const playground = firstPlayground(page);
    await playground.locator('button[data-action="run"]').focus();
    await page.keyboard.press('Enter');
    await expect(playground.locator('[data-status]')).toContainText('Finished on n = 100', RUN_TIMEOUT);
    // Tab past "Run at every size" to the size control and pick the next size: it runs again.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(playground.getByLabel('Books listed (n)')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(playground.locator('[data-status]')).toContainText('Finished on n = 500', RUN_TIMEOUT);
    const summary = pane(playground, 'bad').locator('.query-log > summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(pane(playground, 'bad').getByText('similar ×500')).toBeVisible();
  });

  test('the engine starts only when the playground comes within reach', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 400 });
    await page.goto(FK_PAGE);
    const playground = firstPlayground(page);
    // First what must have happened: the element has upgraded and its observer has reported. An
    // observer created after the page's one is told in the same task or a later one.
    await expect(playground.locator('button[data-action="run"]')).toBeVisible();
    const inReach = await playground.evaluate(
      (element, rootMargin) =>
        new Promise<boolean>((resolve) => {
          const observer = new IntersectionObserver(
            (entries) => {
              observer.disconnect();
              resolve(entries.some((entry) => entry.isIntersecting));
            },
            { rootMargin },
          );
          observer.observe(element);
        }),
      BOOT_ROOT_MARGIN,
    );
    expect(inReach, 'the playground must start out of reach for this test to mean anything').toBe(false);
    await untilMainThreadIdle(page);
    await expect(playground).not.toHaveAttribute('data-engine');
    await playground.scrollIntoViewIfNeeded();
    await expect(playground).toHaveAttribute('data-engine', /starting|ready/);
  });

  test('without SharedWorker the engine runs in a dedicated worker, with the same results', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      // @ts-expect-error: a browser without SharedWorker
      delete window.SharedWorker;
    });
    // The engine's downloads, in the order the browser reports them (a dedicated worker's requests
    // reach the page's events; a SharedWorker's do not, and it runs the same engine code).
    const events: string[] = [];
    const name = (url: string) => new URL(url).pathname.split('/').pop()!;
    page.on('request', (request) => events.push(`request ${name(request.url())}`));
    page.on('requestfinished', (request) => events.push(`finished ${name(request.url())}`));
    await page.goto(FK_PAGE);
    const playground = firstPlayground(page);
    await runAndWait(playground);
    expect(page.workers()).toHaveLength(1);
    // PGlite's wasm and data start downloading with the dataset archive, not after it; initdb.wasm,
    // which only creates a new cluster, is never fetched for a boot from an archive.
    const at = (event: RegExp) => events.findIndex((e) => event.test(e));
    const archiveDone = at(/^finished library\.[0-9a-f]+\.tar\.gz$/);
    expect(archiveDone, events.join('\n')).toBeGreaterThan(-1);
    expect(at(/^request pglite-[\w-]+\.wasm$/)).toBeGreaterThan(-1);
    expect(at(/^request pglite-[\w-]+\.wasm$/)).toBeLessThan(archiveDone);
    expect(at(/^request pglite-[\w-]+\.data$/)).toBeGreaterThan(-1);
    expect(at(/^request pglite-[\w-]+\.data$/)).toBeLessThan(archiveDone);
    expect(events.filter((e) => e.includes('initdb'))).toEqual([]);
    await expect(pane(playground, 'bad').locator('.run-count')).toHaveText('101 SQL round trips');
    await expect(pane(playground, 'good')).toContainText('Same result as');
  });

  test('the next page of a visit uses the same booted engine', async ({ page }) => {
    await page.goto(FK_PAGE);
    await runAndWait(firstPlayground(page));
    await page.goto('/guidelines/prefetch-related-rows/');
    const next = firstPlayground(page);
    await next.scrollIntoViewIfNeeded();
    await expect(next).toHaveAttribute('data-engine', 'ready', RUN_TIMEOUT);
    // The engine reports what booting this page cost: nothing, it was already up.
    expect(await next.getAttribute('data-engine-boot')).toBe('warm');
    await runAndWait(next);
    await expect(next.locator('.claim-bad, .run-error')).toHaveCount(0);
  });
});

test('without JavaScript the playground shows both variants and their claims, and no controls', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(FK_PAGE);
  const playground = firstPlayground(page);
  await expect(playground.locator('pre.astro-code')).toHaveCount(2);
  await expect(playground).toContainText('Claimed round trips');
  await expect(playground.getByRole('button', { name: 'Run' })).toHaveCount(0);
  for (const placeholder of await playground.getByText('Not run yet.').all())
    await expect(placeholder).toBeHidden();
  await context.close();
});
