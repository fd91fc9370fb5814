import type { LatencySpec } from './latency-distribution.ts';

/**
 * How the simulated services behave in one example, as declared under `services:` in its
 * example.yaml (validated by src/content/services-schema.ts) and changed by the page's knobs.
 */
export interface ServicesConfig {
  /** Every random choice (latency, failures) comes from this seed; the page shows it. */
  seed: number;
  /** HTTP upstreams by name: `https://<name>.example/…` reaches the upstream `<name>`; unset fields take DEFAULT_UPSTREAM's. */
  upstreams: Record<string, Partial<UpstreamConfig>>;
  cache: { latency: LatencySpec };
  jobs: {
    /** The round trip to the broker that `jobs.enqueue()` makes. */
    enqueueLatency: LatencySpec;
    /** Time between a job becoming due and a worker starting it. */
    pickupMs: number;
  };
}

export interface UpstreamConfig {
  latency: LatencySpec;
  /** Share of requests answered with `errorStatus` (not processed). */
  errorRate: number;
  errorStatus: number;
  /** Share of requests that get no answer for `hangMs`, then a 504 from the upstream's proxy. */
  hangRate: number;
  hangMs: number;
  /** True: a request that hangs or answers late was processed anyway (the charge went through). */
  processesBeforeHang: boolean;
  /** Above this many requests in any one second: 429 with Retry-After. */
  rateLimit?: { perSecond: number; retryAfterS: number };
  /** A window of simulated time in which the upstream is down. */
  outage?: { fromMs: number; toMs: number; kind: 'refuse' | 'error' | 'hang' };
  /** Modeled connection set-up: a TCP handshake, plus a TLS handshake for https. */
  connectMs: number;
  tlsMs: number;
  /** Extra latency per element of a request body's `items` array (bulk endpoints). */
  perItemMs: number;
}

export const DEFAULT_UPSTREAM: UpstreamConfig = {
  latency: { fixed: 50 },
  errorRate: 0,
  errorStatus: 503,
  hangRate: 0,
  hangMs: 30_000,
  processesBeforeHang: true,
  connectMs: 1,
  tlsMs: 2,
  perItemMs: 0,
};

export const DEFAULT_SERVICES: ServicesConfig = {
  seed: 1,
  upstreams: {},
  cache: { latency: { fixed: 0.5 } },
  jobs: { enqueueLatency: { fixed: 1 }, pickupMs: 50 },
};
