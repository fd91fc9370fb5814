import { canonicalResult, resultHash } from '../analysis/canonical-result.ts';
import type { VariantResult } from './engine-api.ts';
import type { VariantRun } from './run-variant.ts';

const PREVIEW_CHARS = 2_000;

/** A run's outcome as the page needs it: a hash to compare, a preview to show, or the error. */
export function describeResult(outcome: VariantRun['outcome']): VariantResult {
  if (!outcome.ok) return outcome;
  const canonical = canonicalResult(outcome.value);
  return {
    ok: true,
    hash: resultHash(canonical),
    preview: canonical.length > PREVIEW_CHARS ? `${canonical.slice(0, PREVIEW_CHARS)}…` : canonical,
    ...(Array.isArray(outcome.value) ? { items: outcome.value.length } : {}),
  };
}
