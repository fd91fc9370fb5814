import { expect, test } from '@playwright/test';
import { readChecklist, readLedger } from '../../src/content/content-fs.ts';
import { resolveLedgerId } from '../../src/checklist/checklist-ledger.ts';
import { axeViolationsInBothThemes, collectPageErrors, ruleFix } from './page-checks.ts';

// A reviewer follows an item's link from a pull request. The first screen of /c/<id>/ must answer
// the question (the rule, the fix), and the full explanation must be at most one click away.
const groups = readChecklist();
const ledger = readLedger();
const items = new Map(groups.flatMap((group) => group.items.map((item) => [item.id, item] as const)));
const screens = [
  { name: 'desktop', width: 1280, height: 720 },
  { name: 'phone', width: 375, height: 667 },
] as const;

for (const entry of ledger) {
  const target = resolveLedgerId(ledger, groups, entry.id)!;
  const item = items.get(target)!;
  test(`/c/${entry.id}/: the rule and the fix on the first screen, the explanation one click away`, async ({
    page,
  }) => {
    for (const screen of screens) {
      await page.setViewportSize(screen);
      await page.goto(`/c/${entry.id}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.text);
      await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
      await expect(ruleFix(page).getByRole('definition').first()).toHaveText(item.fix);
      const explanation = page.locator('[data-explanation]');
      if (!item.guideline) {
        await expect(explanation).toHaveCount(0);
        await expect(
          page.getByText('The guideline that explains this item is not written yet.'),
        ).toBeInViewport();
        continue;
      }
      await expect(explanation).toBeInViewport();
      if (screen.name === 'phone') continue;
      await explanation.click(); // the one click
      await expect(page).toHaveURL(`/guidelines/${item.guideline.page}/#${item.guideline.heading}`);
      await expect(
        page.locator(`h2[id="${item.guideline.heading}"], h3[id="${item.guideline.heading}"]`),
      ).toBeInViewport();
    }
  });
}

test('an item page has no axe violation or console error, with a guideline and without one where any is left', async ({
  page,
}) => {
  const all = [...items.values()];
  // Every item has its guideline today; an item without one would be checked here too.
  const cases = [all.find((entry) => entry.guideline), all.find((entry) => !entry.guideline)];
  const errors = collectPageErrors(page);
  for (const item of cases.filter((entry) => entry !== undefined)) {
    await page.goto(`/c/${item.id}/`);
    expect(await axeViolationsInBothThemes(page)).toEqual([]);
    expect(errors).toEqual([]);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a short URL page is the same page, with a canonical link to itself', async ({ page }) => {
    const [first] = groups[0]!.items;
    const response = await page.goto(`/c/${first!.id}/`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first!.text);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      new RegExp(`/c/${first!.id}/$`),
    );
    await expect(
      page.getByRole('link', { name: 'Mark it in a review on the pre-merge checklist' }),
    ).toHaveAttribute('href', `/checklist/#${first!.id}`);
  });
});

// A guideline page's own rule and fix under its title: tests/e2e/layout.spec.ts, on its laptop-width load.
