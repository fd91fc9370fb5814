import type { RunArgs } from '../engine/engine-api.ts';
import { canShareEngine, pageEngineClient } from './page-engine.ts';

/** How long the engine may take to queue the runs (it answers at once; they run in idle time). */
const QUEUE_LIMIT_MS = 10_000;

/**
 * When the reader follows a link that carries the next page's runs (`data-warm-runs`, rendered by
 * guideline-layout.astro for the previous and next guideline), asks the shared engine to warm
 * them up while that page loads, so its first Run goes straight to the timed runs, as a Run does
 * after the reader has read for a while. Only an engine this page already runs, and only one
 * that outlives the page (a SharedWorker), on a dataset it has booted (`ifBooted`): a link is no
 * reason to start an engine or boot a dataset.
 */
export function warmLinkedPages(root: Document): void {
  root.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-warm-runs]') : null;
    if (!(link instanceof HTMLAnchorElement) || !canShareEngine()) return;
    const client = pageEngineClient('shipped');
    if (!client.connected) return;
    const runs = JSON.parse(link.dataset.warmRuns!) as RunArgs[];
    client.call('warmVariants', { runs, ifBooted: true }, { limitMs: QUEUE_LIMIT_MS }).catch(() => {});
  });
}
