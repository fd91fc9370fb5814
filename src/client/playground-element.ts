import { DEFAULT_ROUND_TRIP_MS, ROUND_TRIP_CHOICES_MS } from '../analysis/round-trip-model.ts';
import { toVariantError } from '../analysis/variant-error.ts';
import { h } from './dom.ts';
import { EngineError, EngineTimeoutError, pageEngineClient } from './engine-client.ts';
import type { PlaygroundConfig } from './playground-config.ts';
import {
  announceText,
  renderRunResult,
  resultHashOf,
  type PaneContext,
  type PaneOutcome,
} from './render-run-result.ts';
import { variantToJavaScript } from './transpile-variant.ts';
import { loadEdit, saveEdit } from './variant-edits.ts';
import type { CodeEditor } from './code-editor.ts';

/** How long one variant may run before its worker is stopped. */
const DEFAULT_TIME_LIMIT_MS = 10_000;

/**
 * `<rt-playground>`: enhances the static example (code and claims, readable without JavaScript)
 * with a Run button, the data-size and round-trip controls, and each variant's results.
 * The worker starts when the playground scrolls near the viewport, never on page load.
 */
export class PlaygroundElement extends HTMLElement {
  #config!: PlaygroundConfig;
  #n = 0;
  #roundTripMs = DEFAULT_ROUND_TRIP_MS;
  #outcomes = new Map<string, PaneOutcome>();
  #running = false;
  #runButton!: HTMLButtonElement;
  #status!: HTMLElement;
  #observer?: IntersectionObserver;
  /** Variant id → the reader's edited TypeScript; Run uses it instead of the shipped module. */
  #edits = new Map<string, string>();
  #editors = new Map<string, CodeEditor>();

  connectedCallback() {
    if (this.#runButton) return;
    this.#config = JSON.parse(this.dataset.config ?? '{}') as PlaygroundConfig;
    this.#n = this.#config.n.default;
    for (const variant of this.#config.variants) {
      const saved = loadEdit(this.#config.example, variant.id);
      if (saved !== undefined) this.#edits.set(variant.id, saved);
    }
    this.#renderControls();
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          this.#observer?.disconnect();
          // Warm up in the background; a failure here shows up on Run.
          pageEngineClient()
            .call('prepare', { dataset: this.#config.dataset }, { limitMs: 120_000 })
            .catch(() => {});
        }
      },
      { rootMargin: '300px' },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
  }

  /** Runs every variant, one after the other, on identical data. */
  run(): Promise<void> {
    return this.#runAll();
  }

  /**
   * Runs JavaScript in place of one variant's module, e.g. code the reader edited. The module's
   * default export receives `{ db, n, sql }` like a variant.
   */
  async runSource(variantId: string, source: string, timeLimitMs = DEFAULT_TIME_LIMIT_MS): Promise<void> {
    await this.#runOne(variantId, source, timeLimitMs);
    this.#renderPanes();
    this.#announce();
  }

  #renderControls() {
    const idBase = `pg-${this.#config.example}`;
    this.#runButton = h('button', { type: 'button', class: 'run-button' }, 'Run');
    this.#runButton.addEventListener('click', () => void this.#runAll());

    const sizeSelect = h(
      'select',
      { id: `${idBase}-n` },
      ...this.#config.n.choices.map((n) =>
        h('option', { value: String(n), selected: n === this.#n ? '' : undefined }, n.toLocaleString('en')),
      ),
    );
    sizeSelect.addEventListener('change', () => {
      this.#n = Number(sizeSelect.value);
      // Keep the comparison live: once there are results, a new size runs again.
      if (this.#outcomes.size > 0) void this.#runAll();
    });

    const rttSelect = h(
      'select',
      { id: `${idBase}-rtt` },
      ...ROUND_TRIP_CHOICES_MS.map((ms) =>
        h(
          'option',
          { value: String(ms), selected: ms === this.#roundTripMs ? '' : undefined },
          ms === 0 ? 'none' : `${ms} ms`,
        ),
      ),
    );
    rttSelect.addEventListener('change', () => {
      this.#roundTripMs = Number(rttSelect.value);
      this.#renderPanes();
    });

    this.#status = h('p', { class: 'playground-status', role: 'status', 'aria-live': 'polite' });
    const controls = h(
      'div',
      { class: 'playground-controls' },
      this.#runButton,
      h('label', { for: sizeSelect.id }, `${capitalise(this.#config.n.label)} (n)`),
      sizeSelect,
      h('label', { for: rttSelect.id }, 'Modeled network round trip'),
      rttSelect,
    );
    const panes = this.querySelector('.playground-panes');
    panes?.before(controls, this.#status);
    for (const pane of this.querySelectorAll<HTMLElement>('.playground-pane')) {
      const variantId = pane.dataset.variant!;
      pane.querySelector('pre.astro-code')?.after(this.#renderEditBar(variantId));
      pane.append(h('div', { class: 'pane-results' }, h('p', { class: 'run-placeholder' }, 'Not run yet.')));
    }
  }

  /** The Edit / Reset buttons under a variant's code, and what they say about the edit. */
  #renderEditBar(variantId: string): HTMLElement {
    const label = this.#config.variants.find((v) => v.id === variantId)!.label;
    const edit = h('button', { type: 'button', class: 'edit-button' }, 'Edit code');
    const reset = h('button', { type: 'button', class: 'reset-button' }, 'Reset to original');
    const note = h('p', { class: 'edit-note', 'aria-live': 'polite' });
    const bar = h('div', { class: 'edit-bar' }, edit, reset, note);
    const sync = () => {
      const edited = this.#edits.has(variantId);
      reset.hidden = !edited;
      note.textContent = edited ? 'Edited: Run uses your code, saved in this browser.' : '';
    };
    sync();
    edit.addEventListener('click', () => void this.#openEditor(variantId, label, edit, sync));
    reset.addEventListener('click', () => {
      const original = this.#original(variantId);
      this.#edits.delete(variantId);
      saveEdit(this.#config.example, variantId, original, original);
      this.#editors.get(variantId)?.setValue(original);
      sync();
    });
    return bar;
  }

  /** The shipped code of a variant, as the static block shows it. */
  #original(variantId: string): string {
    return (
      this.querySelector(`.playground-pane[data-variant="${variantId}"] pre.astro-code`)?.textContent ?? ''
    );
  }

  async #openEditor(variantId: string, label: string, button: HTMLButtonElement, sync: () => void) {
    const existing = this.#editors.get(variantId);
    if (existing) return existing.focus();
    const pane = this.querySelector<HTMLElement>(`.playground-pane[data-variant="${variantId}"]`)!;
    const pre = pane.querySelector<HTMLElement>('pre.astro-code')!;
    const original = this.#original(variantId);
    button.disabled = true;
    button.textContent = 'Loading editor…';
    const host = h('div', { class: 'code-editor', style: `height: ${pre.offsetHeight}px` });
    try {
      const { createCodeEditor } = await import('./code-editor.ts');
      pre.after(host);
      const editor = await createCodeEditor(host, this.#edits.get(variantId) ?? original, {
        label: `Code of “${label}”. Tab leaves the editor.`,
        onChange: (code) => {
          if (code === original) this.#edits.delete(variantId);
          else this.#edits.set(variantId, code);
          saveEdit(this.#config.example, variantId, code, original);
          sync();
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
      this.#status.textContent = `The editor could not load: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  async #runAll() {
    if (this.#running) return;
    this.#running = true;
    this.#runButton.disabled = true;
    this.#runButton.setAttribute('aria-busy', 'true');
    this.#status.textContent = `Running on n = ${this.#n.toLocaleString('en')}…`;
    this.#outcomes.clear();
    for (const pane of this.querySelectorAll('.pane-results'))
      pane.replaceChildren(h('p', { class: 'run-placeholder' }, 'Running…'));
    try {
      for (const variant of this.#config.variants) {
        await this.#runOne(variant.id, undefined, DEFAULT_TIME_LIMIT_MS);
        this.#renderPanes();
      }
      this.#announce();
    } finally {
      this.#running = false;
      this.#runButton.disabled = false;
      this.#runButton.removeAttribute('aria-busy');
    }
  }

  async #runOne(variantId: string, source: string | undefined, limitMs: number) {
    let outcome: PaneOutcome;
    try {
      const edited = this.#edits.get(variantId);
      if (source === undefined && edited !== undefined) source = await variantToJavaScript(edited);
      const config = this.#config;
      const report = await pageEngineClient().call(
        'run',
        {
          dataset: config.dataset,
          example: config.example,
          variant: variantId,
          n: this.#n,
          autocommit: config.autocommit,
          ...(config.services ? { services: config.services } : {}),
          ...(config.load ? { load: config.load } : {}),
          source,
        },
        { limitMs },
      );
      outcome = { kind: 'report', report };
    } catch (error) {
      if (error instanceof EngineTimeoutError) outcome = { kind: 'timeout', limitMs: error.limitMs };
      else
        outcome = {
          kind: 'failed',
          error: error instanceof EngineError ? error.error : toVariantError(error),
        };
    }
    this.#outcomes.set(variantId, outcome);
  }

  #paneContexts(): PaneContext[] {
    const baseline = this.#config.variants[0]!;
    const baselineOutcome = this.#outcomes.get(baseline.id);
    return this.#config.variants.flatMap((variant) => {
      const outcome = this.#outcomes.get(variant.id);
      if (!outcome) return [];
      return [
        {
          variant,
          baseline,
          n: this.#n,
          roundTripMs: this.#roundTripMs,
          outcome,
          baselineHash: baselineOutcome && resultHashOf(baselineOutcome),
        },
      ];
    });
  }

  #renderPanes() {
    for (const context of this.#paneContexts()) {
      const pane = this.querySelector(`.playground-pane[data-variant="${context.variant.id}"] .pane-results`);
      pane?.replaceChildren(renderRunResult(context));
    }
  }

  #announce() {
    this.#status.textContent = `Finished on n = ${this.#n.toLocaleString('en')}. ${this.#paneContexts().map(announceText).join(' ')}`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

if (!customElements.get('rt-playground')) customElements.define('rt-playground', PlaygroundElement);
