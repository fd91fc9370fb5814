import { readdirSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { WORKER_POLICY } from '../../src/site/content-security-policy.ts';
import { collectPageErrors } from './page-checks.ts';
import { sitemapPaths } from './site-pages.ts';

const FK_PAGE = '/guidelines/n-plus-one-foreign-keys/';
const REFUSED = 'network access is not available to playground code';

/** Replaces a variant's code through the real editor (Monaco), as a reader would. */
async function editThroughEditor(page: Page, pane: Locator, code: string) {
  const editor = pane.getByRole('textbox', { name: /^Code of/ });
  if (await editor.isVisible()) await editor.focus();
  else await pane.getByRole('button', { name: 'Edit code' }).click();
  await expect(editor).toBeFocused({ timeout: 30_000 });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(code);
  await expect(pane.getByText('Edited: Run uses your code')).toBeVisible();
}

async function runAndWait(playground: Locator) {
  await playground.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(playground.getByRole('status')).toContainText(/Finished|Stopped/, { timeout: 90_000 });
}

test('every page carries a Content-Security-Policy, and the worker scripts are served with theirs', async ({
  page,
}) => {
  for (const path of sitemapPaths()) {
    const html = await (await page.request.get(path)).text();
    expect(html, path).toMatch(/<meta http-equiv="content-security-policy" content="[^"]*script-src 'self'/);
    expect(html, path).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  }
  const worker = readdirSync(new URL('../../dist/_astro/', import.meta.url)).find((file) =>
    file.startsWith('worker-entry-'),
  );
  const response = await page.request.get(`/_astro/${worker}`);
  expect(response.headers()['content-security-policy']).toContain(WORKER_POLICY);
});

test('edited code can import from kysely, and cannot reach the network', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = collectPageErrors(page);
  await page.goto(FK_PAGE);
  const playground = page.locator('rt-playground').first();
  const good = playground.locator('.playground-pane[data-variant="good"]');
  const bad = playground.locator('.playground-pane[data-variant="bad"]');

  await editThroughEditor(
    page,
    good,
    `import { sql } from 'kysely';\nexport default async ({ db, n }) => db.selectFrom('books').select(sql<string>\`upper(title)\`.as('title')).orderBy('id').limit(n).execute();`,
  );
  await editThroughEditor(
    page,
    bad,
    `export default async () => { await fetch('https://example.org/'); return 'reached the network'; };`,
  );
  await runAndWait(playground);
  await expect(good.locator('.run-count')).toHaveText('1 SQL round trip');
  await expect(bad.locator('.run-error')).toContainText(`fetch("https://example.org/"): ${REFUSED}`);
  await expect(bad.locator('.run-error')).toContainText('code opened from a share link cannot send anything');

  // Every other way out is refused too; the variant reports what each attempt met.
  const attempts = {
    'a computed import': "() => import('https://example.org/' + 'x.js')",
    XMLHttpRequest: '() => new XMLHttpRequest()',
    WebSocket: "() => new WebSocket('wss://example.org/')",
    EventSource: "() => new EventSource('https://example.org/')",
    importScripts: "() => importScripts('https://example.org/x.js')",
    indexedDB: "() => indexedDB.open('x')",
    caches: "() => caches.open('x')",
    'navigator.storage': '() => navigator.storage.getDirectory()',
    Function: "() => Function('return 1')()",
    eval: "() => (0, eval)('1')",
    postMessage: "() => postMessage('forged')",
  };
  await editThroughEditor(
    page,
    bad,
    `export default async () => { const met = [];
const attempts = { ${Object.entries(attempts)
      .map(([name, code]) => `${JSON.stringify(name)}: ${code}`)
      .join(', ')} };
for (const [name, attempt] of Object.entries(attempts)) {
  try { await attempt(); met.push(name + ' ALLOWED'); } catch (error) { met.push(name + ' ' + error.name); }
}
throw new Error(met.join('; ')); };`,
  );
  await runAndWait(playground);
  const report = await bad.locator('.run-error').textContent();
  for (const name of Object.keys(attempts)) {
    const expected = name === 'a computed import' ? 'ImportRefusedError' : 'NetworkRefusedError';
    expect(report, name).toContain(`${name} ${expected}`);
  }
  expect(report).not.toContain('ALLOWED');
  expect(errors).toEqual([]);
});

test('a share link opens the code marked as shared, never runs it, and runs it on Run', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(FK_PAGE);
  const playground = page.locator('rt-playground').first();
  const good = playground.locator('.playground-pane[data-variant="good"]');
  const share = playground.getByRole('button', { name: 'Copy link to this code' });
  await expect(share).toBeHidden();
  const shared =
    "// Shared: only the first book\nexport default async ({ db }) => db.selectFrom('books').select('title').orderBy('id').limit(1).execute();";
  await editThroughEditor(page, good, shared);
  await share.click();
  await expect(playground.getByRole('status')).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/guidelines\/n-plus-one-foreign-keys\/#share\/books-with-authors\/1\./);

  // Opened elsewhere (a fresh context: no saved edits), the code is shown and nothing runs.
  const other = await page.context().browser()!.newContext();
  const reader = await other.newPage();
  const errors = collectPageErrors(reader);
  await reader.goto(link);
  const opened = reader.locator('rt-playground').first();
  const notice = opened.locator('[data-share-notice]');
  await expect(notice).toContainText(
    'code from a share link, not code written by this site. Nothing has run',
  );
  await expect(notice).toBeFocused();
  const openedGood = opened.locator('.playground-pane[data-variant="good"]');
  await expect(openedGood.locator('pre.shared-code')).toHaveText(shared);
  await expect(openedGood).toContainText('Shared code from a link, not written by this site. It has not run');
  await expect(openedGood.locator('.run-placeholder')).toHaveText('Not run yet.');
  await expect(opened).toHaveAttribute('data-engine', 'ready', { timeout: 60_000 });
  await expect(openedGood.locator('.run-placeholder')).toHaveText('Not run yet.');

  await runAndWait(opened);
  await expect(openedGood.locator('.run-count')).toHaveText('1 SQL round trip');
  await expect(openedGood.locator('.result-bad')).toContainText('Mismatch');
  // Reset brings back the site's code, highlighted again.
  await openedGood.getByRole('button', { name: 'Reset to original' }).click();
  await expect(openedGood.locator('pre.astro-code')).not.toHaveClass(/shared-code/);
  await expect(openedGood.locator('pre.astro-code')).toContainText("selectFrom('books')");
  expect(errors).toEqual([]);
  await other.close();
});

test('a damaged share link opens the original code with a notice', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto(`${FK_PAGE}#share/books-with-authors/1.q1YqS8wpTVWyUqpWKi1OLYpPzs8rzs9JVbJSSsrPz1GqBQA`);
  const playground = page.locator('rt-playground').first();
  await expect(playground.locator('[data-share-notice]')).toContainText('The original code is shown.');
  await expect(playground.locator('pre.shared-code')).toHaveCount(0);
  await expect(playground.getByText('Shared code from a link')).toHaveCount(0);
  expect(errors).toEqual([]);
});
