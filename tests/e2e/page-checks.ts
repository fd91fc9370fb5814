import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Console errors and uncaught exceptions of a page, collected from now on; expect it to stay empty. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * axe violations in the light and the dark theme, as readable lines (theme, rule, where);
 * an empty list means the page (or the part matched by `include`) passes in both.
 */
export async function axeViolationsInBothThemes(page: Page, include?: string): Promise<string[]> {
  const found: string[] = [];
  for (const theme of ['light', 'dark']) {
    await page.evaluate((value) => (document.documentElement.dataset.theme = value), theme);
    const builder = new AxeBuilder({ page });
    const axe = await (include ? builder.include(include) : builder).analyze();
    found.push(
      ...axe.violations.map(
        (v) => `${theme}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    );
  }
  return found;
}

/**
 * Resolves once the page has painted a frame and then gone idle: the scripts that ran on load
 * and whatever they started synchronously are done. Check for something that must *not* have
 * happened after this (and after a positive sign that the page's scripts ran), not after a sleep.
 */
export async function untilMainThreadIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestIdleCallback(() => resolve(), { timeout: 5_000 })),
      ),
  );
}
