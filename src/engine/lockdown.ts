/**
 * Takes from the worker's global scope everything playground code could use to reach beyond the
 * engine: the network, the origin's storage, other workers, and code from strings (which could
 * import() a module from anywhere). Done once when the worker starts, before any variant runs;
 * the engine keeps private references to what it needs (engineFetch below). See "Threat model"
 * in ARCHITECTURE.md for what this does and does not stop.
 */

export const NETWORK_REFUSED_MESSAGE = 'network access is not available to playground code';

/** What playground code gets when it tries a refused capability. */
export class NetworkRefusedError extends Error {
  constructor(what: string) {
    super(`${what}: ${NETWORK_REFUSED_MESSAGE}`);
    this.name = 'NetworkRefusedError';
  }
}

/** Globals that reach the network, the origin's storage or other contexts. */
export const REFUSED_GLOBALS = [
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'importScripts',
  'indexedDB',
  'caches',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'RTCPeerConnection',
] as const;

/** Constructors that compile code from strings (reached through any function's .constructor). */
const CODE_FROM_STRINGS = [
  function () {},
  async function () {},
  function* () {},
  async function* () {},
] as const;

export interface LockdownOptions {
  /**
   * Which fetches the engine itself still needs after lockdown (PGlite loads extension bundles
   * with the global fetch when a database boots): same-origin engine files only.
   */
  allowFetch(url: URL): boolean;
}

export interface Lockdown {
  /** The real fetch, for the engine's own downloads. */
  engineFetch: typeof fetch;
  /**
   * The real postMessage of a dedicated worker (undefined in a SharedWorker, which answers through
   * ports that only the engine holds): playground code cannot post forged results to the page.
   */
  enginePostMessage?: (message: unknown) => void;
}

type Scope = Record<string, unknown> & { location?: { href: string } };

function refusal(what: string) {
  const refused = function refused(): never {
    throw new NetworkRefusedError(what);
  };
  // `x instanceof Function` (and of a refused constructor) keeps working for the engine's libraries.
  refused.prototype = Function.prototype;
  return refused;
}

function seal(target: object, name: string, descriptor: PropertyDescriptor) {
  // Not configurable: `delete globalThis.fetch` or a redefinition cannot bring the original back.
  Object.defineProperty(target, name, { ...descriptor, configurable: false });
}

export function lockDown(scope: typeof globalThis, options: LockdownOptions): Lockdown {
  const global = scope as unknown as Scope;
  const realFetch = (scope.fetch as typeof fetch).bind(scope);
  const base = global.location?.href ?? 'http://localhost/';

  const guardedFetch = (input: RequestInfo | URL, init?: RequestInit) => {
    let url: URL;
    try {
      url = new URL(input instanceof Request ? input.url : String(input), base);
    } catch {
      return Promise.reject(new NetworkRefusedError('fetch'));
    }
    return options.allowFetch(url)
      ? realFetch(input, init)
      : Promise.reject(new NetworkRefusedError(`fetch(${JSON.stringify(url.href)})`));
  };
  seal(global, 'fetch', { value: guardedFetch, writable: false, enumerable: true });

  for (const name of REFUSED_GLOBALS) {
    if (!(name in global)) continue;
    const refused = refusal(name);
    // Properties (indexedDB, caches) throw when read; constructors and functions when called.
    if (name === 'indexedDB' || name === 'caches') seal(global, name, { get: refused, enumerable: true });
    else seal(global, name, { value: refused, writable: false, enumerable: true });
  }
  const navigator = global.navigator as object | undefined;
  if (navigator && 'storage' in navigator) seal(navigator, 'storage', { get: refusal('navigator.storage') });

  // Code from strings: eval, Function and its async/generator kin, string timers.
  const refusedEval = refusal('eval');
  seal(global, 'eval', { value: refusedEval, writable: false });
  for (const example of CODE_FROM_STRINGS) {
    const prototype = Object.getPrototypeOf(example) as { constructor: unknown };
    const refused = refusal(`${(prototype.constructor as { name: string }).name} from a string`);
    seal(prototype, 'constructor', { value: refused, writable: false });
  }
  seal(global, 'Function', { value: refusal('Function from a string'), writable: false });
  for (const name of ['setTimeout', 'setInterval'] as const) {
    const timer = global[name] as (handler: unknown, ...rest: unknown[]) => number;
    seal(global, name, {
      value: (handler: unknown, ...rest: unknown[]) => {
        if (typeof handler !== 'function') throw new NetworkRefusedError(`${name} with a string`);
        return timer.call(scope, handler, ...rest);
      },
      writable: false,
    });
  }
  let enginePostMessage: Lockdown['enginePostMessage'];
  if (typeof global.postMessage === 'function') {
    enginePostMessage = (global.postMessage as (message: unknown) => void).bind(scope);
    seal(global, 'postMessage', { value: refusal('postMessage'), writable: false });
  }
  return { engineFetch: realFetch, enginePostMessage };
}
