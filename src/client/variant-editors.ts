import type { CodeEditor } from './code-editor.ts';
import { h } from './dom.ts';
import { forgetEdit, loadEdit, MAX_EDIT_CHARS, saveEdit, type SaveResult } from './variant-edits.ts';

const NOTES: Record<SaveResult | 'damaged' | 'loaded' | 'shared', string> = {
  saved: 'Edited: Run uses your code, saved in this browser.',
  removed: '',
  loaded: 'Edited: Run uses your code, saved in this browser.',
  refused:
    'Edited: Run uses your code, but this browser refused to save it: it is lost when you leave the page.',
  'too-long': `Edited: Run uses your code, but it is longer than ${MAX_EDIT_CHARS.toLocaleString('en')} characters, so it is not saved.`,
  damaged:
    'A saved edit of this code was incomplete (cut short by the browser’s storage), so the original is shown.',
  shared:
    'Shared code from a link, not written by this site. It has not run: read it before you press Run, which runs it in a worker of its own with no network access.',
};

/**
 * The Edit / Reset buttons under each variant's code: Monaco loaded on the first Edit click,
 * edits kept in the browser, and what the note under the code says about them.
 */
export class VariantEditors {
  readonly #root: HTMLElement;
  readonly #example: string;
  readonly #report: (message: string) => void;
  readonly #edits = new Map<string, string>();
  readonly #editors = new Map<string, CodeEditor>();
  /** The shipped code and its highlighted block, kept before shared code replaces what is shown. */
  readonly #originals = new Map<string, { code: string; block: Node }>();
  /** Variants whose code came from a share link and has not been edited here since. */
  readonly #shared = new Set<string>();
  /** Called whenever the set of edited variants may have changed. */
  onEditsChange: () => void = () => {};

  constructor(root: HTMLElement, example: string, report: (message: string) => void) {
    this.#root = root;
    this.#example = example;
    this.#report = report;
    for (const pane of root.querySelectorAll<HTMLElement>('.playground-pane[data-variant]')) {
      const variantId = pane.dataset.variant!;
      const pre = pane.querySelector('pre.astro-code');
      this.#originals.set(variantId, {
        code: pre?.textContent ?? '',
        block: pre?.cloneNode(true) ?? h('pre'),
      });
      const stored = loadEdit(example, variantId);
      if (stored.status === 'ok' && stored.code !== this.#original(variantId)) {
        this.#edits.set(variantId, stored.code);
        this.#sync(variantId, 'loaded');
      } else if (stored.status === 'damaged') {
        forgetEdit(example, variantId);
        this.#sync(variantId, 'damaged');
      }
    }
  }

  /** The reader's code for a variant, or undefined when it is the shipped code. */
  editedCode(variantId: string): string | undefined {
    return this.#edits.get(variantId);
  }

  /** Every edited variant's code (what a share link carries). */
  allEdits(): Record<string, string> {
    return Object.fromEntries(this.#edits);
  }

  /**
   * Shows code from a share link in place of the shipped code. It is not saved in this browser
   * (the reader did not write it) and not run: Run runs it, like an edit, in a dedicated worker.
   */
  loadShared(variants: Record<string, string>): void {
    for (const [variantId, code] of Object.entries(variants)) {
      const pre = this.#pane(variantId)?.querySelector<HTMLElement>('pre.astro-code');
      if (!pre || code === this.#original(variantId)) continue;
      this.#edits.set(variantId, code);
      this.#shared.add(variantId);
      // Plain text: the build highlighted the shipped code only.
      pre.replaceChildren(h('code', {}, code));
      pre.classList.add('shared-code');
      this.#editors.get(variantId)?.setValue(code);
      this.#sync(variantId, 'shared');
    }
  }

  async handle(action: 'edit' | 'reset', variantId: string, button: HTMLButtonElement): Promise<void> {
    if (action === 'reset') {
      const original = this.#original(variantId);
      this.#edits.delete(variantId);
      forgetEdit(this.#example, variantId);
      if (this.#shared.delete(variantId)) {
        const restored = this.#originals.get(variantId)!.block.cloneNode(true) as HTMLElement;
        restored.hidden = this.#editors.has(variantId);
        this.#pane(variantId)?.querySelector('pre.astro-code')?.replaceWith(restored);
      }
      this.#editors.get(variantId)?.setValue(original);
      this.#sync(variantId, 'removed');
      return;
    }
    await this.#open(variantId, button);
  }

  /** The shipped code of a variant, as the static block showed it. */
  #original(variantId: string): string {
    return this.#originals.get(variantId)?.code ?? '';
  }

  #pane(variantId: string): HTMLElement | null {
    return this.#root.querySelector<HTMLElement>(`.playground-pane[data-variant="${variantId}"]`);
  }

  #sync(variantId: string, state: keyof typeof NOTES): void {
    const pane = this.#pane(variantId);
    const reset = pane?.querySelector<HTMLElement>('[data-action="reset"]');
    const note = pane?.querySelector<HTMLElement>('[data-edit-note]');
    if (reset) reset.hidden = !this.#edits.has(variantId);
    if (note) note.textContent = NOTES[state];
    pane?.classList.toggle('pane-shared', this.#shared.has(variantId));
    this.onEditsChange();
  }

  async #open(variantId: string, button: HTMLButtonElement): Promise<void> {
    const existing = this.#editors.get(variantId);
    if (existing) return existing.focus();
    const pane = this.#pane(variantId)!;
    const pre = pane.querySelector<HTMLElement>('pre.astro-code')!;
    const original = this.#original(variantId);
    const label = pane.querySelector('.pane-label')?.firstChild?.textContent?.trim() ?? variantId;
    button.disabled = true;
    button.textContent = 'Loading editor…';
    const host = h('div', { class: 'code-editor', style: `height: ${pre.offsetHeight}px` });
    try {
      const { createCodeEditor } = await import('./code-editor.ts');
      pre.after(host);
      const editor = await createCodeEditor(host, this.#edits.get(variantId) ?? original, {
        label: `Code of “${label}”. Tab leaves the editor.`,
        example: this.#example,
        variant: variantId,
        onChange: (code) => {
          // Edited here, shared code becomes the reader's own edit (and is saved like one).
          this.#shared.delete(variantId);
          if (code === original) this.#edits.delete(variantId);
          else this.#edits.set(variantId, code);
          this.#sync(variantId, saveEdit(this.#example, variantId, code, original));
        },
      });
      this.#editors.set(variantId, editor);
      pre.hidden = true;
      button.hidden = true;
      editor.focus();
    } catch (error) {
      host.remove();
      button.disabled = false;
      button.textContent = 'Edit code';
      this.#report(`The editor could not load: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
