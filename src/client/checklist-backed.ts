/**
 * <rt-checklist-backed>: the box at the end of a guideline page lists the checklist items the
 * page backs. When this browser holds a review (saved by the checklist page), each item gets its
 * state from it. Without JavaScript, or without a saved review, the box is the plain list.
 */
import { decodeState, itemStatus } from '../checklist/checklist-state.ts';
import { h } from './dom.ts';
import { LEGACY_REVIEW_STORAGE_KEY, readStoredReview, REVIEW_STORAGE_KEY } from './checklist-storage.ts';
import { statusText } from './checklist-status.ts';

class ChecklistBackedElement extends HTMLElement {
  private readonly refresh = () => this.render();
  private readonly onStorage = (event: StorageEvent) => {
    const keys = [REVIEW_STORAGE_KEY, LEGACY_REVIEW_STORAGE_KEY, null];
    if (keys.includes(event.key)) this.render();
  };

  connectedCallback(): void {
    this.render();
    // Another tab changed the review, or the page came back from the back/forward cache.
    window.addEventListener('storage', this.onStorage);
    window.addEventListener('pageshow', this.refresh);
  }

  disconnectedCallback(): void {
    window.removeEventListener('storage', this.onStorage);
    window.removeEventListener('pageshow', this.refresh);
  }

  private render(): void {
    const stored = readStoredReview();
    const decoded = stored.available && stored.value !== null ? decodeState(stored.value) : undefined;
    const note = this.querySelector<HTMLElement>('[data-backed-state]');
    if (note) note.hidden = !decoded?.ok;
    for (const item of this.querySelectorAll<HTMLElement>('[data-item-id]')) {
      item.querySelector('.checklist-badge')?.remove();
      if (!decoded?.ok) continue;
      const id = item.dataset.itemId!;
      const status = itemStatus(decoded.state, id);
      const entry = decoded.state.items.get(id);
      const badge = h(
        'span',
        { class: 'checklist-badge', 'data-status': status },
        h('span', { class: 'visually-hidden' }, 'In your review: '),
        statusText(status, entry?.status === 'na' ? entry.reason : ''),
      );
      item.append(' ', badge);
    }
  }
}

if (!customElements.get('rt-checklist-backed')) {
  customElements.define('rt-checklist-backed', ChecklistBackedElement);
}
