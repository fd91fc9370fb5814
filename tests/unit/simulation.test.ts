import { describe, expect, it } from 'vitest';
import { percentile, summarizeLoad } from '../../src/analysis/summarize-load.ts';
import { applyKnobs } from '../../src/simulation/apply-knobs.ts';
import { sampleLatency } from '../../src/simulation/latency-distribution.ts';
import { planArrivals, simulateLoad, type LoadRecord } from '../../src/simulation/load-simulation.ts';
import { nextMacrotask } from '../../src/simulation/next-macrotask.ts';
import { seededRandom } from '../../src/simulation/seeded-random.ts';
import type { ServiceCall } from '../../src/simulation/service-call.ts';
import { ServiceEnvironment } from '../../src/simulation/service-environment.ts';
import type { UpstreamConfig } from '../../src/simulation/services-config.ts';
import { SimulatedCache } from '../../src/simulation/simulated-cache.ts';
import {
  HttpConnectionError,
  HttpTimeoutError,
  SimulatedHttp,
  type HttpResponse,
} from '../../src/simulation/simulated-http.ts';
import { SimulatedJobs, type TransactionGate } from '../../src/simulation/simulated-jobs.ts';
import { VirtualClock } from '../../src/simulation/virtual-clock.ts';

function world(upstreams: Record<string, Partial<UpstreamConfig>> = {}, seed = 1) {
  const clock = new VirtualClock(nextMacrotask);
  const log: ServiceCall[] = [];
  const env = new ServiceEnvironment(clock, log, seed);
  const http = new SimulatedHttp(env, upstreams as Record<string, UpstreamConfig>);
  return { clock, log, env, http };
}

/** A plain exponential-backoff retry loop, as a variant would write it. */
async function withRetries(
  clock: VirtualClock,
  call: () => Promise<HttpResponse>,
  { attempts, baseMs }: { attempts: number; baseMs: number },
): Promise<HttpResponse | Error> {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await call();
      if (response.status < 500 && response.status !== 429) return response;
      if (attempt + 1 >= attempts) return response;
    } catch (error) {
      if (attempt + 1 >= attempts) return error as Error;
    }
    await clock.sleep(baseMs * 2 ** attempt);
  }
}

describe('the virtual clock', () => {
  it('wakes sleepers in simulated-time order, ties in call order, without real waiting', async () => {
    const { clock } = world();
    const woke: string[] = [];
    await Promise.all([
      clock.sleep(300).then(() => woke.push(`c@${clock.now()}`)),
      clock.sleep(100).then(() => woke.push(`a@${clock.now()}`)),
      clock.sleep(100).then(() => woke.push(`b@${clock.now()}`)),
      clock.sleep(0).then(() => woke.push(`zero@${clock.now()}`)),
    ]);
    expect(woke).toEqual(['zero@0', 'a@100', 'b@100', 'c@300']);
  });

  it('runs a thousand 30-second hangs concurrently in 30 simulated seconds', async () => {
    const { clock } = world();
    await Promise.all(Array.from({ length: 1000 }, () => clock.sleep(30_000)));
    expect(clock.now()).toBe(30_000);
    expect(clock.pendingTimers).toBe(0);
  });

  it('does not move while a tracked real operation is in flight', async () => {
    const { clock } = world();
    const order: string[] = [];
    const sleeper = clock.sleep(10).then(() => order.push(`slept, real op ${done ? 'done' : 'running'}`));
    let done = false;
    await clock.track(async () => {
      // Several real turns of the event loop: time must not advance past 0 meanwhile.
      for (let i = 0; i < 5; i++) await nextMacrotask();
      order.push(`real op at ${clock.now()}`);
      done = true;
    });
    await sleeper;
    expect(order).toEqual(['real op at 0', 'slept, real op done']);
  });

  it('refuses a negative or infinite sleep', async () => {
    const { clock } = world();
    await expect(clock.sleep(-1)).rejects.toThrow(RangeError);
    await expect(clock.sleep(Infinity)).rejects.toThrow(RangeError);
  });
});

describe('seeded randomness and latency', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const first = Array.from({ length: 5 }, seededRandom(42));
    expect(Array.from({ length: 5 }, seededRandom(42))).toEqual(first);
    expect(Array.from({ length: 5 }, seededRandom(43))).not.toEqual(first);
    for (const value of first) expect(value >= 0 && value < 1).toBe(true);
  });

  it('draws a long tail whose median and 99th percentile are the declared ones', () => {
    const random = seededRandom(7);
    const samples = Array.from({ length: 40_000 }, () => sampleLatency({ median: 80, p99: 400 }, random));
    expect(percentile(samples, 50)).toBeGreaterThan(80 * 0.95);
    expect(percentile(samples, 50)).toBeLessThan(80 * 1.05);
    expect(percentile(samples, 99)).toBeGreaterThan(400 * 0.9);
    expect(percentile(samples, 99)).toBeLessThan(400 * 1.1);
  });

  it('draws fixed and uniform latencies within their bounds', () => {
    const random = seededRandom(1);
    expect(sampleLatency({ fixed: 12 }, random)).toBe(12);
    for (let i = 0; i < 100; i++) {
      const value = sampleLatency({ min: 20, max: 60 }, random);
      expect(value >= 20 && value <= 60).toBe(true);
    }
  });
});

describe('simulated HTTP', () => {
  it('a hanging upstream answers 504 after hangMs without a timeout, and fails at the timeout with one', async () => {
    const { http, clock, log } = world({ slow: { hangRate: 1, hangMs: 30_000, connectMs: 0, tlsMs: 0 } });
    const response = await http.get('https://slow.example/status');
    expect(response.status).toBe(504);
    expect(clock.now()).toBe(30_000);

    await expect(http.get('https://slow.example/status', { timeoutMs: 2_000 })).rejects.toBeInstanceOf(
      HttpTimeoutError,
    );
    expect(clock.now()).toBe(32_000);
    expect(log.map((call) => [call.outcome, call.simulatedMs])).toEqual([
      ['504', 30_000],
      ['timeout', 2_000],
    ]);
  });

  it('pays the modeled handshakes on every call, but only once per host through a shared client', async () => {
    const config = { latency: { fixed: 20 }, connectMs: 3, tlsMs: 7 };
    const { http, log } = world({ api: config });
    await http.get('https://api.example/a');
    await http.get('https://api.example/b');
    const client = http.client();
    await client.get('https://api.example/c');
    await client.get('https://api.example/d');
    expect(log.map((call) => call.simulatedMs)).toEqual([30, 30, 30, 20]);
    expect(log[3]!.detail).toMatch(/reused connection/);
    // Plain http has no TLS handshake.
    await http.get('http://api.example/e');
    expect(log.at(-1)!.simulatedMs).toBe(23);
  });

  it('answers 429 with Retry-After above the rate limit', async () => {
    const { http } = world({ api: { latency: { fixed: 1 }, rateLimit: { perSecond: 3, retryAfterS: 2 } } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await http.get('https://api.example/x')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await http.get('https://api.example/x');
    expect(limited.headers['Retry-After']).toBe('2');
  });

  it('refuses connections inside the outage window only', async () => {
    const { http, clock } = world({
      api: { latency: { fixed: 10 }, outage: { fromMs: 100, toMs: 200, kind: 'refuse' } },
    });
    expect((await http.get('https://api.example/x')).status).toBe(200);
    await clock.sleep(100 - clock.now());
    await expect(http.get('https://api.example/x')).rejects.toBeInstanceOf(HttpConnectionError);
    await clock.sleep(200 - clock.now());
    expect((await http.get('https://api.example/x')).status).toBe(200);
  });

  it('refuses an upstream the example does not declare, as a connection error in the log', async () => {
    const { http, log } = world();
    await expect(http.get('https://elsewhere.example/')).rejects.toBeInstanceOf(HttpConnectionError);
    await expect(http.get('https://example.org/')).rejects.toBeInstanceOf(HttpConnectionError);
    expect(log.map((call) => call.outcome)).toEqual(['refused', 'refused']);
  });

  it('retries with exponential backoff at the expected simulated times', async () => {
    const { http, clock, log } = world({
      flaky: { errorRate: 1, latency: { fixed: 10 }, connectMs: 0, tlsMs: 0 },
    });
    const result = await withRetries(clock, () => http.post('https://flaky.example/charges', { amount: 1 }), {
      attempts: 4,
      baseMs: 100,
    });
    expect((result as HttpResponse).status).toBe(503);
    // Calls at 0, then after each 10 ms answer and a backoff of 100, 200, 400 ms.
    expect(log.map((call) => call.startedAtMs)).toEqual([0, 110, 320, 730]);
    expect(clock.now()).toBe(740);
    expect(http.received('flaky')).toEqual([]);
  });

  it('an upstream that processes and then times out charges twice on a retry, and once with an idempotency key', async () => {
    const config = { latency: { fixed: 5_000 }, connectMs: 0, tlsMs: 0 };
    const charge = async (http: SimulatedHttp, key?: string) => {
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          return await http.post(
            'https://payments.example/charges',
            { amount: 500 },
            {
              timeoutMs: 1_000,
              ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
            },
          );
        } catch {
          // timed out: try again
        }
      }
    };
    const without = world({ payments: config });
    await charge(without.http);
    expect(without.http.received('payments')).toHaveLength(2);

    const keyed = world({ payments: config });
    await charge(keyed.http, 'order-17');
    expect(keyed.http.received('payments')).toHaveLength(1);
  });

  it('gives the same log for the same seed, and another for another seed', async () => {
    const scenario = async (seed: number) => {
      const { http, log } = world(
        { api: { latency: { median: 50, p99: 500 }, errorRate: 0.3, hangRate: 0.1 } },
        seed,
      );
      for (let i = 0; i < 40; i++)
        await http.get(`https://api.example/items/${i}`, { timeoutMs: 1_000 }).catch(() => {});
      return log.map(
        (call) => `${call.startedAtMs.toFixed(3)} ${call.outcome} ${call.simulatedMs.toFixed(3)}`,
      );
    };
    const first = await scenario(5);
    expect(await scenario(5)).toEqual(first);
    expect(await scenario(6)).not.toEqual(first);
    const outcomes = new Set(first.map((line) => line.split(' ')[1]));
    expect(outcomes).toEqual(new Set(['200', '503', 'timeout']));
  });
});

describe('the simulated cache', () => {
  it('costs a round trip per get, set and delete, returns copies, and expires on the virtual clock', async () => {
    const { env, clock, log } = world();
    const cache = new SimulatedCache(env, { fixed: 2 });
    expect(await cache.get('k')).toBeUndefined();
    const value = { total: 3 };
    await cache.set('k', value, { ttlMs: 100 });
    value.total = 99;
    expect(await cache.get('k')).toEqual({ total: 3 });
    await clock.sleep(100);
    expect(await cache.get('k')).toBeUndefined();
    await cache.delete('k');
    expect(log.map((call) => `${call.label} ${call.outcome} ${call.simulatedMs}`)).toEqual([
      'get k miss 2',
      'set k ok 2',
      'get k hit 2',
      'get k miss 2',
      'delete k ok 2',
    ]);
  });

  it('reads many keys in one round trip', async () => {
    const { env, log } = world();
    const cache = new SimulatedCache(env, { fixed: 1 });
    await cache.set('a', 1);
    const found = await cache.getMany(['a', 'b']);
    expect([...found]).toEqual([['a', 1]]);
    expect(log.at(-1)).toMatchObject({ label: 'get_many 2 keys', outcome: '1 hits' });
  });
});

describe('the simulated job queue', () => {
  const gate = (): TransactionGate & { close(): void; openIt(): void } => {
    let open = false;
    let waiters: (() => void)[] = [];
    return {
      get open() {
        return open;
      },
      whenClosed: () => (open ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve()),
      openIt: () => (open = true),
      close() {
        open = false;
        for (const wake of waiters) wake();
        waiters = [];
      },
    };
  };

  it('serializes the payload at enqueue time and runs the job later, after the pickup delay', async () => {
    const { env, clock, log } = world();
    const seen: unknown[] = [];
    const jobs = new SimulatedJobs(env, { enqueueLatency: { fixed: 1 }, pickupMs: 50 }, gate(), () => ({}));
    jobs.define('send', async (payload) => {
      seen.push({ payload, at: clock.now() });
    });
    const order = { id: 7, status: 'new' };
    await jobs.enqueue('send', order);
    order.status = 'paid';
    expect(jobs.pending).toBe(1);
    await jobs.drain();
    expect(seen).toEqual([{ payload: { id: 7, status: 'new' }, at: 51 }]);
    expect(log.map((call) => [call.kind, call.label])).toEqual([
      ['job', 'enqueue send'],
      ['job-run', 'run send'],
    ]);
  });

  it('holds a job due during an open transaction until it ends, and says when a real worker would have started', async () => {
    const { env, clock, log } = world();
    const transaction = gate();
    const jobs = new SimulatedJobs(
      env,
      { enqueueLatency: { fixed: 1 }, pickupMs: 10 },
      transaction,
      () => ({}),
    );
    jobs.define('send', async () => {});
    transaction.openIt();
    await jobs.enqueue('send', {});
    await expect(jobs.drain()).rejects.toThrow(/inside a transaction/);
    await clock.sleep(500);
    transaction.close();
    await jobs.drain();
    const run = log.find((call) => call.kind === 'job-run')!;
    expect(run.startedAtMs).toBe(501);
    expect(run.detail).toMatch(/would have started at 11 ms/);
  });

  it('refuses a job that was never defined', async () => {
    const { env } = world();
    const jobs = new SimulatedJobs(env, { enqueueLatency: { fixed: 1 }, pickupMs: 0 }, gate(), () => ({}));
    await expect(jobs.enqueue('nope', {})).rejects.toThrow(/jobs.define/);
  });
});

describe('load simulation', () => {
  it('nearest-rank percentiles', () => {
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 5)).toBe(15);
    expect(percentile(values, 25)).toBe(20);
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 100)).toBe(50);
    expect(percentile([], 50)).toBe(0);
  });

  it('one worker, a request every 100 ms taking 150 ms: latencies grow by 50 ms and the late ones time out', async () => {
    const { clock } = world();
    // 1 - 1/e makes every exponential gap exactly its mean: arrivals at 0, 100, 200, …
    const even = () => 1 - Math.exp(-1);
    const config = {
      workers: 1,
      arrivalsPerSecond: 10,
      requestTimeoutMs: 500,
      routes: [{ name: 'home', share: 1 }],
    };
    const records = await simulateLoad(config, 10, clock, even, () => clock.sleep(150));
    expect(records.map((record) => Math.round(record.arrivedAtMs))).toEqual([
      0, 100, 200, 300, 400, 500, 600, 700, 800, 900,
    ]);
    // Request i starts at 150 i and finishes at 150 (i + 1): it waited 50 i ms.
    expect(records.map((record) => Math.round(record.latencyMs))).toEqual([
      150, 200, 250, 300, 350, 400, 450, 500, 500, 500,
    ]);
    const summary = summarizeLoad(records, 1);
    expect(summary).toMatchObject({ requests: 10, ok: 8, timedOut: 2, failed: 0, workerBusyMs: 1500 });
    expect(Math.round(summary.p50)).toBe(350);
    expect(Math.round(summary.p95)).toBe(500);
    expect(Math.round(summary.spanMs)).toBe(1500);
    expect(summary.utilisation).toBeCloseTo(1, 5);
    expect(summary.maxWaiting).toBe(3);
  });

  it('counts a handler that throws as failed, and keeps the worker free for the next request', async () => {
    const { clock } = world();
    const config = {
      workers: 2,
      arrivalsPerSecond: 100,
      requestTimeoutMs: 1_000,
      routes: [{ name: 'a', share: 1 }],
    };
    const records = await simulateLoad(config, 4, clock, seededRandom(3), async (request) => {
      await clock.sleep(5);
      if (request.index % 2 === 1) throw new Error('upstream said no');
    });
    expect(records.map((record) => record.outcome)).toEqual(['ok', 'failed', 'ok', 'failed']);
    expect(records[1]!.error).toBe('Error: upstream said no');
  });

  it('draws routes by their shares and arrivals at the declared mean rate', () => {
    const config = {
      workers: 1,
      arrivalsPerSecond: 50,
      requestTimeoutMs: 1,
      routes: [
        { name: 'slow', share: 1 },
        { name: 'fast', share: 9 },
      ],
    };
    const planned = planArrivals(config, 20_000, seededRandom(11));
    const slowShare = planned.filter((request) => request.route === 'slow').length / planned.length;
    expect(slowShare).toBeGreaterThan(0.09);
    expect(slowShare).toBeLessThan(0.11);
    const meanGap = planned.at(-1)!.arrivedAtMs / (planned.length - 1);
    expect(meanGap).toBeGreaterThan(19);
    expect(meanGap).toBeLessThan(21);
  });

  it('summarizes per route', () => {
    const record = (route: string, outcome: LoadRecord['outcome'], latencyMs: number): LoadRecord => ({
      index: 0,
      route,
      arrivedAtMs: 0,
      startedAtMs: 0,
      finishedAtMs: latencyMs,
      worker: 0,
      outcome,
      latencyMs,
    });
    const summary = summarizeLoad(
      [record('a', 'ok', 10), record('b', 'timed-out', 30), record('b', 'ok', 20)],
      2,
    );
    expect(summary.routes).toEqual([
      { route: 'a', requests: 1, ok: 1, failed: 0, timedOut: 0, p95: 10 },
      { route: 'b', requests: 2, ok: 1, failed: 0, timedOut: 1, p95: 30 },
    ]);
  });
});

describe('knobs', () => {
  it('set the chosen numbers by dotted path without changing the declaration', () => {
    const declared = { seed: 1, upstreams: { payments: { errorRate: 0, latency: { fixed: 5 } } } };
    const changed = applyKnobs(declared, { 'upstreams.payments.errorRate': 0.2, seed: 9 });
    expect(changed).toEqual({ seed: 9, upstreams: { payments: { errorRate: 0.2, latency: { fixed: 5 } } } });
    expect(declared.upstreams.payments.errorRate).toBe(0);
    expect(() => applyKnobs(declared, { 'seed.x': 1 })).toThrow(/does not lead to a number/);
  });
});
