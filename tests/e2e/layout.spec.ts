import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { guidelineSchema } from '../../src/content/guideline-schema.ts';
import { readGuidelineFrontmatter } from '../support/content-files.ts';
import { layoutShifts, ruleFix, waitForPageToSettle } from './page-checks.ts';
import { guidelinePaths, sitemapPaths } from './site-pages.ts';

// One load of each page per width checks everything that width is for: layout shift on both,
// horizontal scroll on a phone, and on a laptop a guideline page's rule and fix on the first
// screen and its links (the table of contents shows there). Each check used to load the page on
// its own, and on a guideline page each load boots the engine.
// Checklist links into the guidelines are walked from each item's /c/<id>/ page (item-links.spec.ts).

/** Lighthouse's "good" threshold for cumulative layout shift. */
const MAX_CLS = 0.1;

const pages = [...sitemapPaths(), '/search/', '/404.html'];
const guidelines = new Set(guidelinePaths());
const ruleAndFix = new Map(
  [...readGuidelineFrontmatter()].map(([slug, frontmatter]) => {
    const { rule, fix } = guidelineSchema.parse(frontmatter);
    return [`/guidelines/${slug}/` as string, [rule, fix]] as const;
  }),
);

async function expectNoLayoutShift(page: Page) {
  await waitForPageToSettle(page);
  const { cls, shifts } = await layoutShifts(page);
  expect(cls, JSON.stringify(shifts, null, 1)).toBeLessThan(MAX_CLS);
}

/** The rule and the fix from the page's frontmatter, in a box right under the title. */
async function expectRuleAndFixUnderTitle(page: Page, path: string) {
  const box = ruleFix(page);
  await expect(box.getByRole('definition')).toHaveText(ruleAndFix.get(path)!);
  await expect(box.getByRole('term')).toHaveText(['Rule', 'Fix']);
  await expect(box).toBeInViewport();
  await expect(page.locator('h1 + .rule-fix')).toHaveCount(1);
}

async function expectLinksResolve(page: Page, request: APIRequestContext, path: string) {
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
}

test('every guideline in content/ is a built page checked here', () => {
  expect(ruleAndFix.size).toBeGreaterThanOrEqual(2);
  expect([...guidelines].sort()).toEqual([...ruleAndFix.keys()].sort());
});

for (const path of pages) {
  const links = guidelines.has(path)
    ? ', opens with its rule and fix under the title, and its nav, contents and previous/next links resolve'
    : '';
  test(`${path} loads without layout shift at 1280 × 720${links}`, async ({ page, request }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(path);
    await expectNoLayoutShift(page);
    if (!guidelines.has(path)) return;
    await expectRuleAndFixUnderTitle(page, path);
    await expectLinksResolve(page, request, path);
  });

  test(`${path} loads without layout shift or horizontal scroll at 375 × 800`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(path);
    await expectNoLayoutShift(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
