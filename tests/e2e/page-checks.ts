import axe from 'axe-core';
import type { Page } from '@playwright/test';

/**
 * Console errors, uncaught exceptions and Content-Security-Policy violations of a page (and of its
 * dedicated workers, whose console Playwright reports with the page's), collected from now on;
 * expect it to stay empty. Call it before the page loads, so the violation listener is in place.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  void page
    .exposeBinding('__reportCspViolation', (_source, text: string) => errors.push(text))
    .catch(() => {});
  void page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation(
        `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} at ${event.sourceFile}:${event.lineNumber}`,
      ),
    ),
  );
  return errors;
}

/**
 * axe-core's violations on the page (or the part matched by `include`), as readable lines
 * (rule, where); an empty list means it passes. axe-core is put into the page once per document
 * and run there directly, asking only for violations. @axe-core/playwright evaluated its 550 kB
 * source twice per call and sent every pass and inapplicable node back: ≈1.1 s a call before
 * any rule ran (a single cheap rule) and 1.9–3.5 s for a full run on an idle guideline page, on
 * this 2-core machine. The site has no iframes, so there is nothing to merge across frames.
 */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    (selector) =>
      (window as unknown as { axe: typeof axe }).axe.run(selector ? { include: [selector] } : document, {
        resultTypes: ['violations'],
      }),
    include,
  );
  return violations.violations.map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * axe violations in the light and the dark theme, as readable lines (theme, rule, where);
 * an empty list means the page (or the part matched by `include`) passes in both.
 */
export async function axeViolationsInBothThemes(page: Page, include?: string): Promise<string[]> {
  const found: string[] = [];
  for (const theme of ['light', 'dark']) {
    await page.evaluate((value) => (document.documentElement.dataset.theme = value), theme);
    found.push(...(await axeViolations(page, include)).map((line) => `${theme}: ${line}`));
  }
  return found;
}

/** The box under a page's title with the rule and the fix (a guideline's or a checklist item's). */
export const ruleFix = (page: Page) => page.locator('main .rule-fix');

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

/**
 * The fonts the visible text under `root` is set in, as family | size | weight | style: what
 * Chromium's font cache keys a font on. Chromium on Linux asks the browser process (fontconfig)
 * about each one the renderer has not used yet, during layout.
 */
export async function fontsInUse(page: Page, root = 'body'): Promise<string[]> {
  return page.evaluate((selector) => {
    const fonts = new Set<string>();
    const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!node.textContent?.trim() || !element || element.getClientRects().length === 0) continue;
      const style = getComputedStyle(element);
      fonts.add([style.fontFamily, style.fontSize, style.fontWeight, style.fontStyle].join(' | '));
    }
    return [...fonts];
  }, root);
}

/** One layout shift the page reported, for a readable failure message. */
export interface LayoutShift {
  readonly value: number;
  readonly startTime: number;
  readonly sources: string[];
}

export interface LayoutShiftReport {
  /**
   * Cumulative layout shift as Lighthouse and web-vitals define it: shifts without recent input
   * grouped into session windows (gaps under 1 s, at most 5 s long); the largest window's sum.
   */
  readonly cls: number;
  readonly shifts: LayoutShift[];
}

/**
 * Waits for a positive sign that the page is done changing its own layout: the load event, web
 * fonts, and every custom element on the page defined (upgraded), then two animation frames so
 * the last shift has been reported. No fixed sleep.
 */
export async function waitForPageToSettle(page: Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForFunction(async () => {
    await document.fonts.ready;
    return document.querySelectorAll(':not(:defined)').length === 0;
  });
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/**
 * The layout shifts of the page so far (a buffered PerformanceObserver sees those before the
 * call too), excluding shifts right after user input, and the CLS they add up to. Call it after
 * the page has settled (waitForPageToSettle), or while something renders, as often as needed.
 */
export async function layoutShifts(page: Page): Promise<LayoutShiftReport> {
  const shifts = await page.evaluate(
    () =>
      new Promise<LayoutShift[]>((resolve) => {
        interface ShiftEntry extends PerformanceEntry {
          value: number;
          hadRecentInput: boolean;
          sources?: { node?: Node | null }[];
        }
        const describe = (node: Node | null | undefined): string => {
          if (!(node instanceof Element)) return node?.nodeName ?? '(gone)';
          const id = node.id ? `#${node.id}` : '';
          const classes = [...node.classList].map((name) => `.${name}`).join('');
          return `${node.localName}${id}${classes}`;
        };
        const seen: LayoutShift[] = [];
        const take = (entries: PerformanceEntryList) => {
          for (const entry of entries as ShiftEntry[]) {
            if (entry.hadRecentInput) continue;
            seen.push({
              value: entry.value,
              startTime: entry.startTime,
              sources: (entry.sources ?? []).map((source) => describe(source.node)),
            });
          }
        };
        const observer = new PerformanceObserver((list) => take(list.getEntries()));
        observer.observe({ type: 'layout-shift', buffered: true });
        // Buffered entries arrive in the observer's next callback; two frames later they are in.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            take(observer.takeRecords());
            observer.disconnect();
            resolve(seen);
          }),
        );
      }),
  );
  return { cls: clsOf(shifts), shifts };
}

/** The largest session window (shifts less than 1 s apart, window at most 5 s): web-vitals' CLS. */
export function clsOf(shifts: readonly LayoutShift[]): number {
  let largest = 0;
  let window = 0;
  let windowStart = -Infinity;
  let previous = -Infinity;
  for (const shift of [...shifts].sort((a, b) => a.startTime - b.startTime)) {
    if (shift.startTime - previous >= 1000 || shift.startTime - windowStart >= 5000) {
      window = 0;
      windowStart = shift.startTime;
    }
    window += shift.value;
    previous = shift.startTime;
    largest = Math.max(largest, window);
  }
  return largest;
}
