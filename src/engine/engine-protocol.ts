import { toVariantError, type VariantError } from '../analysis/variant-error.ts';
import type { EngineArgs, EngineMethod, EngineResult } from './engine-api.ts';

/** A call from the page: the method, its arguments, and an id the client keeps to itself. */
export type EngineCall = {
  [M in EngineMethod]: { id: number; method: M; args: EngineArgs<M> };
}[EngineMethod];

/**
 * What the engine sends back for a call, in order: `started` when it begins the work (time
 * limits count from here, not from when the call was queued), then exactly one of `done` or
 * `failed`. Failures are data, never an uncaught exception in the worker.
 */
export type EngineMessage =
  | { id: number; type: 'started' }
  | { id: number; type: 'done'; value: EngineResult<EngineMethod> }
  | { id: number; type: 'failed'; error: VariantError };

/** Where the engine takes calls from: a dedicated worker's global scope, or a SharedWorker's port. */
export interface EngineEndpoint {
  postMessage(message: EngineMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<EngineCall>) => void): void;
}

export interface CallHooks {
  /** The engine has started the work. */
  started(): void;
}

/** The engine as the protocol sees it: one entry point that queues calls. */
export interface CallableEngine {
  call<M extends EngineMethod>(method: M, args: EngineArgs<M>, hooks: CallHooks): Promise<EngineResult<M>>;
}

const METHODS: ReadonlySet<string> = new Set<EngineMethod>([
  'prepare',
  'run',
  'explain',
  'warmUp',
  'warmVariants',
  'measure',
]);

/** Answers every call that arrives on `endpoint`; several endpoints can share one engine. */
export function serveEngine(engine: CallableEngine, endpoint: EngineEndpoint): void {
  endpoint.addEventListener('message', (event) => {
    const { id, method, args } = event.data ?? ({} as EngineCall);
    if (typeof id !== 'number') return;
    if (!METHODS.has(method)) {
      endpoint.postMessage({
        id,
        type: 'failed',
        error: { name: 'TypeError', message: `Unknown engine method "${method}"` },
      });
      return;
    }
    const hooks: CallHooks = { started: () => endpoint.postMessage({ id, type: 'started' }) };
    engine.call(method, args as never, hooks).then(
      (value) => endpoint.postMessage({ id, type: 'done', value }),
      (error: unknown) => endpoint.postMessage({ id, type: 'failed', error: toVariantError(error) }),
    );
  });
}
