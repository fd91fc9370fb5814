import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EngineClient,
  EngineError,
  EngineStoppedError,
  EngineTimeoutError,
  type EngineConnection,
} from '../../src/client/engine-client.ts';
import type { EngineCall, EngineMessage } from '../../src/engine/engine-protocol.ts';

/** A stand-in for the worker: records what the page sent and lets the test answer. */
class FakeConnection implements EngineConnection {
  readonly calls: EngineCall[] = [];
  closed = false;
  #onMessage?: (message: EngineMessage) => void;
  #onError?: (error: Error) => void;

  postMessage(call: EngineCall) {
    this.calls.push(call);
  }
  listen(onMessage: (message: EngineMessage) => void, onError: (error: Error) => void) {
    this.#onMessage = onMessage;
    this.#onError = onError;
  }
  close() {
    this.closed = true;
  }
  answer(message: EngineMessage) {
    this.#onMessage!(message);
  }
  fail(error: Error) {
    this.#onError!(error);
  }
}

function setUp() {
  const connections: FakeConnection[] = [];
  const client = new EngineClient(() => {
    const connection = new FakeConnection();
    connections.push(connection);
    return connection;
  });
  return { client, connections };
}

const prepared = { bootMs: 1, seedMs: 0, fromArchive: true };

describe('EngineClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('routes answers to their calls by id, whatever order they come in', async () => {
    const { client, connections } = setUp();
    const first = client.call('prepare', { dataset: 'library' }, { limitMs: 1000 });
    const second = client.call('prepare', { dataset: 'shop' }, { limitMs: 1000 });
    const [one, two] = connections[0]!.calls;
    expect(one).toMatchObject({ method: 'prepare', args: { dataset: 'library' } });
    expect(one!.id).not.toBe(two!.id);
    connections[0]!.answer({ id: two!.id, type: 'done', value: { ...prepared, bootMs: 2 } });
    connections[0]!.answer({ id: one!.id, type: 'done', value: prepared });
    expect(await first).toEqual(prepared);
    expect(await second).toEqual({ ...prepared, bootMs: 2 });
    expect(connections).toHaveLength(1);
  });

  it('turns a failure reported as data into an EngineError carrying it', async () => {
    const { client, connections } = setUp();
    const pending = client.call('prepare', { dataset: 'x' }, { limitMs: 1000 });
    connections[0]!.answer({
      id: connections[0]!.calls[0]!.id,
      type: 'failed',
      error: { name: 'Error', message: 'Unknown dataset "x"' },
    });
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).error.message).toBe('Unknown dataset "x"');
  });

  it('starts a time limit when the engine starts the call, not while it waits in the queue', async () => {
    const { client, connections } = setUp();
    const pending = client.call('prepare', { dataset: 'library' }, { limitMs: 1000 });
    const settled = vi.fn();
    pending.then(settled, settled);
    // Queued behind another playground's run for a long time: no limit yet.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled).not.toHaveBeenCalled();
    connections[0]!.answer({ id: connections[0]!.calls[0]!.id, type: 'started' });
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    const error = settled.mock.calls[0]![0];
    expect(error).toBeInstanceOf(EngineTimeoutError);
    expect((error as EngineTimeoutError).limitMs).toBe(1000);
    expect(connections[0]!.closed).toBe(true);
  });

  it('fails every call in flight when the connection breaks, and the next call connects afresh', async () => {
    const { client, connections } = setUp();
    const a = client.call('prepare', { dataset: 'library' }, { limitMs: 1000 });
    const b = client.call('prepare', { dataset: 'shop' }, { limitMs: 1000 });
    connections[0]!.fail(new Error('The playground worker failed: boom'));
    await expect(a).rejects.toThrow('boom');
    await expect(b).rejects.toThrow('boom');
    expect(connections[0]!.closed).toBe(true);

    const c = client.call('prepare', { dataset: 'library' }, { limitMs: 1000 });
    expect(connections).toHaveLength(2);
    // The new engine must be asked to prepare again: nothing is assumed prepared after a restart.
    expect(connections[1]!.calls).toEqual([
      expect.objectContaining({ method: 'prepare', args: { dataset: 'library' } }),
    ]);
    connections[1]!.answer({ id: connections[1]!.calls[0]!.id, type: 'done', value: prepared });
    expect(await c).toEqual(prepared);
  });

  it('stop() fails what is in flight, closes the connection, and ignores what the old one still says', async () => {
    const { client, connections } = setUp();
    const pending = client.call('prepare', { dataset: 'library' }, { limitMs: 1000 });
    const oldId = connections[0]!.calls[0]!.id;
    client.stop('Stopped by the reader.');
    await expect(pending).rejects.toBeInstanceOf(EngineStoppedError);
    expect(connections[0]!.closed).toBe(true);
    const next = client.call('prepare', { dataset: 'library' }, { limitMs: 1000 });
    const settled = vi.fn();
    next.then(settled, settled);
    // A late answer from the stopped engine, even with a reused id, reaches nobody.
    connections[0]!.answer({ id: oldId, type: 'done', value: { ...prepared, bootMs: 99 } });
    connections[0]!.answer({
      id: connections[1]!.calls[0]!.id,
      type: 'done',
      value: { ...prepared, bootMs: 99 },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).not.toHaveBeenCalled();
    connections[1]!.answer({ id: connections[1]!.calls[0]!.id, type: 'done', value: prepared });
    expect(await next).toEqual(prepared);
  });
});
