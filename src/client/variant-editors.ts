import type { CodeEditor } from './code-editor.ts';
import { h } from './dom.ts';
import { forgetEdit, loadEdit, MAX_EDIT_CHARS, saveEdit, type SaveResult } from './variant-edits.ts';

const NOTES: Record<SaveResult | 'damaged' | 'loaded', string> = {
  saved: 'Edited: Run uses your code, saved in this browser.',
  removed: '',
  loaded: 'Edited: Run uses your code, saved in this browser.',
  refused:
    'Edited: Run uses your code, but this browser refused to save it: it is lost when you leave the page.',
  'too-long': `Edited: Run uses your code, but it is longer than ${MAX_EDIT_CHARS.toLocaleString('en')} characters, so it is not saved.`,
  damaged:
    'A saved edit of this code was incomplete (cut short by the browser’s storage), so the original is shown.',
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

  constructor(root: HTMLElement, example: string, report: (message: string) => void) {
    this.#root = root;
    this.#example = example;
    this.#report = report;
    for (const pane of root.querySelectorAll<HTMLElement>('.playground-pane[data-variant]')) {
      const variantId = pane.dataset.variant!;
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

  async handle(action: 'edit' | 'reset', variantId: string, button: HTMLButtonElement): Promise<void> {
    if (action === 'reset') {
      const original = this.#original(variantId);
      this.#edits.delete(variantId);
      forgetEdit(this.#example, variantId);
      this.#editors.get(variantId)?.setValue(original);
      this.#sync(variantId, 'removed');
      return;
    }
    await this.#open(variantId, button);
  }

  /** The shipped code of a variant, as the static block shows it. */
  #original(variantId: string): string {
    return this.#pane(variantId)?.querySelector('pre.astro-code')?.textContent ?? '';
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
