/**
 * Reads a pull-request description and says, for each checklist item it lists, whether the item
 * is done, does not apply (with a reason), or is still open. Pure: no file system, no zod, so the
 * same code runs in the repository (`npm run checklist:verify`) and in the single-file verifier
 * that teams download (`/checklist/verify-checklist.mjs`, which embeds a VerifierChecklist).
 *
 * What it reads is what "Copy as Markdown" and the pull-request template write
 * (checklist-markdown.ts), with the variations GitHub and people produce:
 *
 *     - [x] [Item text](https://any.host/any/base/c/item-id/)                    done
 *     - [x] ~~[Item text](…/c/item-id/)~~ — does not apply: <reason>           does not apply
 *     - [ ] [Item text](…/c/item-id/)                                          open
 *
 * - An item is found by the first link on a task-list line whose path ends in `/c/<id>/`, whatever
 *   the host, the base path or the scheme (inline link, `<autolink>` or bare URL).
 * - Task lines may start with `-`, `*`, `+` or `1.`, be nested or quoted, use `[X]`, extra spaces
 *   and CRLF line ends. Lines in fenced code blocks and HTML comments do not count.
 * - "Does not apply" is the words `does not apply` after the link, then the reason (a colon and
 *   a dash before it are optional, case does not matter). The strike-through is for people; the
 *   tick and the reason are what count. An empty reason, or an unticked box, leaves the item open.
 * - A group is checked when the description lists at least one of its items; then every item of
 *   that group must be there and settled. Retired ids count for the group of their replacement,
 *   which must then be listed itself. Unknown ids are named and otherwise ignored.
 */

import { NOT_APPLICABLE, taskLine } from './checklist-markdown.ts';

/** What the verifier knows about the checklist; the downloadable verifier embeds one as JSON. */
export interface VerifierChecklist {
  /** The checklist page the description's links come from, named in messages. */
  readonly checklistUrl: string;
  readonly groups: readonly {
    readonly id: string;
    readonly title: string;
    readonly items: readonly { readonly id: string; readonly text: string }[];
  }[];
  /** Retired id → the current item that replaced it (the end of its replacedBy chain). */
  readonly retired: Readonly<Record<string, string>>;
}

/** Why an item counts as open. */
export type OpenReason = 'unticked' | 'reason-missing' | 'not-applicable-unticked' | 'missing';

export type LineMark =
  | { readonly status: 'done' }
  | { readonly status: 'na'; readonly reason: string }
  | { readonly status: 'open'; readonly why: Exclude<OpenReason, 'missing'> };

/** One task-list line that links to an item, as found in the text (1-based line number). */
export interface ChecklistLine {
  readonly id: string;
  readonly line: number;
  readonly mark: LineMark;
}

export type ItemVerdict =
  | { readonly status: 'done' }
  | { readonly status: 'na'; readonly reason: string }
  | { readonly status: 'open'; readonly why: OpenReason };

export interface VerifiedItem {
  readonly id: string;
  readonly text: string;
  /** Lines of the description that list the item (more than one: every one must be settled). */
  readonly lines: readonly number[];
  readonly verdict: ItemVerdict;
}

export interface VerifiedGroup {
  readonly id: string;
  readonly title: string;
  readonly items: readonly VerifiedItem[];
}

export interface Verification {
  /** Groups the description lists at least one item of, in checklist order. */
  readonly groups: readonly VerifiedGroup[];
  readonly retired: readonly { readonly id: string; readonly line: number; readonly replacement: string }[];
  readonly unknown: readonly { readonly id: string; readonly line: number }[];
  /** 0: every item of the groups present is settled; 1: some are open; 2: no checklist item found. */
  readonly exitCode: 0 | 1 | 2;
}

// Optional blockquote markers, indentation, a list marker, then a task box.
const TASK_LINE = /^(?:\s*>)*\s*(?:[-*+]|\d{1,9}[.)])\s+\[([ xX])\](?:\s+(.*))?$/;
const FENCE = /^(?:\s*>)*\s*(`{3,}|~{3,})/;
// An inline link's destination, an <autolink>, or a bare URL; the first one on the line wins.
const LINK =
  /\]\(\s*<?([^\s<>()]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)|<(https?:\/\/[^\s<>]+)>|(https?:\/\/[^\s<>()[\]]+)/g;
const MARKER = new RegExp(`(?:^|[^\\p{L}])${NOT_APPLICABLE.replace(/ /g, '\\s+')}\\b\\s*[:：]?(.*)$`, 'iu');
// CommonMark backslash escapes: what escapeMarkdown adds to a reason, taken off again.
const ESCAPED = /\\([!-/:-@[-`{-~])/g;

/** The item id a URL points to when its path ends in `/c/<id>/` (host, base and scheme are free). */
export function itemIdOfUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url, 'https://relative.invalid/').pathname;
  } catch {
    return undefined;
  }
  const match = /\/c\/([^/]+)\/?$/.exec(path);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}

/** The text with HTML comments blanked out, keeping its line breaks (so line numbers stay true). */
const withoutComments = (text: string): string =>
  text.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, ''));

/** A reason as the author meant it: escapes removed, closing strike-through and spaces trimmed. */
const cleanReason = (raw: string): string =>
  raw
    .replace(/~~\s*$/, '')
    .replace(ESCAPED, '$1')
    .replace(/^[\s—–-]+/, '')
    .replace(/\s+/g, ' ')
    .trim();

function markOf(ticked: boolean, afterLink: string): LineMark {
  const marker = MARKER.exec(afterLink);
  if (marker) {
    const reason = cleanReason(marker[1]!);
    if (!ticked) return { status: 'open', why: 'not-applicable-unticked' };
    return reason ? { status: 'na', reason } : { status: 'open', why: 'reason-missing' };
  }
  return ticked ? { status: 'done' } : { status: 'open', why: 'unticked' };
}

/** Every task-list line of the text that links to a checklist item, in order. */
export function findChecklistLines(markdown: string): ChecklistLine[] {
  const found: ChecklistLine[] = [];
  let fence: string | undefined;
  withoutComments(markdown.replace(/^\uFEFF/, ''))
    .split(/\r\n|\r|\n/)
    .forEach((text, index) => {
      const opening = FENCE.exec(text)?.[1];
      if (fence !== undefined) {
        if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
        return;
      }
      if (opening) {
        fence = opening;
        return;
      }
      const task = TASK_LINE.exec(text);
      if (!task) return;
      const body = task[2] ?? '';
      for (const link of body.matchAll(LINK)) {
        const id = itemIdOfUrl(link[1] ?? link[2] ?? link[3]!);
        if (id === undefined) continue;
        const afterLink = body.slice(link.index + link[0].length);
        found.push({ id, line: index + 1, mark: markOf(task[1] !== ' ', afterLink) });
        return;
      }
    });
  return found;
}

const OPEN_FIRST: Record<LineMark['status'], number> = { open: 0, na: 1, done: 2 };

/** Checks a description against the checklist. */
export function verifyDescription(markdown: string, checklist: VerifierChecklist): Verification {
  const lines = findChecklistLines(markdown);
  const groupOf = new Map<string, string>();
  for (const group of checklist.groups) for (const item of group.items) groupOf.set(item.id, group.id);

  const byId = new Map<string, ChecklistLine[]>();
  const retired: { id: string; line: number; replacement: string }[] = [];
  const unknown: { id: string; line: number }[] = [];
  const present = new Set<string>();
  for (const entry of lines) {
    const group = groupOf.get(entry.id);
    const replacement = Object.hasOwn(checklist.retired, entry.id) ? checklist.retired[entry.id] : undefined;
    if (group !== undefined) {
      present.add(group);
      byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
    } else if (replacement !== undefined) {
      retired.push({ id: entry.id, line: entry.line, replacement });
      const replacementGroup = groupOf.get(replacement);
      if (replacementGroup !== undefined) present.add(replacementGroup);
    } else {
      unknown.push({ id: entry.id, line: entry.line });
    }
  }

  const groups: VerifiedGroup[] = checklist.groups
    .filter((group) => present.has(group.id))
    .map((group) => ({
      id: group.id,
      title: group.title,
      items: group.items.map((item): VerifiedItem => {
        const listed = byId.get(item.id) ?? [];
        if (listed.length === 0) {
          return { id: item.id, text: item.text, lines: [], verdict: { status: 'open', why: 'missing' } };
        }
        // Listed more than once: the least settled line decides.
        const worst = [...listed].sort((a, b) => OPEN_FIRST[a.mark.status] - OPEN_FIRST[b.mark.status])[0]!;
        return {
          id: item.id,
          text: item.text,
          lines: listed.map((entry) => entry.line),
          verdict: worst.mark,
        };
      }),
    }));

  const open = groups.some((group) => group.items.some((item) => item.verdict.status === 'open'));
  return { groups, retired, unknown, exitCode: groups.length === 0 ? 2 : open ? 1 : 0 };
}

const OPEN_TEXT: Record<OpenReason, string> = {
  unticked: 'not ticked',
  'reason-missing': `marked "${NOT_APPLICABLE}" without a reason`,
  'not-applicable-unticked': `marked "${NOT_APPLICABLE}" but not ticked`,
  missing: 'not in the description',
};

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const lineRef = (lines: readonly number[]) =>
  lines.length === 0 ? '' : ` (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})`;

/** The verification as plain text for a terminal or a CI log, ending with what to do. */
export function formatVerification(verification: Verification, checklist: VerifierChecklist): string {
  const out: string[] = [];
  if (verification.groups.length === 0) {
    out.push(
      'No item of the pre-merge checklist was found in this description.',
      `Paste the checklist from ${checklist.checklistUrl} ("Copy as Markdown" or the pull-request template):`,
      'each item is a task-list line that links to its permanent URL, .../c/<item-id>/.',
    );
  }
  let settled = 0;
  let total = 0;
  for (const group of verification.groups) {
    const done = group.items.filter((item) => item.verdict.status !== 'open').length;
    settled += done;
    total += group.items.length;
    out.push(`${group.title}: ${done} of ${group.items.length} settled`);
    for (const item of group.items) {
      const { verdict } = item;
      if (verdict.status === 'done') out.push(`  [x] ${item.id}`);
      else if (verdict.status === 'na') out.push(`  [-] ${item.id}: ${NOT_APPLICABLE}: ${verdict.reason}`);
      else
        out.push(`  [ ] ${item.id}${lineRef(item.lines)}: ${OPEN_TEXT[verdict.why]}`, `      ${item.text}`);
    }
  }
  for (const entry of verification.retired) {
    out.push(
      `Retired: ${entry.id} (line ${entry.line}) was replaced by ${entry.replacement}. ` +
        'Update the checklist in the description (and in the pull-request template) from the checklist page.',
    );
  }
  for (const entry of verification.unknown) {
    out.push(`Unknown: ${entry.id} (line ${entry.line}) is not an item of ${checklist.checklistUrl}.`);
  }
  if (verification.exitCode === 1) {
    const open = total - settled;
    out.push(
      '',
      `${plural(open, 'item is', 'items are')} open. Tick each item the change satisfies; for one that does ` +
        `not apply, tick it and give the reason: ${taskLine.notApplicable('[item](link)', '<reason>')}`,
    );
  } else if (verification.exitCode === 0) {
    out.push('', `All ${plural(total, 'item')} of ${plural(verification.groups.length, 'group')} settled.`);
  }
  return `${out.join('\n')}\n`;
}
