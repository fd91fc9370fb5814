import { expect, test } from '@playwright/test';
import { layoutShifts, waitForPageToSettle } from './page-checks.ts';
import { sitemapPaths } from './site-pages.ts';

/** Lighthouse's "good" threshold for cumulative layout shift. */
const MAX_CLS = 0.1;

const viewports = [
  { name: 'desktop', width: 1280, height: 720 },
  { name: 'phone', width: 375, height: 800 },
] as const;

for (const path of sitemapPaths()) {
  for (const viewport of viewports) {
    test(`${path} loads without layout shift (${viewport.name})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.goto(path);
      await waitForPageToSettle(page);
      const { cls, shifts } = await layoutShifts(page);
      expect(cls, JSON.stringify(shifts, null, 1)).toBeLessThan(MAX_CLS);
    });
  }
}
