/**
 * <rt-checklist>: the review on the checklist page. The page is built with every control in it
 * (src/pages/checklist.astro): a radio group per item (open, done, does not apply + reason), the
 * copy and export buttons, all disabled until this element wires them, so nothing moves when it
 * does. The decisions are pure modules in src/checklist/ (what the first load shows, the state and
 * its encoding, the Markdown); this element reads the page, calls them, and writes the answer back.
 */
import { firstLoad, STORAGE_REFUSED } from '../checklist/checklist-first-load.ts';
import {
  emptyState,
  encodeState,
  isEmptyState,
  itemStatus,
  knownIdsOf,
  withGroupIncluded,
  withItem,
  type ItemState,
  type ReviewState,
} from '../checklist/checklist-state.ts';
import {
  permanentItemUrl,
  pullRequestTemplate,
  reviewMarkdown,
  reviewUrl,
  TEMPLATE_FILE_NAME,
  type ExportGroup,
} from '../checklist/checklist-markdown.ts';
import { h } from './dom.ts';
import { readStoredReview, writeStoredReview } from './checklist-storage.ts';
import { progressText, REASON_HINT, REASON_MISSING, statusText } from './checklist-status.ts';
import { copyOrSelect } from './copy-text.ts';

/** What the page hands the element in `data-checklist`: what the exports need, no more. */
export interface ChecklistPageData {
  groups: ExportGroup[];
  /** Retired id → the item that replaced it, so an old #anchor still lands. */
  retired: Record<string, string>;
}

/** The controls of one item, as the page was built with them. */
interface ItemControls {
  readonly id: string;
  readonly item: HTMLElement;
  readonly radios: HTMLInputElement[];
  readonly reasonBox: HTMLElement;
  readonly reason: HTMLInputElement;
  readonly reasonHint: HTMLElement;
  readonly printStatus: HTMLElement;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function part<T extends Element>(root: ParentNode, selector: string): T {
  const node = root.querySelector<T>(selector);
  if (!node) throw new Error(`checklist: missing ${selector}`);
  return node;
}

function controlsOf(item: HTMLElement): ItemControls {
  return {
    id: item.dataset.itemId!,
    item,
    radios: [...item.querySelectorAll<HTMLInputElement>('input[data-item-state]')],
    reasonBox: part(item, '[data-reason-box]'),
    reason: part(item, 'input[data-item-reason]'),
    reasonHint: part(item, '[data-reason-hint]'),
    printStatus: part(item, '[data-print-status]'),
  };
}

class ChecklistElement extends HTMLElement {
  private groups: ExportGroup[] = [];
  private siteBase = '';
  private state: ReviewState = emptyState();
  private controls: ItemControls[] = [];
  private storageWarned = false;

  connectedCallback(): void {
    if (this.dataset.enhanced !== undefined) return;
    const data = JSON.parse(this.dataset.checklist ?? '{"groups":[],"retired":{}}') as ChecklistPageData;
    this.groups = data.groups;
    this.siteBase = this.dataset.siteBase ?? new URL('/', location.href).href;
    this.controls = [...this.querySelectorAll<HTMLElement>('[data-item-id]')].map(controlsOf);

    const url = new URL(location.href);
    const load = firstLoad({
      fromUrl: url.searchParams.get('s'),
      stored: readStoredReview(),
      known: knownIdsOf(this.groups),
    });
    this.state = load.state;
    this.storageWarned = load.storageRefused;
    if (load.save) this.save(load.state);
    if (load.removeFromAddress) {
      url.searchParams.delete('s');
      history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    }
    this.notify(load.notices);

    for (const control of this.querySelectorAll<HTMLInputElement | HTMLButtonElement>('[disabled]')) {
      control.disabled = false;
    }
    this.addEventListener('change', (event) => this.onChange(event));
    this.addEventListener('input', (event) => this.onInput(event));
    this.addEventListener('click', (event) => this.onClick(event));
    this.render();
    this.dataset.enhanced = '';
    this.followAnchor(data.retired);
  }

  private notify(notices: readonly string[]): void {
    part(this, '[data-notice]').replaceChildren(...notices.map((text) => h('p', {}, text)));
  }

  private announce(message: string): void {
    const region = part(this, '[data-announce]');
    region.textContent = '';
    // A fresh text node after a beat, so the same message twice is announced twice.
    window.setTimeout(() => (region.textContent = message), 60);
  }

  private save(state: ReviewState): void {
    if (!writeStoredReview(encodeState(state)) && !this.storageWarned) {
      this.storageWarned = true;
      this.notify([STORAGE_REFUSED]);
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

  private includedGroups(): ExportGroup[] {
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
    const link = h('a', { href: url, download: TEMPLATE_FILE_NAME, hidden: '' });
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
    const fallback = part<HTMLElement>(this, '[data-copy-fallback]');
    const copied = await copyOrSelect(text, () => {
      const area = part<HTMLTextAreaElement>(this, '#checklist-copy-text');
      area.value = text;
      fallback.hidden = false;
      area.focus();
      area.select();
    });
    if (copied) fallback.hidden = true;
    this.announce(
      copied
        ? success
        : 'This browser did not allow copying. The text is selected in the box below: copy it from there.',
    );
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
    part(this, '[data-progress]').textContent = progressText({
      total: this.controls.length,
      done,
      na,
      missing,
    });
  }

  /** Once the review is shown, bring the #item back into view; an old, retired #id lands on its replacement. */
  private followAnchor(retired: Record<string, string>): void {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    const replacement = Object.hasOwn(retired, id) ? retired[id] : undefined;
    if (replacement) {
      location.replace(`#${replacement}`);
      return;
    }
    document.getElementById(id)?.scrollIntoView();
  }
}

if (!customElements.get('rt-checklist')) customElements.define('rt-checklist', ChecklistElement);
