import { expect, test, type Page } from '@playwright/test';
import { axeViolationsInBothThemes, collectPageErrors } from './page-checks.ts';

// The pooling page: its connection calculator (a worked example without JavaScript, a live
// calculator with it: keyboard only, the verdict announced politely, wrong input named), and what
// its playground's query log shows about the extra sessions.
const PAGE = '/guidelines/connection-pooling/';

const calculator = (page: Page) => page.locator('rt-connection-calculator');
const verdict = (page: Page) => calculator(page).locator('[data-verdict]');
const row = (page: Page, label: string) =>
  calculator(page)
    .locator('tr', { has: page.getByRole('rowheader', { name: label, exact: true }) })
    .locator('td');

test('works from the keyboard alone, and announces the verdict politely', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto(PAGE);
  await expect(verdict(page)).toHaveAttribute('aria-live', 'polite');
  const instances = calculator(page).getByLabel('App instances');
  await expect(instances).toBeEnabled();

  // Tab reaches the first input; the arrow keys change it, and the result follows.
  await instances.scrollIntoViewIfNeeded();
  await page.getByRole('heading', { name: 'How many connections does your deployment open?' }).click();
  await page.keyboard.press('Tab');
  await expect(instances).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(instances).toHaveValue('5');
  await expect(row(page, 'Connections the app opens at most')).toHaveText('5 × 4 × 4 = 80');
  await expect(verdict(page)).toHaveAttribute('data-state', 'tight');

  // Ten instances of 4 × 4: over the 97 slots, and the error PostgreSQL sends is named.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10');
  await expect(verdict(page)).toContainText('Over the limit by 63');
  await expect(verdict(page)).toContainText('sorry, too many clients already');
  await expect(verdict(page)).toHaveAttribute('data-state', 'over');

  // A pool of 2 per process: 10 × 4 × 2 = 80, and the threads that wait for one.
  const pool = calculator(page).getByLabel('Pool size per process');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(pool).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2');
  await expect(row(page, 'Connections per process')).toHaveText("2 (the pool's size)");
  await expect(verdict(page)).toContainText('up to 2 threads wait for one');

  // An empty input is named, and marked invalid; fixing it brings the result back.
  await page.keyboard.press('Backspace');
  await expect(pool).toHaveAttribute('aria-invalid', 'true');
  await expect(verdict(page)).toHaveText('Pool size per process must be a whole number from 0 to 256.');
  await page.keyboard.type('0');
  await expect(pool).not.toHaveAttribute('aria-invalid', 'true');
  await expect(row(page, 'Connections per process')).toHaveText('4 (one per thread)');

  expect(await axeViolationsInBothThemes(page, 'rt-connection-calculator')).toEqual([]);
  expect(errors).toEqual([]);
});

test('the query log says which session each statement went to, and shows the warning of the unlock on the wrong one', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto(PAGE);
  const playground = page.locator('rt-playground').first();
  await playground.scrollIntoViewIfNeeded();
  await playground.locator('button[data-action="run"]').click();
  await expect(playground.locator('[data-status]')).toContainText('Finished', { timeout: 90_000 });
  const pane = playground.locator('.playground-pane[data-variant="transaction-pool"]');
  await pane.getByText(/^Log: /).click();
  await expect(pane.locator('.badge', { hasText: 'on session 2' }).first()).toBeVisible();
  await expect(pane.locator('.badge', { hasText: 'on session 3' }).first()).toBeVisible();
  const messages = pane.locator('.query-notices');
  await expect(messages).toHaveCount(1);
  await messages.locator('summary').click();
  await expect(messages).toContainText('PostgreSQL sent 1 message');
  await expect(messages.locator('pre')).toContainText("you don't own a lock");
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the calculator is a readable worked example with its inputs disabled', async ({ page }) => {
    await page.goto(PAGE);
    await expect(calculator(page).getByLabel('App instances')).toBeDisabled();
    await expect(row(page, 'Connections the app opens at most')).toHaveText('4 × 4 × 4 = 64');
    await expect(row(page, 'Slots the app may use')).toHaveText('100 − 3 = 97');
    await expect(verdict(page)).toContainText('A rolling deploy that starts the new instances');
  });
});
