import { expect, test, type Locator } from '@playwright/test';
import { parseQueryCountFormula } from '../../src/analysis/query-count-formula.ts';
import type { PlaygroundConfig } from '../../src/client/playground-config.ts';
import { axeViolationsInBothThemes, collectPageErrors } from './page-checks.ts';
import { guidelinePaths } from './site-pages.ts';

const FK_PAGE = '/guidelines/n-plus-one-foreign-keys/';

async function configOf(playground: Locator): Promise<PlaygroundConfig> {
  return JSON.parse((await playground.getAttribute('data-config'))!) as PlaygroundConfig;
}

async function runAndWait(playground: Locator) {
  await playground.getByRole('button', { name: 'Run' }).click();
  await expect(playground.getByRole('status')).toContainText('Finished', { timeout: 60_000 });
}

const pane = (playground: Locator, variant: string) =>
  playground.locator(`.playground-pane[data-variant="${variant}"]`);

for (const path of guidelinePaths()) {
  test(`${path}: every playground runs with the declared counts and results, on one worker`, async ({
    page,
  }) => {
    const errors = collectPageErrors(page);
    await page.goto(path);
    const playgrounds = page.locator('rt-playground');
    const count = await playgrounds.count();
    test.skip(count === 0, 'no playground on this page');
    for (let i = 0; i < count; i++) {
      const playground = playgrounds.nth(i);
      await playground.scrollIntoViewIfNeeded();
      const config = await configOf(playground);
      await runAndWait(playground);
      for (const variant of config.variants) {
        const expected = parseQueryCountFormula(variant.queries).evaluate(config.n.default);
        const results = pane(playground, variant.id);
        await expect(results.locator('.run-count'), `${config.example}/${variant.id}`).toHaveText(
          `${expected.toLocaleString('en')} ${expected === 1 ? 'query' : 'queries'}`,
        );
        await expect(results.locator('.claim-ok')).toBeVisible();
        await expect(results.locator('.result-bad, .run-error, .run-stopped')).toHaveCount(0);
      }
    }
    expect(page.workers()).toHaveLength(1);
    // The rendered results, with their colours, must stay readable in both themes.
    expect(await axeViolationsInBothThemes(page, 'rt-playground')).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test.describe('the foreign-key playground', () => {
  test('changing n changes the N+1 count and not the join', async ({ page }) => {
    await page.goto(FK_PAGE);
    const playground = page.locator('rt-playground').first();
    await runAndWait(playground);
    await expect(pane(playground, 'bad').locator('.run-count')).toHaveText('101 queries');
    await playground.getByLabel('Books listed (n)').selectOption('500');
    await expect(playground.getByRole('status')).toContainText('Finished on n = 500', { timeout: 60_000 });
    await expect(pane(playground, 'bad').locator('.run-count')).toHaveText('501 queries');
    await expect(pane(playground, 'good').locator('.run-count')).toHaveText('1 query');
    await expect(pane(playground, 'good')).toContainText('Same result as');
  });

  test('the query log shows the N+1 as one similar group', async ({ page }) => {
    await page.goto(FK_PAGE);
    const playground = page.locator('rt-playground').first();
    await runAndWait(playground);
    const log = pane(playground, 'bad').locator('.query-log');
    await log.locator('> summary').click();
    await expect(log.locator('> summary')).toHaveText(
      'Query log: 101 queries, 2 distinct statements, 1 similar group',
    );
    await expect(log.getByText('similar ×100')).toBeVisible();
    await log.getByText('Show the 100 queries').click();
    await expect(log.locator('tbody tr')).toHaveCount(100);
  });

  test('the modeled round trip adds queries × round trip, labelled as a model', async ({ page }) => {
    await page.goto(FK_PAGE);
    const playground = page.locator('rt-playground').first();
    await runAndWait(playground);
    await playground.getByLabel('Modeled network round trip').selectOption('20');
    await expect(pane(playground, 'bad')).toContainText('With 20 ms per round trip');
    await expect(pane(playground, 'bad')).toContainText('(model: wall time + queries × round trip)');
    const modeled = await pane(playground, 'bad')
      .locator('dt:text("With 20 ms per round trip") + dd')
      .innerText();
    expect(Number.parseFloat(modeled)).toBeGreaterThanOrEqual(2.02); // 101 × 20 ms, shown in seconds
    await playground.getByLabel('Modeled network round trip').selectOption('0');
    await expect(pane(playground, 'bad')).not.toContainText('per round trip');
  });

  test('an endless loop is stopped, the page stays responsive, and the next Run works', async ({ page }) => {
    // It boots a worker twice and waits out a 5 s time limit in between.
    test.setTimeout(180_000);
    const errors = collectPageErrors(page);
    await page.goto(FK_PAGE);
    const playground = page.locator('rt-playground').first();
    await runAndWait(playground);
    await expect(pane(playground, 'good')).toContainText('per round trip');
    const stopped = playground.evaluate((element) => {
      element.dataset.endlessRun = 'spinning';
      return (element as HTMLElement & { runSource(v: string, s: string, ms: number): Promise<void> })
        .runSource('bad', 'export default async () => { for (;;) {} }', 5000)
        .then(() => void (element.dataset.endlessRun = 'over'));
    });
    // While the worker spins, the page still handles input: picking another round-trip time
    // re-renders the results at once, before the run has been stopped.
    await playground.getByLabel('Modeled network round trip').selectOption('0');
    await expect(pane(playground, 'good')).not.toContainText('per round trip');
    expect(await playground.getAttribute('data-endless-run')).toBe('spinning');
    await stopped;
    await expect(pane(playground, 'bad')).toContainText('Stopped after 5 s');
    await runAndWait(playground);
    await expect(pane(playground, 'bad').locator('.run-count')).toHaveText('101 queries');
    await expect(pane(playground, 'good')).toContainText('Same result as');
    expect(errors).toEqual([]);
  });

  test('an SQL error shows in its own pane with its SQLSTATE; the other pane keeps its result', async ({
    page,
  }) => {
    await page.goto(FK_PAGE);
    const playground = page.locator('rt-playground').first();
    await runAndWait(playground);
    await playground.evaluate((element) =>
      (element as HTMLElement & { runSource(v: string, s: string): Promise<void> }).runSource(
        'bad',
        'export default async ({ db, sql }) => sql`SELECT * FROM no_such_table`.execute(db)',
      ),
    );
    await expect(pane(playground, 'bad').locator('.run-error')).toContainText('SQLSTATE 42P01');
    await expect(pane(playground, 'good').locator('.run-count')).toHaveText('1 query');
  });

  test('too many bind parameters are explained in plain words', async ({ page }) => {
    await page.goto(FK_PAGE);
    const playground = page.locator('rt-playground').first();
    await playground.evaluate((element) =>
      (element as HTMLElement & { runSource(v: string, s: string): Promise<void> }).runSource(
        'good',
        "export default async ({ db }) => db.selectFrom('books').select('id').where('id', 'in', Array.from({ length: 70000 }, (_, i) => i)).execute()",
      ),
    );
    await expect(pane(playground, 'good').locator('.run-error')).toContainText('at most 65,535');
  });

  test('results are accessible in light and dark themes', async ({ page }) => {
    await page.goto(FK_PAGE);
    const playground = page.locator('rt-playground').first();
    await runAndWait(playground);
    await pane(playground, 'bad').locator('.query-log > summary').click();
    expect(await axeViolationsInBothThemes(page, 'rt-playground')).toEqual([]);
  });

  test('results and an opened query log fit a 375 px screen', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(FK_PAGE);
    const playground = page.locator('rt-playground').first();
    await runAndWait(playground);
    const log = pane(playground, 'bad').locator('.query-log');
    await log.locator('> summary').click();
    await log.getByText('Show the 100 queries').click();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('works from the keyboard alone', async ({ page }) => {
    await page.goto(FK_PAGE);
    const playground = page.locator('rt-playground').first();
    const run = playground.getByRole('button', { name: 'Run' });
    await run.focus();
    await page.keyboard.press('Enter');
    await expect(playground.getByRole('status')).toContainText('Finished on n = 100', { timeout: 60_000 });
    // Tab to the size control and pick the next size with the arrow key: it runs again.
    await page.keyboard.press('Tab');
    await expect(playground.getByLabel('Books listed (n)')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(playground.getByRole('status')).toContainText('Finished on n = 500', { timeout: 60_000 });
    const summary = pane(playground, 'bad').locator('.query-log > summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(pane(playground, 'bad').getByText('similar ×500')).toBeVisible();
  });

  test('the worker starts only when the playground comes into view', async ({ page }) => {
    await page.setViewportSize({ width: 1400, height: 600 });
    await page.goto(FK_PAGE);
    const playground = page.locator('rt-playground').first();
    // First what must have happened: the element has upgraded (its Run button exists) and its
    // visibility observer has reported. An observer created after the page's one is told in the
    // same task as it, or a later one, so once ours has answered, the page's has too.
    await expect(playground.getByRole('button', { name: 'Run' })).toBeAttached();
    const inReach = await playground.evaluate(
      (element) =>
        new Promise<boolean>((resolve) => {
          const observer = new IntersectionObserver(
            (entries) => {
              observer.disconnect();
              resolve(entries.some((entry) => entry.isIntersecting));
            },
            { rootMargin: '300px' },
          );
          observer.observe(element);
        }),
    );
    expect(inReach, 'the playground must start out of reach for this test to mean anything').toBe(false);
    expect(page.workers()).toHaveLength(0);
    await playground.scrollIntoViewIfNeeded();
    await expect.poll(() => page.workers().length).toBe(1);
  });
});

test('without JavaScript the playground shows both variants and their claims', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(FK_PAGE);
  const playground = page.locator('rt-playground').first();
  await expect(playground.locator('pre.astro-code')).toHaveCount(2);
  await expect(playground).toContainText('Claimed query counts');
  await expect(playground.getByRole('button', { name: 'Run' })).toHaveCount(0);
  await context.close();
});
