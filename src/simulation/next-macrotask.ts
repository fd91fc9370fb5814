/**
 * Resolves on a later turn of the event loop, after every pending promise continuation has run.
 * The virtual clock waits for this before moving time on. setImmediate in Node; a MessageChannel
 * in browsers, because setTimeout(0) is clamped to 4 ms after a few nested calls, which would
 * make a simulation of thousands of timers take seconds.
 */
export function nextMacrotask(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve));
  return channelTurn();
}

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

function channelTurn(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}
