// The page's engines: which worker runs which code. Kept apart from engine-client.ts because it
// names the worker bundle (a Vite import) and touches the browser's constructors.
import engineWorkerUrl from '../engine/worker-entry.ts?worker&url';
import { dedicatedWorkerConnection, EngineClient, sharedWorkerConnection } from './engine-client.ts';

/** Whether this browser can keep the engine across pages (SharedWorker with module scripts). */
export function canShareEngine(): boolean {
  return typeof SharedWorker === 'function';
}

/** `shipped`: the site's own variants; `edited`: any comparison with the reader's code in it. */
export type EngineKind = 'shipped' | 'edited';

const clients = new Map<EngineKind, EngineClient>();

/**
 * The page's engine clients. `shipped`: the site's own variants, in the SharedWorker engine when
 * the browser has one (else a dedicated worker). `edited`: a comparison that includes code the
 * reader edited or opened from a link, always in a dedicated worker the page can terminate, so
 * such code never runs in the engine other pages share.
 */
export function pageEngineClient(kind: EngineKind = 'shipped'): EngineClient {
  let client = clients.get(kind);
  if (!client) {
    client = new EngineClient(() =>
      kind === 'shipped' && canShareEngine()
        ? sharedWorkerConnection(engineWorkerUrl)
        : dedicatedWorkerConnection(
            () => new Worker(engineWorkerUrl, { type: 'module', name: `round-trip-${kind}` }),
          ),
    );
    clients.set(kind, client);
  }
  return client;
}
