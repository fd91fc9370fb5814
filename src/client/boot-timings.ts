import type { PrepareReport } from '../engine/engine-api.ts';

/**
 * Leaves a boot's split as User Timing entries (`round-trip:prepare` from the page's call to the
 * answer; `round-trip:boot:<step>` for each step the engine timed), so `npm run bench`, or
 * DevTools' performance panel, can read where a cold start went without any hook in the page.
 */
export function recordBootTimings(report: PrepareReport, calledAt: number, answeredAt: number): void {
  performance.measure('round-trip:prepare', { start: calledAt, end: answeredAt });
  performance.measure('round-trip:boot', { start: answeredAt - report.bootMs, duration: report.bootMs });
  for (const [step, ms] of Object.entries(report.steps ?? {})) {
    performance.measure(`round-trip:boot:${step}`, { start: answeredAt - report.bootMs, duration: ms });
  }
}
