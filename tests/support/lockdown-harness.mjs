// Runs in a worker thread (a global scope of its own): locks it down, then tries every way out
// and reports what each attempt met. Used by tests/unit/lockdown.test.ts.
import { parentPort } from 'node:worker_threads';
import { lockDown } from '../../src/engine/lockdown.ts';

const originalFetch = globalThis.fetch;
// A dedicated Worker's postMessage (a worker thread has none): what would reach the page.
globalThis.postMessage = (message) => parentPort.postMessage({ forged: message });
const { engineFetch, enginePostMessage } = lockDown(globalThis, {
  allowFetch: (url) => url.origin === 'http://127.0.0.1:9' && url.pathname.endsWith('.tar.gz'),
});

const attempts = {
  fetch: () => fetch('https://example.org/'),
  'fetch of a Request': () => fetch(new Request('https://example.org/')),
  'fetch after delete': () => {
    try {
      delete globalThis.fetch;
    } catch {
      // Non-configurable: strict-mode delete throws, and fetch stays refused.
    }
    return fetch('https://example.org/');
  },
  'fetch after redefining it': () => {
    try {
      Object.defineProperty(globalThis, 'fetch', { value: originalFetch });
    } catch {
      // Non-configurable: the redefinition throws.
    }
    return fetch('https://example.org/');
  },
  'fetch of an engine file on another origin': () => fetch('https://example.org/pglite.tar.gz'),
  WebSocket: () => new WebSocket('wss://example.org/'),
  BroadcastChannel: () => new BroadcastChannel('round-trip'),
  eval: () => eval('1 + 1'),
  'indirect eval': () => (0, eval)('1 + 1'),
  Function: () => Function('return 1')(),
  'new Function': () => new Function('return 1')(),
  "a function's constructor": () => function () {}.constructor('return 1')(),
  "an async function's constructor": () => async function () {}.constructor('return 1')(),
  "a generator's constructor": () => function* () {}.constructor('yield 1')().next(),
  "an async generator's constructor": () => async function* () {}.constructor('yield 1')().next(),
  'setTimeout with a string': () => setTimeout('globalThis.escaped = true', 0),
  'setInterval with a string': () => setInterval('globalThis.escaped = true', 0),
  postMessage: () => globalThis.postMessage('forged'),
};

const results = {};
for (const [name, attempt] of Object.entries(attempts)) {
  try {
    const value = await attempt();
    results[name] = { outcome: 'allowed', value: String(value) };
  } catch (error) {
    results[name] = { outcome: 'refused', name: error?.name, message: error?.message };
  }
}

// What must keep working for the engine and for ordinary code.
let allowedFetch;
try {
  await fetch('http://127.0.0.1:9/pglite.tar.gz');
  allowedFetch = 'answered';
} catch (error) {
  allowedFetch = error?.name; // the real fetch ran and failed to connect: not a refusal
}
const timerRan = await new Promise((resolve) => setTimeout(() => resolve(true), 1));
parentPort.postMessage({
  results,
  keeps: {
    instanceofFunction: (() => {}) instanceof Function && (async () => {}) instanceof Function,
    timerRan,
    engineFetchIsTheOriginal: engineFetch !== fetch && typeof engineFetch === 'function',
    allowedFetch,
    enginePostMessage: typeof enginePostMessage,
  },
});
