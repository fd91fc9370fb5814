import type { VariantError } from '../analysis/variant-error.ts';
import type { EngineArgs, EngineMethod, EngineResult } from '../engine/engine-api.ts';
import type { EngineCall, EngineMessage } from '../engine/engine-protocol.ts';

/** A call that did not finish within its limit; the engine was stopped to end it. */
export class EngineTimeoutError extends Error {
  override name = 'EngineTimeoutError';
  constructor(readonly limitMs: number) {
    super(`Stopped after ${limitMs / 1000} s: the code did not finish.`);
  }
}

/** The reader pressed Stop (or another playground's call was stopped, which restarts the engine). */
export class EngineStoppedError extends Error {
  override name = 'EngineStoppedError';
}

/** A failure the engine reported as data (unknown dataset, broken module, a variant that threw). */
export class EngineError extends Error {
  override name = 'EngineError';
  constructor(readonly error: VariantError) {
    super(error.message);
  }
}

/** The engine's side of a connection: a dedicated Worker, or a SharedWorker's port. */
export interface EngineConnection {
  postMessage(call: EngineCall): void;
  /** Called with every message from the engine, and with an error when the connection breaks. */
  listen(onMessage: (message: EngineMessage) => void, onError: (error: Error) => void): void;
  /** Ends the connection; for a worker, terminates it (the only way to stop a synchronous loop). */
  close(): void;
}

export interface CallOptions {
  /** How long the engine may work on the call once it has started it. */
  limitMs: number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  limitMs: number;
  timer?: ReturnType<typeof setTimeout>;
}

/**
 * The page's side of the engine: one typed call per engine method, answers routed by an id that
 * never leaves this class. A call's time limit starts when the engine begins the work, not while
 * it waits behind another playground's run. A call that outlives its limit, or a stop, closes the
 * connection and fails everything in flight; the next call connects afresh.
 *
 * @example
 * const report = await client.call('run', { dataset, example, variant, n }, { limitMs: 10_000 });
 */
export class EngineClient {
  readonly #connect: () => EngineConnection;
  #connection?: EngineConnection;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  /** Bumped on every new connection, so answers of a closed one are ignored. */
  #generation = 0;
  /** Called with the connection each time one is made (cold-start instrumentation). */
  onConnect?: () => void;

  constructor(connect: () => EngineConnection) {
    this.#connect = connect;
  }

  call<M extends EngineMethod>(
    method: M,
    args: EngineArgs<M>,
    options: CallOptions,
  ): Promise<EngineResult<M>> {
    const connection = this.#ensureConnection();
    const id = this.#nextId++;
    return new Promise<EngineResult<M>>((resolve, reject) => {
      this.#pending.set(id, {
        resolve: resolve as (value: unknown) => void,
        reject,
        limitMs: options.limitMs,
      });
      connection.postMessage({ id, method, args } as EngineCall);
    });
  }

  /** Stops whatever the engine is doing: every call in flight fails with EngineStoppedError. */
  stop(reason = 'Stopped.'): void {
    this.#restart(new EngineStoppedError(reason));
  }

  /** True while a connection is open (the engine may be booted). */
  get connected(): boolean {
    return this.#connection !== undefined;
  }

  #ensureConnection(): EngineConnection {
    if (this.#connection) return this.#connection;
    const generation = ++this.#generation;
    const connection = this.#connect();
    this.#connection = connection;
    connection.listen(
      (message) => {
        if (generation === this.#generation) this.#onMessage(message);
      },
      (error) => {
        if (generation === this.#generation) this.#restart(error);
      },
    );
    this.onConnect?.();
    return connection;
  }

  #onMessage(message: EngineMessage): void {
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    switch (message.type) {
      case 'started':
        pending.timer = setTimeout(
          () => this.#restart(new EngineTimeoutError(pending.limitMs)),
          pending.limitMs,
        );
        return;
      case 'done':
        this.#settle(message.id);
        pending.resolve(message.value);
        return;
      case 'failed':
        this.#settle(message.id);
        pending.reject(new EngineError(message.error));
        return;
    }
  }

  #settle(id: number): void {
    clearTimeout(this.#pending.get(id)?.timer);
    this.#pending.delete(id);
  }

  /** Closes the connection and fails everything in flight; the next call starts afresh. */
  #restart(reason: Error): void {
    this.#connection?.close();
    this.#connection = undefined;
    this.#generation += 1;
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const call of pending) {
      clearTimeout(call.timer);
      call.reject(reason);
    }
  }
}

/** A dedicated module worker running the engine. */
export function dedicatedWorkerConnection(createWorker: () => Worker): EngineConnection {
  const worker = createWorker();
  return {
    postMessage: (call) => worker.postMessage(call),
    listen(onMessage, onError) {
      worker.addEventListener('message', (event: MessageEvent<EngineMessage>) => onMessage(event.data));
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        onError(new Error(`The playground worker failed: ${event.message || 'unknown error'}`));
      });
    },
    close: () => worker.terminate(),
  };
}

const GENERATION_KEY = 'round-trip:engine:generation';
let fallbackGeneration = 0;

/** Which shared engine this browser uses now; bumped when a page abandons one. */
function engineGeneration(): number {
  try {
    return Math.max(fallbackGeneration, Number(localStorage.getItem(GENERATION_KEY)) || 0);
  } catch {
    return fallbackGeneration;
  }
}

function abandonGeneration(generation: number): void {
  fallbackGeneration = Math.max(fallbackGeneration, generation + 1);
  try {
    localStorage.setItem(GENERATION_KEY, String(fallbackGeneration));
  } catch {
    // Storage refused: this page still moves on; other pages of the visit may meet the old engine.
  }
}

/**
 * The engine in a SharedWorker: one per browser (per site origin), kept across the pages of a
 * visit (`extendedLifetime`, Chromium 148+), so the next page finds PGlite booted and warm. A
 * page cannot terminate a SharedWorker, so closing abandons it: the generation in its name goes
 * up, and every later connection, from any page, starts a fresh engine. Other tabs still using
 * the old one time out or are stopped in turn.
 */
export function sharedWorkerConnection(url: string): EngineConnection {
  const generation = engineGeneration();
  const worker = new SharedWorker(url, {
    type: 'module',
    name: `round-trip-engine-${generation}`,
    extendedLifetime: true,
  } as WorkerOptions);
  const port = worker.port;
  return {
    postMessage: (call) => port.postMessage(call),
    listen(onMessage, onError) {
      port.addEventListener('message', (event: MessageEvent<EngineMessage>) => onMessage(event.data));
      worker.addEventListener('error', () =>
        onError(new Error('The shared playground engine failed to start')),
      );
      port.start();
    },
    close() {
      port.close();
      abandonGeneration(generation);
    },
  };
}
