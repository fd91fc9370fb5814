/// <reference lib="webworker" />
// The playground worker: a thin shell that serves the engine. The same script runs as a
// SharedWorker (one engine for every page of the site in a tab, so the next page finds it booted
// and warm) and as a dedicated Worker (where SharedWorker is missing, and for edited code, which
// must run where the page can terminate it).
import { createBrowserEngine } from './browser-engine.ts';
import { serveEngine, type EngineEndpoint } from './engine-protocol.ts';
import { isEngineFileUrl } from './engine-file-url.ts';
import { lockDown } from './lockdown.ts';

// Before any variant can run: no network, storage, other workers or code from strings for
// playground code. The engine keeps the real fetch for its own files, and PGlite may still fetch
// its extension bundles (same-origin engine files) when a database boots.
const { engineFetch, enginePostMessage } = lockDown(self, {
  allowFetch: (url) => isEngineFileUrl(url, self.location.origin),
});

const engine = createBrowserEngine({ fetch: engineFetch });

if (typeof SharedWorkerGlobalScope !== 'undefined' && self instanceof SharedWorkerGlobalScope) {
  (self as unknown as SharedWorkerGlobalScope).addEventListener('connect', (event) => {
    const port = (event as MessageEvent).ports[0]!;
    serveEngine(engine, port as unknown as EngineEndpoint);
    port.start();
  });
} else {
  serveEngine(engine, {
    postMessage: (message) => enginePostMessage!(message),
    addEventListener: (type, listener) => self.addEventListener(type, listener),
  });
}
