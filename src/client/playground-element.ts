import { toVariantError } from '../analysis/variant-error.ts';
import type { RepetitionPolicy, RunArgs } from '../engine/engine-api.ts';
import type { GrowthSeries } from '../playground/growth-chart.ts';
import type { PaneInput, PaneOutcome } from '../playground/pane-view.ts';
import { runArgsFor, runsToWarmAhead } from '../playground/run-args.ts';
import { runControl, type RunKind, type RunSettings, type RunState } from '../playground/run-control.ts';
import { valueAtPath } from '../simulation/apply-knobs.ts';
import { recordBootTimings } from './boot-timings.ts';
import { h } from './dom.ts';
import { EngineError, EngineStoppedError, EngineTimeoutError } from './engine-client.ts';
import { pageEngineClient, type EngineKind } from './page-engine.ts';
import { BOOT_ROOT_MARGIN } from './playground-boot.ts';
import type { PlaygroundConfig } from './playground-config.ts';
import { variantToJavaScript } from './transpile-variant.ts';
import { copyOrSelect } from './copy-text.ts';
import { VariantEditors } from './variant-editors.ts';

type Results = typeof import('./playground-results.ts');
let results: Promise<Results> | undefined;
/** The result rendering, loaded once per page when the first playground nears the viewport. */
const loadResults = () => (results ??= import('./playground-results.ts'));

/** Runs in progress on this page, any playground: while there is one, nothing is warmed up ahead. */
let runsInProgress = 0;

/** How long the engine may work on one variant's run before it is stopped. */
const TIME_LIMIT_MS = 10_000;
/** Booting PGlite from the dataset's archive: about a second, far more on a busy or slow machine. */
const PREPARE_LIMIT_MS = 120_000;
/** "Run at every size" times each point more briefly than a comparison. */
const GROWTH_REPETITIONS: RepetitionPolicy = { min: 3, max: 5, budgetMs: 400 };

/** What a pane shows for a call that failed: stopped, out of time, or the engine's error. */
function outcomeOfError(error: unknown): PaneOutcome {
  if (error instanceof EngineTimeoutError) return { kind: 'timeout', limitMs: error.limitMs };
  if (error instanceof EngineStoppedError) return { kind: 'stopped' };
  return { kind: 'failed', error: error instanceof EngineError ? error.error : toVariantError(error) };
}

/**
 * `<rt-playground>`: wires the playground that playground.astro rendered at build time. Decisions
 * live in pure modules (src/playground/: what a pane shows, the comparison, hints, the growth
 * chart, when to run); this element reads the controls, calls the engine and puts results in place.
 */
export class PlaygroundElement extends HTMLElement {
  #config!: PlaygroundConfig;
  #state: RunState = { phase: 'idle' };
  #settings!: RunSettings;
  /** The settings the results on the page were computed with. */
  #shownSettings?: RunSettings;
  #outcomes = new Map<string, PaneOutcome>();
  #sources = new Map<string, string>();
  #editors!: VariantEditors;
  #status!: HTMLElement;
  #observer?: IntersectionObserver;
  /** Which engine the comparison in progress (or on the page) runs in: see page-engine.ts. */
  #engine: EngineKind = 'shipped';

  connectedCallback() {
    if (this.#status) return;
    this.#config = JSON.parse(this.dataset.config ?? '{}') as PlaygroundConfig;
    this.#status = this.querySelector<HTMLElement>('[data-status]')!;
    this.#settings = this.#readSettings();
    this.#editors = new VariantEditors(
      this,
      this.#config.example,
      (message) => (this.#status.textContent = message),
    );
    for (const hidden of this.querySelectorAll<HTMLElement>(
      '[data-controls], [data-edit-bar], [data-results]',
    ))
      hidden.hidden = false;
    const shareButton = this.querySelector<HTMLElement>('[data-action="share"]')!;
    this.#editors.onEditsChange = () =>
      (shareButton.hidden = Object.keys(this.#editors.allEdits()).length === 0);
    this.#editors.onEditsChange();
    // Share links are rare: their code loads only when the page was opened from one.
    if (location.hash.startsWith('#share/'))
      void import('./playground-share.ts').then(({ openShareLink }) => openShareLink(this.#shareTarget()));
    this.addEventListener('click', (event) => this.#onClick(event));
    this.addEventListener('change', (event) => this.#onChange(event));
    // The engine boots while the reader scrolls towards the playground, not on page load.
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.#observer?.disconnect();
        void loadResults().catch(() => {});
        void this.#prepare('shipped')
          .then(() => this.#warmAhead())
          .catch(() => {});
      },
      { rootMargin: BOOT_ROOT_MARGIN },
    );
    this.#observer.observe(this);
  }

  /** "Copy as a test", after a finished comparison: the fix's count pinned in tests to paste. */
  #renderTests(view: Results, settings: RunSettings) {
    const area = this.querySelector<HTMLElement>('[data-tests]')!;
    const measured = new Map<string, { n: number; queries: number }>();
    for (const [variantId, outcome] of this.#outcomes)
      if (outcome.kind === 'report')
        measured.set(variantId, { n: settings.n, queries: outcome.report.counts.sql });
    const open = area.querySelector('details')?.open ?? false;
    let tests: HTMLDetailsElement;
    try {
      tests = view.renderTests(this.#config, measured, async (test, what, code) => {
        const copied = await copyOrSelect(test.code, () => {
          getSelection()?.selectAllChildren(code);
          code.parentElement?.focus();
        });
        this.#status.textContent = copied
          ? `Copied the ${what} (${test.fileName}).`
          : `This browser did not let the page copy. The ${what} is selected: press Ctrl+C (⌘C on a Mac).`;
      });
    } catch {
      // A claim the generator cannot pin (the unit tests generate every shipped example's tests).
      return;
    }
    tests.open = open;
    area.replaceChildren(tests);
    area.hidden = false;
  }

  #shareTarget() {
    return {
      root: this,
      example: this.#config.example,
      variantIds: this.#config.variants.map((variant) => variant.id),
      editors: this.#editors,
      status: this.#status,
    };
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
  }

  /** Runs every variant, one after the other, on identical data (as the Run button does). */
  run(): Promise<void> {
    return this.#dispatch(runControl.press(this.#state, 'compare', this.#readSettings()));
  }

  /** Runs code in place of one variant's module, as an edit would (for tests: an endless loop, a failing query). */
  async runSource(variantId: string, source: string, limitMs = TIME_LIMIT_MS): Promise<void> {
    const settings = this.#readSettings();
    this.#engine = 'edited';
    this.#outcomes.set(variantId, await this.#runVariant(variantId, settings, source, limitMs));
    this.#shownSettings = settings;
    this.#renderResults(await loadResults());
  }

  #onClick(event: Event) {
    const button =
      event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-action]') : null;
    if (!button) return;
    const action = button.dataset.action;
    if (action === 'run' || action === 'every-size') {
      const kind: RunKind = action === 'run' ? 'compare' : 'every-size';
      void this.#dispatch(runControl.press(this.#state, kind, this.#readSettings()));
    } else if (action === 'share') {
      void import('./playground-share.ts').then(({ copyShareLink }) => copyShareLink(this.#shareTarget()));
    } else if (action === 'edit' || action === 'reset') {
      const variantId = button.closest<HTMLElement>('[data-variant]')?.dataset.variant;
      if (variantId) void this.#editors.handle(action, variantId, button);
    }
  }

  #onChange(event: Event) {
    const target = event.target;
    if (!(target instanceof HTMLSelectElement || target instanceof HTMLInputElement)) return;
    if (target.dataset.setting === undefined && target.dataset.knob === undefined) return;
    const previous = this.#settings;
    const next = this.#readSettings();
    if (!Number.isInteger(next.seed) || next.seed < 0 || next.seed > 0xffffffff) {
      this.#status.textContent = 'The seed is a whole number from 0 to 4294967295.';
      return;
    }
    this.#settings = next;
    void this.#dispatch(runControl.change(this.#state, previous, next, this.#outcomes.size > 0));
  }

  async #dispatch([state, action]: ReturnType<typeof runControl.press>): Promise<void> {
    this.#state = state;
    this.#syncButtons();
    switch (action.type) {
      case 'start':
        await this.#start(action.kind, action.settings);
        return;
      case 'stop':
        pageEngineClient(this.#engine).stop('Stopped by the reader.');
        return;
      case 'render':
        this.#renderResults(await loadResults());
        return;
      case 'none':
        return;
    }
  }

  async #start(kind: RunKind, settings: RunSettings) {
    // Code the reader edited (or opened from a link) never runs in the engine other pages share:
    // a comparison that includes any runs, whole, in a dedicated worker.
    this.#engine = this.#config.variants.some((variant) => this.#editors.editedCode(variant.id) !== undefined)
      ? 'edited'
      : 'shipped';
    // While this run lasts, nothing else is warmed up ahead in the shared engine: another
    // playground's warm-up would hold it for a whole variant run in a gap between this run's calls.
    // A comparison on the shared engine queues its own variants instead, the work its next calls
    // start with anyway (edited code runs in a worker of its own: nothing is queued).
    void pageEngineClient('shipped')
      .call(
        'warmVariants',
        { runs: kind === 'compare' ? this.#shippedRuns(settings) : [], only: true },
        { limitMs: PREPARE_LIMIT_MS },
      )
      .catch(() => {});
    runsInProgress += 1;
    try {
      const view = await loadResults();
      if (kind === 'compare') await this.#compare(settings, view);
      else await this.#everySize(settings, view);
    } finally {
      runsInProgress -= 1;
      await this.#dispatch(runControl.finish(this.#state, this.#readSettings()));
    }
  }

  /**
   * Runs every variant in two passes, on one size: first a warm-up (once per engine, see
   * warmed-variants.ts) and one timed run each, so the reader sees results at once; then more
   * timed runs each, whose medians replace the first figures (see merge-reports.ts). The marks
   * let the bench time both from the click.
   */
  async #compare(settings: RunSettings, view: Results) {
    performance.mark('round-trip:run-start');
    const size = `n = ${settings.n.toLocaleString('en')}`;
    this.#status.textContent = `Running on ${size}: a first timed run of each variant, after a warm-up run the first time…`;
    this.#outcomes.clear();
    for (const pane of this.querySelectorAll('[data-results]'))
      pane.replaceChildren(h('p', { class: 'run-placeholder' }, 'Waiting…'));
    const variants = this.#config.variants;
    await this.#runEach(
      variants.map((variant) => variant.id),
      settings,
      view.FIRST_PASS,
      (variantId, outcome) => {
        if (!outcome) {
          this.#paneResults(variantId)?.replaceChildren(h('p', { class: 'run-placeholder' }, 'Running…'));
          return;
        }
        this.#outcomes.set(variantId, outcome);
        this.#shownSettings = settings;
        this.#renderResults(view);
      },
    );
    performance.mark('round-trip:first-results');
    // data-passes="1": first figures only (the e2e suite sets it where it checks counts and
    // results, which every repetition must repeat exactly, not timings).
    if (this.#state.phase === 'running' && !this.#config.load && this.dataset.passes !== '1') {
      this.#status.textContent = `First results on ${size}; timing more runs of each variant for steadier figures…`;
      // A cold engine's first figures are the least true ones: finish warming it before the
      // repetitions whose medians replace them (about half a second, once per engine).
      const cold = [...this.#outcomes.values()].some(
        (outcome) => outcome.kind === 'report' && !outcome.report.engineWarm,
      );
      if (cold) {
        await pageEngineClient(this.#engine)
          .call('warmUp', { dataset: this.#config.dataset }, { limitMs: PREPARE_LIMIT_MS })
          .catch(() => {});
      }
      // One variant at a time here: a reader who leaves the page during these repetitions leaves
      // the shared engine one call to finish before it serves the next page, not every variant's.
      for (const variant of variants) {
        const first = this.#outcomes.get(variant.id);
        if (this.#state.phase !== 'running' || first?.kind !== 'report' || !first.report.result.ok) continue;
        const more = await this.#runVariant(variant.id, settings, undefined, TIME_LIMIT_MS, view.SECOND_PASS);
        if (more.kind === 'report')
          this.#outcomes.set(variant.id, {
            kind: 'report',
            report: view.mergeReports(first.report, more.report),
          });
        else if (more.kind !== 'stopped') this.#outcomes.set(variant.id, more);
        this.#renderResults(view);
      }
    }
    performance.mark('round-trip:run-end');
    this.#renderResults(view);
    const stopped =
      this.#state.phase !== 'running' ||
      [...this.#outcomes.values()].some((outcome) => outcome.kind === 'stopped');
    if (!stopped) this.#renderTests(view, settings);
    this.#status.textContent = `${stopped ? 'Stopped' : 'Finished'} on ${size}. ${this.#config.variants
      .map((variant) => view.announcement(this.#paneInput(variant.id, settings)))
      .join(' ')}`;
  }

  async #everySize(settings: RunSettings, view: Results) {
    const series: GrowthSeries[] = this.#config.variants.map((variant) => ({
      variantId: variant.id,
      label: variant.label,
      points: [],
    }));
    const area = this.querySelector<HTMLElement>('[data-growth]')!;
    for (const n of this.#config.n.choices) {
      for (const [index, variant] of this.#config.variants.entries()) {
        if (this.#state.phase !== 'running') break;
        this.#status.textContent = `Running at every size: ${variant.label} at n = ${n.toLocaleString('en')}…`;
        const outcome = await this.#runVariant(
          variant.id,
          { ...settings, n },
          undefined,
          TIME_LIMIT_MS,
          GROWTH_REPETITIONS,
        );
        if (outcome.kind === 'report')
          series[index]!.points.push(view.growthPoint(variant, n, outcome.report));
      }
    }
    area.hidden = false;
    area.replaceChildren(view.renderGrowthArea(series, this.#config.variants));
    this.#status.textContent =
      this.#state.phase === 'running' ? 'Finished running at every size.' : 'Stopped.';
  }

  async #runVariant(
    variantId: string,
    settings: RunSettings,
    source?: string,
    limitMs = TIME_LIMIT_MS,
    repetitions?: RepetitionPolicy,
  ): Promise<PaneOutcome> {
    try {
      return await this.#postRun(await this.#runArgs(variantId, settings, source), limitMs, repetitions);
    } catch (error) {
      return outcomeOfError(error);
    }
  }

  /**
   * Runs each variant, all posted at once and in order: `show` hears of each as the engine starts
   * it (no outcome yet) and as it ends. The engine takes one call at a time, in the order posted,
   * so each variant still runs alone, but the next one starts as soon as the engine is free, while
   * the page renders the one before, not after a round trip through the page (on the foreign-key
   * page's fifth Run that round trip waited ≈ 14 ms for the page's frame). Stop ends every call in
   * flight (EngineClient). A time-out does too, having restarted the engine, so the variants
   * queued behind the one that ran out of time are posted again, to the fresh engine, as they
   * were when each variant waited for the one before.
   */
  async #runEach(
    variantIds: string[],
    settings: RunSettings,
    repetitions: RepetitionPolicy,
    show: (variantId: string, outcome?: PaneOutcome) => void,
  ): Promise<void> {
    if (this.#state.phase !== 'running') {
      // Stopped before the first call was posted: nothing runs, each pane says so.
      for (const variantId of variantIds) show(variantId, { kind: 'stopped' });
      return;
    }
    let pending = await this.#runInOrder(variantIds, settings, repetitions);
    for (const [index, variantId] of variantIds.entries()) {
      show(variantId);
      const outcome = await pending[index]!;
      show(variantId, outcome);
      const rest = variantIds.slice(index + 1);
      if (outcome.kind === 'timeout' && rest.length > 0 && this.#state.phase === 'running')
        pending = [...pending.slice(0, index + 1), ...(await this.#runInOrder(rest, settings, repetitions))];
    }
  }

  /** Posts a run of each variant at once, in order; a variant whose code does not build fails alone. */
  async #runInOrder(
    variantIds: string[],
    settings: RunSettings,
    repetitions: RepetitionPolicy,
  ): Promise<Promise<PaneOutcome>[]> {
    const args = await Promise.allSettled(variantIds.map((variantId) => this.#runArgs(variantId, settings)));
    return args.map((built) =>
      built.status === 'rejected'
        ? Promise.resolve(outcomeOfError(built.reason))
        : this.#postRun(built.value, TIME_LIMIT_MS, repetitions).catch(outcomeOfError),
    );
  }

  /**
   * Posts the prepare call and the run right behind it. Booting is the prepare call's work, with
   * its own generous limit, never part of a run's: a run's limit starts when the engine begins it
   * (EngineClient), after the prepare. When the prepare fails, its error is the one reported.
   */
  #postRun(args: RunArgs, limitMs: number, repetitions?: RepetitionPolicy): Promise<PaneOutcome> {
    const prepared = this.#prepare(this.#engine);
    const report = pageEngineClient(this.#engine).call(
      'run',
      { ...args, ...(repetitions ? { repetitions } : {}) },
      { limitMs },
    );
    report.catch(() => {});
    return prepared.then(() => report).then((value) => ({ kind: 'report', report: value }));
  }

  async #runArgs(variantId: string, settings: RunSettings, source?: string): Promise<RunArgs> {
    const edited = this.#editors.editedCode(variantId);
    const code = source ?? edited;
    const javascript = code !== undefined ? await variantToJavaScript(code) : undefined;
    if (javascript !== undefined) this.#sources.set(variantId, javascript);
    else this.#sources.delete(variantId);
    return runArgsFor(this.#config, variantId, settings, javascript);
  }

  #paneInput(variantId: string, settings: RunSettings): PaneInput {
    const variants = this.#config.variants;
    const variant = variants.find((v) => v.id === variantId)!;
    const baselineOutcome = this.#outcomes.get(variants[0]!.id);
    const baselineHash =
      baselineOutcome?.kind === 'report' && baselineOutcome.report.result.ok
        ? baselineOutcome.report.result.hash
        : undefined;
    return {
      variant,
      baseline: variants[0]!,
      n: settings.n,
      roundTripMs: this.#settings.roundTripMs,
      outcome: this.#outcomes.get(variantId) ?? { kind: 'stopped' },
      baselineHash,
      claimsApply: this.#declaredSettings(settings),
    };
  }

  /** Every pane with an outcome, the comparison above them, and the hints. */
  #renderResults(view: Results) {
    const settings = this.#shownSettings;
    if (!settings) return;
    for (const variant of this.#config.variants) {
      if (!this.#outcomes.has(variant.id)) continue;
      this.#paneResults(variant.id)?.replaceChildren(
        view.renderVariantResults(this.#paneInput(variant.id, settings), {
          workers: this.#config.load?.workers,
          explain: async (statement) => {
            const args = await this.#runArgs(variant.id, settings, this.#sources.get(variant.id));
            await this.#prepare(this.#engine);
            return pageEngineClient(this.#engine).call(
              'explain',
              { ...args, statement },
              { limitMs: TIME_LIMIT_MS },
            );
          },
        }),
      );
    }
    const reports = this.#config.variants.flatMap((variant) => {
      const outcome = this.#outcomes.get(variant.id);
      return outcome?.kind === 'report' ? [{ variant, report: outcome.report }] : [];
    });
    const area = this.querySelector<HTMLElement>('[data-comparison]')!;
    const comparison = view.renderComparisonOf(this.#config.variants, reports, this.#settings.roundTripMs);
    area.hidden = comparison === undefined;
    if (comparison) area.replaceChildren(comparison);
  }

  /**
   * Boots the dataset in an engine (booting is the prepare call's work, with its own generous
   * limit, never part of a run's). `data-engine` tells tests and the bench where the boot stands.
   */
  async #prepare(kind: EngineKind): Promise<void> {
    if (!this.dataset.engine) this.dataset.engine = 'starting';
    const calledAt = performance.now();
    const report = await pageEngineClient(kind).call(
      'prepare',
      { dataset: this.#config.dataset },
      { limitMs: PREPARE_LIMIT_MS },
    );
    if (report.bootMs > 0) recordBootTimings(report, calledAt, performance.now());
    // `cold`: this call booted the dataset; `warm`: an engine (maybe from an earlier page) had it.
    if (!this.dataset.engineBoot) this.dataset.engineBoot = report.bootMs > 0 ? 'cold' : 'warm';
    this.dataset.engine = 'ready';
  }

  /**
   * Asks the shared engine to warm this playground's variants up at the current settings while the
   * reader reads (EngineApi.warmVariants), so that Run goes straight to the timed runs. Not when a
   * variant is edited (that comparison runs in a worker of its own) or for a load simulation.
   */
  async #warmAhead(): Promise<void> {
    if (runsInProgress > 0) return;
    await pageEngineClient('shipped').call(
      'warmVariants',
      { runs: this.#shippedRuns(this.#readSettings()) },
      { limitMs: PREPARE_LIMIT_MS },
    );
  }

  #shippedRuns(settings: RunSettings): RunArgs[] {
    return runsToWarmAhead(this.#config, settings, (id) => this.#editors.editedCode(id) !== undefined);
  }

  /** Whether the seed and every knob are as the example declares them (the claims hold there). */
  #declaredSettings(settings: RunSettings): boolean {
    const services = this.#config.services;
    if (!services) return true;
    if (settings.seed !== services.seed) return false;
    return this.#config.knobs.every((knob) => settings.knobs[knob.path] === valueAtPath(services, knob.path));
  }

  #paneResults(variantId: string): HTMLElement | null {
    return this.querySelector(`.playground-pane[data-variant="${variantId}"] [data-results]`);
  }

  #readSettings(): RunSettings {
    const value = (selector: string, fallback: number) => {
      const control = this.querySelector<HTMLInputElement | HTMLSelectElement>(selector);
      return control && control.value !== '' ? Number(control.value) : fallback;
    };
    const knobs: Record<string, number> = {};
    for (const select of this.querySelectorAll<HTMLSelectElement>('select[data-knob]'))
      knobs[select.dataset.knob!] = Number(select.value);
    return {
      n: value('[data-setting="n"]', this.#config.n.default),
      roundTripMs: value('[data-setting="round-trip"]', 0),
      seed: value('[data-setting="seed"]', this.#config.services?.seed ?? 1),
      knobs,
    };
  }

  /** Run becomes Stop while a run is in progress; "Run at every size" waits. */
  #syncButtons() {
    const running = this.#state.phase !== 'idle';
    for (const button of this.querySelectorAll<HTMLButtonElement>(
      'button[data-action="run"], button[data-action="every-size"]',
    )) {
      const isRun = button.dataset.action === 'run';
      const active = running && this.#state.phase === 'running' && (this.#state.kind === 'compare') === isRun;
      if (active) {
        button.textContent = 'Stop';
        button.disabled = false;
        button.setAttribute('aria-busy', 'true');
      } else {
        button.textContent = isRun ? 'Run' : 'Run at every size';
        button.disabled = running;
        button.removeAttribute('aria-busy');
      }
      if (this.#state.phase === 'stopping') button.disabled = true;
    }
  }
}

if (!customElements.get('rt-playground')) customElements.define('rt-playground', PlaygroundElement);
