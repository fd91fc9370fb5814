import type { PlaygroundConfig } from '../client/playground-config.ts';
import type { RunArgs } from '../engine/engine-api.ts';
import { applyKnobs } from '../simulation/apply-knobs.ts';
import type { RunSettings } from './run-control.ts';

/**
 * A run's arguments, always built here and in one order: the engine recognizes a run it has
 * already warmed up by them (src/engine/warmed-variants.ts), so a warm-up asked for ahead of a Run
 * counts only if its arguments are exactly the Run's.
 */
export function runArgsFor(
  config: PlaygroundConfig,
  variantId: string,
  settings: RunSettings,
  javascript?: string,
): RunArgs {
  return {
    dataset: config.dataset,
    example: config.example,
    variant: variantId,
    n: settings.n,
    autocommit: config.autocommit,
    ...(config.services
      ? { services: applyKnobs(config.services, { ...settings.knobs, seed: settings.seed }) }
      : {}),
    ...(config.load ? { load: config.load } : {}),
    ...(javascript !== undefined ? { source: javascript } : {}),
  };
}

/**
 * The runs to warm up ahead in the shared engine, at these settings: every variant of the
 * comparison, or none when the comparison would not run there (a variant is edited, so the whole
 * comparison runs in a worker of its own) or never warms up (a load simulation).
 */
export function runsToWarmAhead(
  config: PlaygroundConfig,
  settings: RunSettings,
  edited: (variantId: string) => boolean,
): RunArgs[] {
  if (config.load || config.variants.some((variant) => edited(variant.id))) return [];
  return config.variants.map((variant) => runArgsFor(config, variant.id, settings));
}
