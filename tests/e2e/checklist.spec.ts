import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import {
  pullRequestTemplate,
  reviewMarkdown,
  VERIFIER_PATH,
} from '../../src/checklist/checklist-markdown.ts';
import {
  emptyState,
  encodeState,
  withGroupIncluded,
  withItem,
  type ReviewState,
} from '../../src/checklist/checklist-state.ts';
import { verifierWorkflow } from '../../src/checklist/verify-workflow.ts';
import { LEGACY_REVIEW_STORAGE_KEY, REVIEW_STORAGE_KEY } from '../../src/client/checklist-storage.ts';
import { guidelineCoverage } from '../../src/checklist/checklist-coverage.ts';
import { retiredTargets } from '../../src/checklist/checklist-ledger.ts';
import { readChecklist, readLedger } from '../../src/content/content-fs.ts';
import { axeViolations, axeViolationsInBothThemes, collectPageErrors } from './page-checks.ts';

const groups = readChecklist();
const items = groups.flatMap((group) => group.items);
const [first, second, third] = items as [(typeof items)[0], (typeof items)[0], (typeof items)[0]];

/** An item's radio group: its legend is the item's text. */
const itemGroup = (page: Page, text: string) => page.getByRole('group', { name: text, exact: true });
const reasonBox = (page: Page, text: string) =>
  itemGroup(page, text).getByRole('textbox', { name: 'Reason it does not apply' });
const siteBaseOf = async (page: Page) => (await page.locator('rt-checklist').getAttribute('data-site-base'))!;
const notice = (page: Page) => page.locator('[data-notice]');
const announcer = (page: Page) => page.locator('[data-announce]');

/** The element has read the review and enabled the controls: the positive sign to wait for. */
const enhanced = (page: Page) => expect(page.locator('rt-checklist[data-enhanced]')).toBeAttached();

async function openChecklist(page: Page, path = '/checklist/') {
  await page.goto(path);
  await enhanced(page);
}

async function reloadChecklist(page: Page) {
  await page.reload();
  await enhanced(page);
}

async function openWithStored(page: Page, value: string, path = '/checklist/', key = REVIEW_STORAGE_KEY) {
  await page.addInitScript(
    ([storageKey, stored]) => {
      // Only before the first load: a reload must see what the page saved.
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(storageKey!, stored!);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [key, value],
  );
  await openChecklist(page, path);
}

test.describe('checklist without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('is a plain list of every item, with its permanent link and "why" link', async ({ page }) => {
    await page.goto('/checklist/');
    for (const group of groups) {
      const section = page.getByRole('region', { name: group.title });
      await expect(section.getByRole('listitem')).toHaveCount(group.items.length);
    }
    await expect(page.getByRole('radio')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Copy as Markdown' })).toBeHidden();
    for (const item of items) {
      const entry = page.locator(`li[id="${item.id}"]`);
      await expect(entry).toContainText(item.text);
      await expect(entry.getByRole('link', { name: `Permanent link: ${item.text}` })).toHaveAttribute(
        'href',
        `/c/${item.id}/`,
      );
      if (item.guideline) {
        await expect(entry.getByRole('link', { name: `Why: ${item.text}` })).toHaveAttribute(
          'href',
          `/guidelines/${item.guideline.page}/#${item.guideline.heading}`,
        );
      } else {
        await expect(entry.getByText('Guideline not written yet')).toBeVisible();
      }
    }
    await expect(page.getByRole('button', { name: /^Copy link/ })).toHaveCount(0);
  });
});

test('tick an item, mark one "does not apply" with a reason, and a reload keeps both', async ({ page }) => {
  await openChecklist(page);
  await expect(page.getByText(`0 of ${items.length} items settled`)).toBeVisible();
  await itemGroup(page, first.text).getByRole('radio', { name: 'Done' }).check();

  const na = itemGroup(page, second.text);
  await expect(reasonBox(page, second.text)).toBeHidden();
  await na.getByRole('radio', { name: 'Does not apply' }).check();
  // Silence reads as "forgot": without a reason the item is flagged and counts as open.
  await expect(reasonBox(page, second.text)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('1 item is marked “does not apply” without a reason')).toBeVisible();
  await reasonBox(page, second.text).fill('Read-only — “ünïcödé” 🚀');
  await expect(reasonBox(page, second.text)).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByText(`2 of ${items.length} items settled: 1 done, 1 not applying`)).toBeVisible();

  await reloadChecklist(page);
  await expect(itemGroup(page, first.text).getByRole('radio', { name: 'Done' })).toBeChecked();
  await expect(na.getByRole('radio', { name: 'Does not apply' })).toBeChecked();
  await expect(reasonBox(page, second.text)).toHaveValue('Read-only — “ünïcödé” 🚀');
  await expect(itemGroup(page, third.text).getByRole('radio', { name: 'Open' })).toBeChecked();
  await expect(notice(page)).toBeEmpty();
});

test('the radios work from the keyboard', async ({ page }) => {
  await openChecklist(page);
  const group = itemGroup(page, first.text);
  await group.getByRole('radio', { name: 'Open' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(group.getByRole('radio', { name: 'Done' })).toBeChecked();
  await expect(group.getByRole('radio', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(group.getByRole('radio', { name: 'Does not apply' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(reasonBox(page, first.text)).toBeFocused();
  await page.keyboard.type('No list endpoint');
  await reloadChecklist(page);
  await expect(reasonBox(page, first.text)).toHaveValue('No list endpoint');
});

for (const [label, value] of [
  ['a corrupt', 'this is not a review'],
  ['an old-format', `0.${Buffer.from('{"done":["read-join-foreign-keys"]}').toString('base64url')}`],
  ['an unparsable', `1.${Buffer.from('{"d":"read-join-foreign-keys"}').toString('base64url')}`],
] as const) {
  test(`${label} saved review falls back to a clean checklist with a notice`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openWithStored(page, value);
    await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Open', checked: true })).toHaveCount(items.length);
    expect(errors).toEqual([]);
    // The next change replaces the bad value, and the notice is gone after a reload.
    await itemGroup(page, first.text).getByRole('radio', { name: 'Done' }).check();
    await reloadChecklist(page);
    await expect(itemGroup(page, first.text).getByRole('radio', { name: 'Done' })).toBeChecked();
    await expect(notice(page)).toBeEmpty();
  });
}

test('ids no longer on the checklist are dropped from a saved review, with a notice', async ({ page }) => {
  const stored = `1.${Buffer.from(JSON.stringify({ d: [first.id, 'long-gone-item'] })).toString('base64url')}`;
  await openWithStored(page, stored);
  await expect(page.getByRole('status').filter({ hasText: '1 entry in the saved review' })).toBeVisible();
  await expect(itemGroup(page, first.text).getByRole('radio', { name: 'Done' })).toBeChecked();
});

test('a review in the URL is restored, wins over the saved one, and is then saved', async ({ page }) => {
  const saved = encodeState(withItem(emptyState(), third.id, { status: 'done' }));
  let state: ReviewState = withItem(emptyState(), first.id, { status: 'done' });
  state = withItem(state, second.id, { status: 'na', reason: 'Nur Lesezugriffe — 読み取り専用 ✅' });
  state = withGroupIncluded(state, 'production-readiness', false);
  await openWithStored(page, saved, `/checklist/?s=${encodeState(state)}#${second.id}`);

  await expect(page.getByRole('status').filter({ hasText: 'Opened the review from the link' })).toBeVisible();
  await expect(itemGroup(page, first.text).getByRole('radio', { name: 'Done' })).toBeChecked();
  await expect(reasonBox(page, second.text)).toHaveValue('Nur Lesezugriffe — 読み取り専用 ✅');
  await expect(itemGroup(page, third.text).getByRole('radio', { name: 'Open' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Production readiness' })).not.toBeChecked();
  await expect(
    page.getByText('Left out of the copied Markdown and the template.').filter({ visible: true }),
  ).toHaveCount(1);
  // The link's review now lives in storage; the address loses ?s= so a reload does not undo edits.
  await expect(page).toHaveURL(new RegExp(`/checklist/#${second.id}$`));
  expect(await page.evaluate((key) => localStorage.getItem(key), REVIEW_STORAGE_KEY)).toBe(
    encodeState(state),
  );
  await reloadChecklist(page);
  await expect(reasonBox(page, second.text)).toHaveValue('Nur Lesezugriffe — 読み取り専用 ✅');
});

test('a damaged review in the URL is ignored with a notice, and the saved one is kept', async ({ page }) => {
  await openWithStored(
    page,
    encodeState(withItem(emptyState(), third.id, { status: 'done' })),
    '/checklist/?s=1.%21%21',
  );
  await expect(
    page.getByRole('status').filter({ hasText: 'The review in the link could not be opened' }),
  ).toBeVisible();
  await expect(itemGroup(page, third.text).getByRole('radio', { name: 'Done' })).toBeChecked();
});

test.describe('copying', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

  test('"Copy as Markdown" copies the review as GitHub task lists and says so', async ({ page }) => {
    await openChecklist(page);
    await itemGroup(page, first.text).getByRole('radio', { name: 'Done' }).check();
    await itemGroup(page, second.text).getByRole('radio', { name: 'Does not apply' }).check();
    await reasonBox(page, second.text).fill('No relations <listed> [here]');
    await itemGroup(page, third.text).getByRole('radio', { name: 'Does not apply' }).check();
    await page.getByRole('checkbox', { name: 'Production readiness' }).uncheck();
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    const included = groups.length - 1;
    const count = items.length - groups.at(-1)!.items.length;
    await expect(page.getByRole('status').filter({ hasText: 'Copied the review as Markdown' })).toHaveText(
      `Copied the review as Markdown: ${count} items in ${included} groups. Paste it into the pull request’s description.`,
    );

    let state = withItem(emptyState(), first.id, { status: 'done' });
    state = withItem(state, second.id, { status: 'na', reason: 'No relations <listed> [here]' });
    state = withItem(state, third.id, { status: 'na', reason: '' });
    state = withGroupIncluded(state, 'production-readiness', false);
    const markdown = await clipboard(page);
    expect(markdown).toBe(reviewMarkdown(groups, state, { siteBase: await siteBaseOf(page) }));
    expect(markdown).toContain(`- [x] [${first.text}]`);
    expect(markdown).toContain('~~ — does not apply: No relations \\<listed\\> \\[here\\]\n');
    expect(markdown).toContain(`- [ ] [${third.text}]`);
    expect(markdown).not.toContain('### Production readiness');
  });

  test('"Copy link to this review" opens exactly the same review elsewhere', async ({ page, browser }) => {
    await openChecklist(page);
    await itemGroup(page, first.text).getByRole('radio', { name: 'Done' }).check();
    await itemGroup(page, third.text).getByRole('radio', { name: 'Does not apply' }).check();
    await reasonBox(page, third.text).fill('Nothing to count');
    await page.getByRole('button', { name: 'Copy link to this review' }).click();
    await expect(announcer(page)).toHaveText('Copied a link that opens this review as it is now.');
    const link = new URL(await clipboard(page));
    expect(link.href.startsWith(`${await siteBaseOf(page)}checklist/?s=1.`)).toBe(true);

    const reviewer = await browser.newContext();
    const other = await reviewer.newPage();
    await other.goto(link.pathname + link.search);
    await expect(itemGroup(other, first.text).getByRole('radio', { name: 'Done' })).toBeChecked();
    await expect(reasonBox(other, third.text)).toHaveValue('Nothing to count');
    await reviewer.close();
  });

  test('an item\'s "Copy link" copies its absolute permanent URL', async ({ page }) => {
    await openChecklist(page);
    await page.getByRole('button', { name: `Copy link: ${second.text}` }).click();
    const url = `${await siteBaseOf(page)}c/${second.id}/`;
    await expect(announcer(page)).toHaveText(`Copied the permanent link ${url}`);
    expect(await clipboard(page)).toBe(url);
  });
});

test('when copying is refused, the text is offered selected in a box', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
    });
  });
  await openChecklist(page);
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  const box = page.getByRole('textbox', { name: /Select this text and copy it/ });
  await expect(box).toBeFocused();
  await expect(box).toHaveValue(/^## Pre-merge checklist\n/);
  await expect(announcer(page)).toContainText('did not allow copying');
});

test('"Download pull_request_template.md" saves the template of the chosen groups', async ({ page }) => {
  await openChecklist(page);
  await page.getByRole('checkbox', { name: 'Before merging code that calls an external system' }).uncheck();
  await page.getByRole('checkbox', { name: 'Production readiness' }).uncheck();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download pull_request_template.md' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('pull_request_template.md');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toBe(pullRequestTemplate(groups.slice(0, 2), { siteBase: await siteBaseOf(page) }));
  expect(text).toContain('does not apply: <reason>');
  await expect(announcer(page)).toHaveText('Downloaded pull_request_template.md with 2 groups.');

  // With no group chosen there is nothing to export, and the page says so.
  await page.getByRole('checkbox', { name: 'Before merging a read endpoint' }).uncheck();
  await page.getByRole('checkbox', { name: 'Before merging a write endpoint' }).uncheck();
  await page.getByRole('button', { name: 'Download pull_request_template.md' }).click();
  await expect(announcer(page)).toHaveText('Choose at least one group to include.');
});

test('"New review" asks first, and clears the review only when confirmed', async ({ page }) => {
  await openChecklist(page);
  await itemGroup(page, first.text).getByRole('radio', { name: 'Done' }).check();
  const newReview = page.getByRole('button', { name: 'New review' });

  page.once('dialog', (dialog) => void dialog.dismiss());
  await newReview.click();
  await expect(itemGroup(page, first.text).getByRole('radio', { name: 'Done' })).toBeChecked();

  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('Start a new review?');
    void dialog.accept();
  });
  await newReview.click();
  await expect(itemGroup(page, first.text).getByRole('radio', { name: 'Open' })).toBeChecked();
  await expect(announcer(page)).toHaveText('Started a new review: every item is open.');
  await reloadChecklist(page);
  await expect(itemGroup(page, first.text).getByRole('radio', { name: 'Open' })).toBeChecked();
});

test('a review carried on a short link (/c/<id>/?s=) opens on the checklist', async ({ page }) => {
  const state = encodeState(withItem(emptyState(), first.id, { status: 'done' }));
  await page.goto(`/c/${first.id}/?s=${state}`);
  await enhanced(page);
  await expect(itemGroup(page, first.text).getByRole('radio', { name: 'Done' })).toBeChecked();
  await expect(page).toHaveURL(new RegExp(`/checklist/#${first.id}$`));
});

test('an old #anchor of a retired id lands on the item that replaced it (fixture ledger)', async ({
  page,
}) => {
  // The real ledger has no retired id yet: the built page is served with the retired map of the
  // fixture ledger, whose retired read-no-n-plus-one was replaced by read-join-foreign-keys.
  const fixtureRoot = new URL('../fixtures/checklist/', import.meta.url);
  const retired = retiredTargets(readLedger(fixtureRoot), readChecklist(fixtureRoot));
  expect(retired).toEqual({ 'read-no-n-plus-one': 'read-join-foreign-keys' });
  const replacement = items.find((item) => item.id === 'read-join-foreign-keys')!;
  await page.route('**/checklist/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '&quot;retired&quot;:{}',
      `&quot;retired&quot;:${JSON.stringify(retired).replace(/"/g, '&quot;')}`,
    );
    await route.fulfill({ response, body: html });
  });
  await page.setViewportSize({ width: 1280, height: 500 });
  await openChecklist(page, '/checklist/#read-no-n-plus-one');
  await expect(page).toHaveURL(new RegExp(`/checklist/#${replacement.id}$`));
  await expect(itemGroup(page, replacement.text)).toBeInViewport();
});

test('every "why" link points where content/checklist.yaml says; an item without one says so', async ({
  page,
}) => {
  await openChecklist(page);
  const linked = items.filter((item) => item.guideline);
  await expect(page.locator('a.checklist-why')).toHaveCount(linked.length);
  for (const item of items) {
    const entry = page.locator(`li[id="${item.id}"]`);
    if (item.guideline) {
      await expect(entry.getByRole('link', { name: `Why: ${item.text}` })).toHaveAttribute(
        'href',
        `/guidelines/${item.guideline.page}/#${item.guideline.heading}`,
      );
    } else {
      await expect(entry.getByText('Guideline not written yet')).toBeVisible();
    }
  }
  // Whether each link lands on its heading is checked from the /c/<id>/ pages (item-links.spec.ts).
});

test('a guideline page shows the state of the items it backs from the saved review', async ({ page }) => {
  const backed = items.find((item) => item.guideline)!;
  const path = `/guidelines/${backed.guideline!.page}/`;
  await page.goto(path);
  const box = page.getByRole('complementary', { name: 'Checklist items this page backs' });
  await expect(box.getByRole('link', { name: backed.text })).toBeVisible();
  // Defined means connected and rendered: only then does "no badge" mean anything.
  await expect(page.locator('rt-checklist-backed:defined')).toBeAttached();
  await expect(box.getByText('In your review')).toHaveCount(0);

  await openChecklist(page);
  await itemGroup(page, backed.text).getByRole('radio', { name: 'Does not apply' }).check();
  await reasonBox(page, backed.text).fill('No foreign keys here');
  await page.goto(path);
  await expect(page.locator('rt-checklist-backed:defined')).toBeAttached();
  await expect(box.getByRole('listitem').filter({ hasText: backed.text })).toContainText(
    'In your review: Does not apply: No foreign keys here',
  );
  await expect(box.getByText('Marks from the review saved in this browser.')).toBeVisible();
  expect(await axeViolations(page, '.checklist-backed')).toEqual([]);
});

test('a printed checklist shows each state and reason, and no buttons', async ({ page }) => {
  await openChecklist(page);
  await itemGroup(page, first.text).getByRole('radio', { name: 'Done' }).check();
  await itemGroup(page, second.text).getByRole('radio', { name: 'Does not apply' }).check();
  await reasonBox(page, second.text).fill('Not a list');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('radio')).toHaveCount(0);
  await expect(page.locator(`li[id="${first.id}"] .checklist-print-status`)).toHaveText('Done');
  await expect(page.locator(`li[id="${second.id}"] .checklist-print-status`)).toHaveText(
    'Does not apply: Not a list',
  );
  await expect(page.locator(`li[id="${third.id}"] .checklist-print-status`)).toHaveText('Open');
});

test('the enhanced checklist has no axe violation in light and dark, with a notice and an invalid reason', async ({
  page,
}) => {
  test.slow(); // axe walks every control of 27 items, twice
  await openWithStored(page, 'corrupt');
  await itemGroup(page, first.text).getByRole('radio', { name: 'Does not apply' }).check();
  await page.getByRole('checkbox', { name: 'Production readiness' }).uncheck();
  await expect(reasonBox(page, first.text)).toHaveAttribute('aria-invalid', 'true');
  expect(await axeViolationsInBothThemes(page)).toEqual([]);
});

test('no horizontal scroll at 375 px with a reason open and the copy box shown', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('no')) },
    });
  });
  await openChecklist(page);
  await itemGroup(page, first.text).getByRole('radio', { name: 'Does not apply' }).check();
  await page.getByRole('button', { name: 'Copy link to this review' }).click();
  await expect(page.getByRole('textbox', { name: /Select this text/ })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test.describe('storage', () => {
  test('when the browser refuses storage, the checklist still works and says it cannot save', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const errors = collectPageErrors(page);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    });
    await openChecklist(page);
    await expect(notice(page)).toHaveText(
      'This browser does not let the page save your review. Use “Copy link to this review” to keep it.',
    );
    await itemGroup(page, first.text).getByRole('radio', { name: 'Done' }).check();
    await expect(page.getByText(`1 of ${items.length} items settled: 1 done`)).toBeVisible();
    await page.getByRole('button', { name: 'Copy link to this review' }).click();
    await expect(announcer(page)).toHaveText('Copied a link that opens this review as it is now.');
    const link = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    await openChecklist(page, link.pathname + link.search);
    await expect(itemGroup(page, first.text).getByRole('radio', { name: 'Done' })).toBeChecked();
    await expect(notice(page)).toContainText('Opened the review from the link.');
    await expect(notice(page)).toContainText('does not let the page save');
    expect(errors).toEqual([]);
  });

  test('a review saved under the old storage key is read once and moved to the new key', async ({ page }) => {
    const saved = encodeState(withItem(emptyState(), third.id, { status: 'done' }));
    await openWithStored(page, saved, '/checklist/', LEGACY_REVIEW_STORAGE_KEY);
    await expect(itemGroup(page, third.text).getByRole('radio', { name: 'Done' })).toBeChecked();
    expect(
      await page.evaluate(
        ([key, legacy]) => [localStorage.getItem(key!), localStorage.getItem(legacy!)],
        [REVIEW_STORAGE_KEY, LEGACY_REVIEW_STORAGE_KEY],
      ),
    ).toEqual([saved, null]);
  });
});

test.describe('checking pull requests', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('the downloadable verifier accepts a review copied from the page, and rejects the template', async ({
    page,
    request,
  }) => {
    await openChecklist(page);
    const download = page.getByRole('link', { name: 'Download verify-checklist.mjs' });
    await expect(download).toHaveAttribute('href', `/${VERIFIER_PATH}`);
    const verifier = await (await request.get(`/${VERIFIER_PATH}`)).text();
    const dir = mkdtempSync(join(tmpdir(), 'verify-e2e-'));
    try {
      writeFileSync(join(dir, 'verify-checklist.mjs'), verifier);
      const verify = async (markdown: string) => {
        writeFileSync(join(dir, 'description.md'), markdown);
        try {
          await promisify(execFile)(process.execPath, [
            join(dir, 'verify-checklist.mjs'),
            join(dir, 'description.md'),
          ]);
          return 0;
        } catch (error) {
          return (error as { code: number }).code;
        }
      };

      for (const group of groups.slice(1)) await page.getByRole('checkbox', { name: group.title }).uncheck();
      const readItems = groups[0]!.items;
      for (const [index, item] of readItems.entries()) {
        if (index === 1) {
          await itemGroup(page, item.text).getByRole('radio', { name: 'Does not apply' }).check();
          await reasonBox(page, item.text).fill('An internal tool [no lists]');
        } else await itemGroup(page, item.text).getByRole('radio', { name: 'Done' }).check();
      }
      await page.getByRole('button', { name: 'Copy as Markdown' }).click();
      await expect(announcer(page)).toContainText('Copied the review as Markdown');
      expect(await verify(await page.evaluate(() => navigator.clipboard.readText()))).toBe(0);
      expect(await verify(pullRequestTemplate(groups, { siteBase: await siteBaseOf(page) }))).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the page shows the workflow that runs the verifier, with this site's address", async ({ page }) => {
    await openChecklist(page);
    await expect(page.locator('pre.checklist-workflow')).toHaveText(verifierWorkflow(await siteBaseOf(page)));
  });
});

test('the home page says how many checklist items link to a guideline', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-checklist-coverage]')).toHaveText(
    `Reviewing a pull request? The pre-merge checklist ${guidelineCoverage(groups).sentence}`,
  );
});
