/** What a comparison runs with, fixed at the start of a run. */
export interface RunSettings {
  n: number;
  roundTripMs: number;
  seed: number;
  /** Knob path → chosen value. */
  knobs: Readonly<Record<string, number>>;
}

export type RunKind = 'compare' | 'every-size';

export type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; kind: RunKind; settings: RunSettings; rerun: boolean }
  | { phase: 'stopping' };

export type RunAction =
  | { type: 'start'; kind: RunKind; settings: RunSettings }
  | { type: 'stop' }
  | { type: 'render' }
  | { type: 'none' };

/** Settings that change what the engine computes; the round-trip time only changes the model. */
export function needsRerun(before: RunSettings, after: RunSettings): boolean {
  return (
    before.n !== after.n ||
    before.seed !== after.seed ||
    JSON.stringify(Object.entries(before.knobs).sort()) !== JSON.stringify(Object.entries(after.knobs).sort())
  );
}

/**
 * The playground's run decisions, kept out of the element so they can be tested: one size per
 * comparison (settings are fixed when a run starts), a change during a run queues one re-run,
 * Run becomes Stop while a run is in progress.
 */
export const runControl = {
  /** The Run/Stop button was pressed. */
  press(state: RunState, kind: RunKind, settings: RunSettings): [RunState, RunAction] {
    if (state.phase === 'running') return [{ phase: 'stopping' }, { type: 'stop' }];
    if (state.phase === 'stopping') return [state, { type: 'none' }];
    return [
      { phase: 'running', kind, settings, rerun: false },
      { type: 'start', kind, settings },
    ];
  },

  /**
   * A control changed. With results on the page, a change that matters re-runs at once; during a
   * run it is remembered, and the run in progress keeps its own settings.
   */
  change(
    state: RunState,
    previous: RunSettings,
    next: RunSettings,
    hasResults: boolean,
  ): [RunState, RunAction] {
    const rerun = needsRerun(previous, next);
    if (state.phase === 'running') {
      return rerun ? [{ ...state, rerun: true }, { type: 'none' }] : [state, { type: 'none' }];
    }
    if (state.phase === 'stopping' || !hasResults) return [state, { type: 'none' }];
    if (rerun)
      return [
        { phase: 'running', kind: 'compare', settings: next, rerun: false },
        { type: 'start', kind: 'compare', settings: next },
      ];
    return [state, { type: 'render' }];
  },

  /** The run ended (finished, failed or stopped). A queued change starts its re-run now. */
  finish(state: RunState, current: RunSettings): [RunState, RunAction] {
    if (state.phase === 'running' && state.rerun) {
      return [
        { phase: 'running', kind: state.kind, settings: current, rerun: false },
        { type: 'start', kind: state.kind, settings: current },
      ];
    }
    return [{ phase: 'idle' }, { type: 'render' }];
  },
};
