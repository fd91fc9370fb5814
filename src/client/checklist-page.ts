/**
 * <round-trip-checklist>: turns the static checklist (a plain list of items and links, which is
 * what a reader without JavaScript gets) into a review: a radio group per item (open, done, does
 * not apply + reason), saved in localStorage, carried in the URL (?s=), and exported as Markdown
 * or as a pull-request template. The state, its encoding and the Markdown are pure modules in
 * src/checklist/; this file only wires them to the DOM.
 */
import {
  decodeState,
  emptyState,
  encodeState,
  isEmptyState,
  itemStatus,
  knownIdsOf,
  MAX_REASON_LENGTH,
  withGroupIncluded,
  withItem,
  type DecodeProblem,
  type DecodeResult,
  type ItemState,
  type KnownIds,
  type ReviewState,
} from '../checklist/checklist-state.ts';
import {
  permanentItemUrl,
  pullRequestTemplate,
  reviewMarkdown,
  reviewUrl,
  TEMPLATE_FILE_NAME,
} from '../checklist/checklist-markdown.ts';
import type { ChecklistGroup } from '../checklist/checklist-schema.ts';
import { readStoredReview, writeStoredReview } from './checklist-storage.ts';
import { statusText } from './checklist-status.ts';

/** What the page hands the element in `data-checklist`. */
export interface ChecklistPageData {
  groups: ChecklistGroup[];
  /** Retired id → the item that replaced it, so an old #anchor still lands. */
  retired: Record<string, string>;
}

interface ItemControls {
  readonly id: string;
  readonly item: HTMLElement;
  readonly radios: HTMLInputElement[];
  readonly reasonBox: HTMLElement;
  readonly reason: HTMLInputElement;
  readonly reasonHint: HTMLElement;
  readonly printStatus: HTMLElement;
}

const PROBLEMS: Record<DecodeProblem, string> = {
  corrupt: 'it is damaged',
  'old-version': 'it was saved in an older format',
  'newer-version': 'it was saved by a newer version of this site',
  'too-long': 'it is too long',
};

const REASON_HINT = 'Required: a few words, such as “this endpoint writes no rows”.';
const REASON_MISSING = 'Give a reason. Until then this item counts as open.';

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

class ChecklistElement extends HTMLElement {
  private groups: ChecklistGroup[] = [];
  private known: KnownIds = { items: new Set(), groups: new Set() };
  private siteBase = '';
  private state: ReviewState = emptyState();
  private controls: ItemControls[] = [];
  private storageWarned = false;

  connectedCallback(): void {
    if (this.dataset.enhanced !== undefined) return;
    this.dataset.enhanced = '';
    const data = JSON.parse(this.dataset.checklist ?? '{"groups":[],"retired":{}}') as ChecklistPageData;
    this.groups = data.groups;
    this.known = knownIdsOf(this.groups);
    this.siteBase = this.dataset.siteBase ?? new URL('/', location.href).href;

    const items = new Map(
      this.groups.flatMap((group) => group.items.map((item) => [item.id, item] as const)),
    );
    for (const node of this.querySelectorAll<HTMLElement>('[data-item-id]')) {
      const item = items.get(node.dataset.itemId ?? '');
      if (item) this.controls.push(this.enhanceItem(node, item.text));
    }
    this.find('[data-tools]').hidden = false;
    this.addEventListener('change', (event) => this.onChange(event));
    this.addEventListener('input', (event) => this.onInput(event));
    this.addEventListener('click', (event) => this.onClick(event));

    this.state = this.loadState();
    this.render();
    this.followAnchor(data.retired);
  }

  private find<T extends HTMLElement = HTMLElement>(selector: string): T {
    const node = this.querySelector<T>(selector);
    if (!node) throw new Error(`checklist: missing ${selector}`);
    return node;
  }

  /** Adds the state controls to one static item; the item's text becomes the group's legend. */
  private enhanceItem(item: HTMLElement, text: string): ItemControls {
    const id = item.dataset.itemId!;
    const staticText = item.querySelector('.checklist-text');
    const legend = element(
      'legend',
      { class: 'checklist-text', id: staticText?.id ?? `text-of-${id}` },
      text,
    );
    const radios = (
      [
        ['open', 'Open'],
        ['done', 'Done'],
        ['na', 'Does not apply'],
      ] as const
    ).map(([value, label]) => {
      const radio = element('input', { type: 'radio', name: `state-${id}`, value });
      radio.dataset.itemState = id;
      return {
        radio,
        label: element('label', { class: `checklist-option checklist-option-${value}` }, radio, ` ${label}`),
      };
    });
    const reasonId = `reason-${id}`;
    const reason = element('input', {
      type: 'text',
      id: reasonId,
      maxlength: String(MAX_REASON_LENGTH),
      autocomplete: 'off',
      'aria-describedby': `${reasonId}-hint`,
    });
    reason.dataset.itemReason = id;
    const reasonHint = element('p', { class: 'checklist-reason-hint', id: `${reasonId}-hint` }, REASON_HINT);
    const reasonBox = element(
      'div',
      { class: 'checklist-reason' },
      element('label', { for: reasonId }, 'Reason it does not apply'),
      reason,
      reasonHint,
    );
    reasonBox.hidden = true;
    const printStatus = element('p', { class: 'checklist-print-status' });
    const fieldset = element(
      'fieldset',
      { class: 'checklist-state' },
      legend,
      element('div', { class: 'checklist-options' }, ...radios.map(({ label }) => label)),
      reasonBox,
      printStatus,
    );
    if (staticText) staticText.replaceWith(fieldset);
    else item.prepend(fieldset);

    const copy = element(
      'button',
      { type: 'button', class: 'checklist-copy-link' },
      // The name says which item; the hidden copy is one text run, so it reads "Copy link: <text>".
      element('span', { 'aria-hidden': 'true' }, 'Copy link'),
      element('span', { class: 'visually-hidden' }, `Copy link: ${text}`),
    );
    copy.dataset.copyItem = id;
    (item.querySelector('.checklist-links') ?? item).append(copy);
    return { id, item, radios: radios.map(({ radio }) => radio), reasonBox, reason, reasonHint, printStatus };
  }

  /** A review in the URL wins for this load and is then saved; else the saved one; else a clean one. */
  private loadState(): ReviewState {
    const notices: string[] = [];
    const url = new URL(location.href);
    const fromUrl = url.searchParams.get('s');
    let state: ReviewState | undefined;

    if (fromUrl !== null) {
      const decoded = decodeState(fromUrl, this.known);
      if (decoded.ok) {
        state = decoded.state;
        notices.push('Opened the review from the link. It is now the review saved in this browser.');
        notices.push(...this.cleanupNotices(decoded, 'link'));
        this.save(state);
      } else {
        notices.push(
          `The review in the link could not be opened: ${PROBLEMS[decoded.problem]}. It was ignored.`,
        );
      }
      // The review now lives in storage; a reload must not bring the link's version back.
      url.searchParams.delete('s');
      history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    }

    if (!state) {
      const stored = readStoredReview();
      if (!stored.available) {
        notices.push(
          'This browser does not let the page save your review. Use “Copy link to this review” to keep it.',
        );
        this.storageWarned = true;
      } else if (stored.value !== null) {
        const decoded = decodeState(stored.value, this.known);
        if (decoded.ok) {
          state = decoded.state;
          notices.push(...this.cleanupNotices(decoded, 'saved review'));
        } else {
          notices.push(
            `The review saved in this browser could not be read: ${PROBLEMS[decoded.problem]}. ` +
              'Showing a clean checklist; your next change replaces the saved review.',
          );
        }
      }
    }
    this.notify(notices);
    return state ?? emptyState();
  }

  private cleanupNotices(decoded: Extract<DecodeResult, { ok: true }>, source: string): string[] {
    const notices: string[] = [];
    if (decoded.droppedIds.length > 0) {
      notices.push(
        `${plural(decoded.droppedIds.length, 'entry', 'entries')} in the ${source} named items or groups ` +
          'that are not on the checklist, and were left out.',
      );
    }
    if (decoded.shortenedReasons.length > 0) {
      notices.push(
        `${plural(decoded.shortenedReasons.length, 'reason was', 'reasons were')} longer than ` +
          `${MAX_REASON_LENGTH} characters and ${decoded.shortenedReasons.length === 1 ? 'was' : 'were'} shortened.`,
      );
    }
    return notices;
  }

  private notify(notices: string[]): void {
    const box = this.find('[data-notice]');
    box.replaceChildren(...notices.map((text) => element('p', {}, text)));
  }

  private announce(message: string): void {
    const region = this.find('[data-announce]');
    region.textContent = '';
    // A fresh text node after a beat, so the same message twice is announced twice.
    window.setTimeout(() => (region.textContent = message), 60);
  }

  private save(state: ReviewState): void {
    if (!writeStoredReview(encodeState(state)) && !this.storageWarned) {
      this.storageWarned = true;
      this.notify([
        'This browser does not let the page save your review. Use “Copy link to this review” to keep it.',
      ]);
    }
  }

  private update(state: ReviewState): void {
    this.state = state;
    this.save(state);
    this.render();
  }

  private onChange(event: Event): void {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    const id = target.dataset.itemState;
    if (id !== undefined && target.checked) {
      const controls = this.controls.find((control) => control.id === id);
      const next: ItemState | undefined =
        target.value === 'done'
          ? { status: 'done' }
          : target.value === 'na'
            ? { status: 'na', reason: controls?.reason.value ?? '' }
            : undefined;
      this.update(withItem(this.state, id, next));
    } else if (target.name === 'group') {
      this.update(withGroupIncluded(this.state, target.value, target.checked));
    }
  }

  private onInput(event: Event): void {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || target.dataset.itemReason === undefined) return;
    this.update(withItem(this.state, target.dataset.itemReason, { status: 'na', reason: target.value }));
  }

  private onClick(event: Event): void {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) return;
    if (button.dataset.copyItem) {
      const url = permanentItemUrl(this.siteBase, button.dataset.copyItem);
      void this.copy(url, `Copied the permanent link ${url}`);
      return;
    }
    switch (button.dataset.action) {
      case 'copy-markdown':
        this.copyMarkdown();
        break;
      case 'copy-review-link':
        void this.copy(
          reviewUrl(this.siteBase, this.state),
          'Copied a link that opens this review as it is now.',
        );
        break;
      case 'download-template':
        this.downloadTemplate();
        break;
      case 'new-review':
        this.newReview();
        break;
    }
  }

  private includedGroups(): ChecklistGroup[] {
    return this.groups.filter((group) => !this.state.excludedGroups.has(group.id));
  }

  private copyMarkdown(): void {
    const groups = this.includedGroups();
    if (groups.length === 0) {
      this.announce('Choose at least one group to include.');
      return;
    }
    const markdown = reviewMarkdown(this.groups, this.state, { siteBase: this.siteBase });
    const items = groups.reduce((sum, group) => sum + group.items.length, 0);
    void this.copy(
      markdown,
      `Copied the review as Markdown: ${plural(items, 'item', 'items')} in ${plural(groups.length, 'group', 'groups')}. Paste it into the pull request’s description.`,
    );
  }

  private downloadTemplate(): void {
    const groups = this.includedGroups();
    if (groups.length === 0) {
      this.announce('Choose at least one group to include.');
      return;
    }
    const text = pullRequestTemplate(groups, { siteBase: this.siteBase });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/markdown;charset=utf-8' }));
    const link = element('a', { href: url, download: TEMPLATE_FILE_NAME, hidden: '' });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.announce(`Downloaded ${TEMPLATE_FILE_NAME} with ${plural(groups.length, 'group', 'groups')}.`);
  }

  private newReview(): void {
    if (
      !isEmptyState(this.state) &&
      !window.confirm(
        'Start a new review? This clears every mark and reason of the current review in this browser.',
      )
    ) {
      return;
    }
    for (const control of this.controls) control.reason.value = '';
    this.notify([]);
    this.update(emptyState());
    this.announce('Started a new review: every item is open.');
  }

  private async copy(text: string, success: string): Promise<void> {
    const fallback = this.find('[data-copy-fallback]');
    try {
      await navigator.clipboard.writeText(text);
      fallback.hidden = true;
      this.announce(success);
    } catch {
      const area = this.find<HTMLTextAreaElement>('#checklist-copy-text');
      area.value = text;
      fallback.hidden = false;
      area.focus();
      area.select();
      this.announce(
        'This browser did not allow copying. The text is selected in the box below: copy it from there.',
      );
    }
  }

  private render(): void {
    let done = 0;
    let na = 0;
    let missing = 0;
    for (const control of this.controls) {
      const status = itemStatus(this.state, control.id);
      const entry = this.state.items.get(control.id);
      const checked = entry?.status ?? 'open';
      for (const radio of control.radios) radio.checked = radio.value === checked;
      control.reasonBox.hidden = entry?.status !== 'na';
      if (entry?.status === 'na' && control.reason.value !== entry.reason)
        control.reason.value = entry.reason;
      const invalid = status === 'na-without-reason';
      control.reason.setAttribute('aria-invalid', String(invalid));
      control.reasonHint.textContent = invalid ? REASON_MISSING : REASON_HINT;
      control.item.dataset.status = status;
      control.printStatus.textContent = statusText(status, entry?.status === 'na' ? entry.reason : '');
      if (status === 'done') done += 1;
      else if (status === 'na') na += 1;
      else if (invalid) missing += 1;
    }

    for (const box of this.querySelectorAll<HTMLInputElement>('input[name="group"]')) {
      box.checked = !this.state.excludedGroups.has(box.value);
    }
    for (const section of this.querySelectorAll<HTMLElement>('[data-group-id]')) {
      const excluded = this.state.excludedGroups.has(section.dataset.groupId ?? '');
      section.classList.toggle('is-excluded', excluded);
      const note = section.querySelector<HTMLElement>('[data-excluded-note]');
      if (note) note.hidden = !excluded;
    }

    const total = this.controls.length;
    this.find('[data-progress]').textContent =
      `${done + na} of ${total} items settled: ${done} done, ${na} not applying, ${total - done - na} open.` +
      (missing > 0
        ? ` ${plural(missing, 'item is', 'items are')} marked “does not apply” without a reason.`
        : '');
  }

  /** After the controls are in, bring the #item back into view; an old, retired #id lands on its replacement. */
  private followAnchor(retired: Record<string, string>): void {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    const replacement = retired[id];
    if (replacement) {
      location.replace(`#${replacement}`);
      return;
    }
    document.getElementById(id)?.scrollIntoView();
  }
}

if (!customElements.get('round-trip-checklist'))
  customElements.define('round-trip-checklist', ChecklistElement);
