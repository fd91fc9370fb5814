/**
 * Markdown made from the checklist, for pull requests. Pure: the checklist page (in the browser)
 * and `npm run checklist:template` (in Node) call the same functions, so they print the same text.
 *
 * Format of an item line (GitHub task lists):
 *
 *     - [x] [Item text](https://site/c/item-id/)                                   done
 *     - [ ] [Item text](https://site/c/item-id/)                                   open
 *     - [x] ~~[Item text](https://site/c/item-id/)~~ — does not apply: <reason>    does not apply
 *
 * A "does not apply" item is ticked, so GitHub counts it as settled, and struck through, so it
 * does not read as done. One without a reason is exported as open: silence reads as "forgot".
 * The template tells authors to write exactly this line, and the verifier (checklist-verify.ts)
 * reads it back: all three use taskLine below.
 */
import type { ChecklistGroup, ChecklistItem } from './checklist-schema.ts';
import { encodeState, itemStatus, normalizeReason, type ReviewState } from './checklist-state.ts';

/**
 * The absolute URL of the site's root, ending in a slash: Astro's `site`, with `base` when it is
 * not `/` (resolved the way Astro does, as a path from the origin).
 */
export function siteBaseOf(site: string, base = '/'): string {
  const url = base === '/' || base === '' ? new URL(site) : new URL(base, site);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  url.search = '';
  url.hash = '';
  return url.href;
}

/** An item's permanent short URL, `/c/<id>/`, which redirects to its anchor on the checklist. */
export const permanentItemUrl = (siteBase: string, id: string): string => new URL(`c/${id}/`, siteBase).href;

export const checklistUrl = (siteBase: string): string => new URL('checklist/', siteBase).href;

/** The single-file verifier (`npm run checklist:verify` as one download), next to the checklist page. */
export const VERIFIER_FILE_NAME = 'verify-checklist.mjs';
export const VERIFIER_PATH = `checklist/${VERIFIER_FILE_NAME}`;
export const verifierUrl = (siteBase: string): string => new URL(VERIFIER_PATH, siteBase).href;

/** The checklist page with a whole review in its URL. */
export const reviewUrl = (siteBase: string, state: ReviewState): string =>
  `${checklistUrl(siteBase)}?s=${encodeState(state)}`;

/** What the exports need of a group: the page sends the browser only this. */
export type ExportGroup = Pick<ChecklistGroup, 'id' | 'title' | 'order'> & {
  readonly items: readonly Pick<ChecklistItem, 'id' | 'text'>[];
};

/** Groups in the order the site shows them. */
export const orderedGroups = <Group extends ExportGroup>(groups: readonly Group[]): Group[] =>
  [...groups].sort((a, b) => a.order - b.order);

/**
 * Every name a group answers to: its id, and the first word of its id (`read` for
 * `read-endpoint`) when no other group starts with that word.
 */
export function groupNames(groups: readonly { readonly id: string }[]): Map<string, string> {
  const names = new Map<string, string>();
  const firstWords = groups.map((group) => group.id.split('-')[0]!);
  groups.forEach((group, index) => {
    const alias = firstWords[index]!;
    if (firstWords.filter((word) => word === alias).length === 1) names.set(alias, group.id);
  });
  for (const group of groups) names.set(group.id, group.id);
  return names;
}

export type GroupSelection<Group extends ExportGroup = ChecklistGroup> =
  { readonly ok: true; readonly groups: Group[] } | { readonly ok: false; readonly message: string };

/**
 * The groups named (by id or short alias), in checklist order. No names means every group.
 * Unknown names are an error that says which names exist.
 */
export function selectGroups<Group extends ExportGroup>(
  groups: readonly Group[],
  names: readonly string[],
): GroupSelection<Group> {
  const ordered = orderedGroups(groups);
  const wanted = names.map((name) => name.trim()).filter((name) => name.length > 0);
  if (wanted.length === 0) return { ok: true, groups: ordered };
  const known = groupNames(ordered);
  const unknown = wanted.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    const choices = ordered
      .map((group) => {
        const alias = [...known].find(([name, id]) => id === group.id && name !== id)?.[0];
        return alias ? `${group.id} (${alias})` : group.id;
      })
      .join(', ');
    const list = unknown.map((name) => `"${name}"`).join(', ');
    return {
      ok: false,
      message: `Unknown checklist ${unknown.length === 1 ? 'group' : 'groups'} ${list}. Known groups: ${choices}.`,
    };
  }
  const chosen = new Set(wanted.map((name) => known.get(name)));
  return { ok: true, groups: ordered.filter((group) => chosen.has(group.id)) };
}

/**
 * Escapes what would change the structure of a list line: link brackets, strikethrough, code,
 * emphasis, HTML. An underscore inside a word (`select_related`) is left alone: GitHub does not
 * read it as emphasis.
 */
export const escapeMarkdown = (text: string): string =>
  text.replace(/[\\`*[\]<>~]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (char) => `\\${char}`);

const itemLink = (siteBase: string, item: { id: string; text: string }): string =>
  `[${escapeMarkdown(item.text)}](${permanentItemUrl(siteBase, item.id)})`;

/** The words that mark an item that does not apply, before its reason. */
export const NOT_APPLICABLE = 'does not apply';

/** One task-list line: `link` is the item's Markdown link, `reason` already escaped. */
export const taskLine = {
  done: (link: string): string => `- [x] ${link}`,
  open: (link: string): string => `- [ ] ${link}`,
  notApplicable: (link: string, reason: string): string => `- [x] ~~${link}~~ — ${NOT_APPLICABLE}: ${reason}`,
};

export interface MarkdownOptions {
  /** Absolute URL of the site root (see siteBaseOf). */
  readonly siteBase: string;
}

/**
 * "Copy as Markdown": a review as GitHub task lists, one heading per group the review includes,
 * ending with a link that reopens the review on the checklist page.
 */
export function reviewMarkdown(
  groups: readonly ExportGroup[],
  state: ReviewState,
  options: MarkdownOptions,
): string {
  const { siteBase } = options;
  const included = orderedGroups(groups).filter((group) => !state.excludedGroups.has(group.id));
  const lines = [
    '## Pre-merge checklist',
    '',
    `Reviewed with the [Round Trip pre-merge checklist](${checklistUrl(siteBase)}): [open this review](${reviewUrl(siteBase, state)}).`,
  ];
  for (const group of included) {
    lines.push('', `### ${escapeMarkdown(group.title)}`, '');
    for (const item of group.items) {
      const status = itemStatus(state, item.id);
      const entry = state.items.get(item.id);
      const link = itemLink(siteBase, item);
      if (status === 'done') lines.push(taskLine.done(link));
      else if (status === 'na' && entry?.status === 'na') {
        lines.push(taskLine.notApplicable(link, escapeMarkdown(normalizeReason(entry.reason))));
      } else lines.push(taskLine.open(link));
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `.github/pull_request_template.md`: every item of the chosen groups, unticked, with the line
 * that tells authors how to mark an item that does not apply.
 */
export function pullRequestTemplate(groups: readonly ExportGroup[], options: MarkdownOptions): string {
  const { siteBase } = options;
  const chosen = orderedGroups(groups);
  const command = `npm run --silent checklist:template -- --groups ${chosen.map((group) => group.id).join(',')} --site ${siteBase}`;
  const lines = [
    '## Pre-merge checklist',
    '',
    `<!-- From the Round Trip pre-merge checklist, ${checklistUrl(siteBase)}. Regenerate with: ${command} -->`,
    '',
    `Tick each item this change satisfies. If an item does not apply, tick it, strike it through and give a reason: \`${taskLine.notApplicable('[item](link)', '<reason>')}\`. An unticked item with no reason reads as forgotten.`,
  ];
  for (const group of chosen) {
    lines.push('', `### ${escapeMarkdown(group.title)}`, '');
    for (const item of group.items) lines.push(taskLine.open(itemLink(siteBase, item)));
  }
  return `${lines.join('\n')}\n`;
}

/** The download name of the template. */
export const TEMPLATE_FILE_NAME = 'pull_request_template.md';
