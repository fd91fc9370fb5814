import { expect, test } from '@playwright/test';
import { axeViolationsInBothThemes, collectPageErrors } from './page-checks.ts';
import { guidelinePaths, sitemapPaths } from './site-pages.ts';

const pages = [...sitemapPaths(), '/search/', '/404.html'];
// Guideline pages get the same check (status, heading, console, axe of the whole page in both
// themes) in playground.spec.ts, after every playground on them has run: one page load and one
// engine boot per page instead of two, and axe also sees the rendered results.
const checkedHere = pages.filter((path) => !guidelinePaths().includes(path));

test('the sitemap lists the home page, the checklist and every guideline', () => {
  const paths = sitemapPaths();
  expect(paths).toContain('/');
  expect(paths).toContain('/checklist/');
  expect(guidelinePaths().length).toBeGreaterThanOrEqual(2);
});

for (const path of checkedHere) {
  test(`${path} renders with no console error and no axe violation`, async ({ page }) => {
    const errors = collectPageErrors(page);
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await axeViolationsInBothThemes(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('the home page lists every guideline with its summary', async ({ page }) => {
  await page.goto('/');
  for (const path of guidelinePaths()) {
    const link = page.locator(`main a[href="${path}"]`);
    await expect(link).toHaveCount(1);
    await expect(link.locator('xpath=following-sibling::p')).not.toBeEmpty();
  }
});

test('an unknown address gets the 404 page', async ({ page }) => {
  const response = await page.goto('/guidelines/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
