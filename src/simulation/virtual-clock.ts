/**
 * Simulated time for a run. Latencies, timeouts, backoff sleeps and hangs of the simulated
 * services advance this clock instead of making anyone wait: a thousand requests that each hang
 * for 30 s finish in a fraction of a second of real time.
 *
 * How it stays correct with real work in between: simulated time only moves when nothing real is
 * happening. The clock advances to the next timer only after a macrotask turn (so every promise
 * continuation has run) and while no tracked real operation (an SQL statement) is in flight.
 * Ties are broken by the order `sleep` was called, so the same code gives the same timeline.
 *
 * @example
 * const clock = new VirtualClock(nextMacrotask);
 * await clock.sleep(30_000); // returns at once; clock.now() is now 30000
 */
export class VirtualClock {
  readonly #nextMacrotask: () => Promise<void>;
  #now = 0;
  #sequence = 0;
  readonly #timers: Timer[] = [];
  #inFlight = 0;
  #driving = false;

  /** @param nextMacrotask resolves on a later task of the event loop (setImmediate, a MessageChannel). */
  constructor(nextMacrotask: () => Promise<void>) {
    this.#nextMacrotask = nextMacrotask;
  }

  /** Simulated milliseconds since the run started. */
  now(): number {
    return this.#now;
  }

  /** Resolves when simulated time reaches now + ms. Costs no real time. */
  sleep(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) {
      return Promise.reject(new RangeError(`clock.sleep() takes zero or more milliseconds, not ${ms}`));
    }
    return new Promise((resolve) => {
      pushTimer(this.#timers, { at: this.#now + ms, sequence: this.#sequence++, resolve });
      this.#drive();
    });
  }

  /** Runs a real asynchronous operation; simulated time stands still until it settles. */
  async track<T>(operation: () => Promise<T>): Promise<T> {
    this.#inFlight += 1;
    try {
      return await operation();
    } finally {
      this.#inFlight -= 1;
      // Nothing waits on simulated time: no need to wake the driver (a pure-SQL run never does).
      if (this.#timers.length > 0) this.#drive();
    }
  }

  /** Timers not yet due: a run that ends with some left had work still waiting. */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  #drive(): void {
    if (this.#driving) return;
    this.#driving = true;
    void this.#advance();
  }

  async #advance(): Promise<void> {
    try {
      for (;;) {
        await this.#nextMacrotask();
        // Real work in flight: its completion calls #drive again.
        if (this.#inFlight > 0 || this.#timers.length === 0) return;
        const timer = popTimer(this.#timers)!;
        this.#now = Math.max(this.#now, timer.at);
        timer.resolve();
      }
    } finally {
      this.#driving = false;
    }
  }
}

interface Timer {
  at: number;
  sequence: number;
  resolve: () => void;
}

const before = (a: Timer, b: Timer) => a.at < b.at || (a.at === b.at && a.sequence < b.sequence);

/** A binary min-heap keeps a load simulation with thousands of timers cheap. */
function pushTimer(heap: Timer[], timer: Timer): void {
  heap.push(timer);
  let index = heap.length - 1;
  while (index > 0) {
    const parent = (index - 1) >> 1;
    if (!before(heap[index]!, heap[parent]!)) break;
    [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
    index = parent;
  }
}

function popTimer(heap: Timer[]): Timer | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0 && last) {
    heap[0] = last;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
      if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
      if (smallest === index) break;
      [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
      index = smallest;
    }
  }
  return top;
}
