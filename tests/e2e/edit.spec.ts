import { expect, test } from '@playwright/test';
import { axeViolationsInBothThemes, collectPageErrors, untilMainThreadIdle } from './page-checks.ts';

const FK_PAGE = '/guidelines/n-plus-one-foreign-keys/';
const EDITED =
  "export default async ({ db, n }) => db.selectFrom('books').select('title').orderBy('id').limit(n).execute();";

test('Edit loads the editor on demand, Run uses the edited code, and the edit survives a reload until Reset', async ({
  page,
}) => {
  // The editor with its TypeScript worker, then two Runs, one on an engine booted for edited code:
  // on two busy cores, more than the default minute.
  test.slow();
  const errors = collectPageErrors(page);
  await page.goto(FK_PAGE);
  const playground = page.locator('rt-playground').first();
  const good = playground.locator('.playground-pane[data-variant="good"]');

  await good.getByRole('button', { name: 'Edit code' }).click();
  const editor = good.getByRole('textbox', { name: /Code of “One query with a join”/ });
  await expect(editor).toBeFocused({ timeout: 30_000 });
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(EDITED);
  await expect(good.getByText('Edited: Run uses your code, saved in this browser.')).toBeVisible();
  expect(await axeViolationsInBothThemes(page, 'rt-playground')).toEqual([]);

  await playground.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(playground.getByRole('status')).toContainText('Finished', { timeout: 60_000 });
  await expect(good.locator('.run-count')).toHaveText('1 SQL round trip');
  await expect(good.locator('.result-bad')).toContainText('Mismatch');

  await page.reload();
  const goodAgain = page.locator('rt-playground').first().locator('.playground-pane[data-variant="good"]');
  await expect(goodAgain.getByText('Edited: Run uses your code, saved in this browser.')).toBeVisible();
  await goodAgain.getByRole('button', { name: 'Reset to original' }).click();
  await expect(goodAgain.getByRole('button', { name: 'Reset to original' })).toBeHidden();
  await page.locator('rt-playground').first().getByRole('button', { name: 'Run', exact: true }).click();
  await expect(goodAgain).toContainText('Same result as', { timeout: 60_000 });
  expect(errors).toEqual([]);
});

test('the editor code and styles are not loaded before Edit is pressed', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(FK_PAGE);
  const playground = page.locator('rt-playground').first();
  await playground.scrollIntoViewIfNeeded();
  // First what must have happened: the playground has upgraded (its Edit bar exists), its worker,
  // loaded when it comes into view, has started, and the page has gone idle since.
  await expect(playground.getByRole('button', { name: 'Edit code' }).first()).toBeVisible();
  await expect(playground).toHaveAttribute('data-engine', 'ready', { timeout: 60_000 });
  await untilMainThreadIdle(page);
  // The editor chunk, its workers (Monaco's editor worker, TypeScript's), the TypeScript mode and
  // the dataset and Kysely types.
  expect(
    requests.filter((url) =>
      /code-editor|editor\.worker|ts\.worker|tsMode|editor-type-files|monaco/.test(url),
    ),
  ).toEqual([]);
  // Monaco's own stylesheet must not be linked from the page either (astro.config.mjs).
  const stylesheets = await page
    .locator('link[rel="stylesheet"]')
    .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  expect(stylesheets.filter((href) => /code-editor|monaco/.test(href))).toEqual([]);
});

test('the editor knows the dataset and Kysely: a wrong column is underlined before Run, tables are completed', async ({
  page,
}) => {
  const errors = collectPageErrors(page);
  await page.goto(FK_PAGE);
  const playground = page.locator('rt-playground').first();
  const bad = playground.locator('.playground-pane[data-variant="bad"]');
  await expect(bad.locator('pre.astro-code')).toContainText(".select(['id', 'title', 'author_id'])");

  await bad.getByRole('button', { name: 'Edit code' }).click();
  const editor = bad.getByRole('textbox', { name: /Code of “Follow the foreign key per book”/ });
  await expect(editor).toBeFocused({ timeout: 30_000 });
  const host = bad.locator('.code-editor');
  const squiggles = host.locator('.squiggly-error');
  /** Puts the cursor at the end of the first line showing `text`, then moves it `left` characters. */
  const cursorInto = async (text: string, left: number) => {
    await host.locator('.view-line', { hasText: text }).first().click();
    await page.keyboard.press('End');
    for (let i = 0; i < left; i++) await page.keyboard.press('ArrowLeft');
  };
  // Rename a selected column to one the books table does not have: underlined, with nothing run.
  await cursorInto("'author_id'])", 3); // before the closing quote
  await page.keyboard.type('ent');
  await expect(host.locator('.view-line', { hasText: "'author_ident'" })).toBeVisible();
  await expect(squiggles.first()).toBeVisible({ timeout: 30_000 });
  // Undone, the shipped code has none: the underline came from the wrong name.
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(host.locator('.view-line', { hasText: "'author_id'" }).first()).toBeVisible();
  await expect(squiggles).toHaveCount(0, { timeout: 30_000 });

  // Completion of table names inside selectFrom('…').
  await cursorInto(".selectFrom('books')", 2);
  for (let i = 0; i < 'books'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+Space');
  const suggestions = page.locator('.suggest-widget.visible');
  await expect(suggestions).toContainText('authors', { timeout: 30_000 });
  await expect(suggestions).toContainText('book_tags');

  await expect(playground.getByRole('status')).not.toContainText('Finished');
  expect(errors).toEqual([]);
});
