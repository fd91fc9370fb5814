import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { NETWORK_REFUSED_MESSAGE } from '../../src/engine/lockdown.ts';

interface Report {
  results: Record<string, { outcome: string; name?: string; message?: string; value?: string }>;
  keeps: Record<string, unknown>;
}

// lockDown() changes the global scope for good, so it runs in a worker thread of its own.
function runHarness(): Promise<Report> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../support/lockdown-harness.mjs', import.meta.url), {
      execArgv: ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'],
    });
    worker.on('message', (message: Report | { forged: unknown }) => {
      if ('forged' in message) return reject(new Error('playground code posted a message to the page'));
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('the worker lockdown (src/engine/lockdown.ts)', async () => {
  const report = await runHarness();

  it.each(Object.keys(report.results))('refuses %s with the plain message', (attempt) => {
    const result = report.results[attempt]!;
    expect(result.outcome, JSON.stringify(result)).toBe('refused');
    expect(result.name).toBe('NetworkRefusedError');
    expect(result.message).toMatch(new RegExp(`: ${NETWORK_REFUSED_MESSAGE}$`));
  });

  it('names what was refused', () => {
    expect(report.results.fetch!.message).toBe(`fetch("https://example.org/"): ${NETWORK_REFUSED_MESSAGE}`);
    expect(report.results.WebSocket!.message).toBe(`WebSocket: ${NETWORK_REFUSED_MESSAGE}`);
  });

  it('leaves the engine what it needs: its own fetch, allowed files, timers, instanceof Function', () => {
    expect(report.keeps).toEqual({
      instanceofFunction: true,
      timerRan: true,
      engineFetchIsTheOriginal: true,
      // The allowed URL reached the real fetch, which could not connect (nothing listens on port 9).
      allowedFetch: 'TypeError',
      // The scope's postMessage is kept for the engine only.
      enginePostMessage: 'function',
    });
  });
});
