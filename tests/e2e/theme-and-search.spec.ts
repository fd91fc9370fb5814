import { expect, test } from '@playwright/test';

test.describe('theme', () => {
  test('follows the system preference when nothing is stored', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await context.close();
  });

  test('the toggle switches the theme and the choice survives a reload with no flash', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/guidelines/n-plus-one-foreign-keys/');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    // The theme must be set before the body is parsed, or the page flashes light first.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { themeAtBody: string }).themeAtBody =
            document.documentElement.dataset.theme ?? 'unset';
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe(
      'dark',
    );
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  });

  test('a theme saved under the old storage key is still used, and moves to round-trip:theme', async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('round-trip-theme', 'dark');
        sessionStorage.setItem('seeded', '1');
      }
    });
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(
      await page.evaluate(() => [
        localStorage.getItem('round-trip:theme'),
        localStorage.getItem('round-trip-theme'),
      ]),
    ).toEqual(['dark', null]);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });
});

test('search finds a guideline by a word from its body', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search the guidelines' });
  // "manager" appears only in the body of the prefetch page, not in a title or summary.
  await box.fill('manager');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=manager/);
  await expect(page.getByRole('status')).toContainText(/\d+ pages? for/);
  await expect(
    page.getByRole('list').getByRole('link', { name: /Many-to-many and reverse relations/ }),
  ).toBeVisible();
});

test('search says so when nothing matches', async ({ page }) => {
  await page.goto('/search/?q=zzzyxwv');
  await expect(page.getByRole('status')).toContainText('No guideline mentions');
});
