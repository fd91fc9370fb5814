import { expect, test } from '@playwright/test';
import { guidelinePaths } from './site-pages.ts';

// Checklist links into the guidelines are walked from each item's /c/<id>/ page (item-links.spec.ts).

for (const path of guidelinePaths()) {
  test(`${path}: nav, table of contents and previous/next links resolve`, async ({ page, request }) => {
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.goto(path);

    const nav = page.getByRole('navigation', { name: 'Guidelines' });
    await expect(nav.locator('a[aria-current="page"]')).toHaveAttribute('href', path);
    const navTargets = await nav
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname));
    expect(navTargets.length).toBeGreaterThanOrEqual(2);
    for (const target of navTargets) expect((await request.get(target)).status(), target).toBe(200);

    const toc = page.getByRole('navigation', { name: 'On this page' });
    const anchors = await toc
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).hash.slice(1)));
    expect(anchors.length).toBeGreaterThan(2);
    for (const anchor of anchors) {
      await expect(page.locator(`[id="${decodeURIComponent(anchor)}"]`), anchor).toHaveCount(1);
    }

    const prevNext = page.getByRole('navigation', { name: 'Previous and next guideline' });
    for (const target of await prevNext
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).pathname))) {
      expect((await request.get(target)).status(), target).toBe(200);
    }
  });
}
