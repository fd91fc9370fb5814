/**
 * One call to a simulated service, recorded in the same log as the SQL statements. Durations
 * are simulated time (the virtual clock), never measured: the pane labels them so.
 */
export interface ServiceCall {
  /** `job-run` is the worker running a job: work done later, not a round trip of the request. */
  kind: 'http' | 'cache' | 'job' | 'job-run';
  /** What was called: `POST https://payments.example/charges`, `get report:7`, `enqueue send-receipt`. */
  label: string;
  /** Simulated time when the call started, in ms since the run started. */
  startedAtMs: number;
  /** How long the call took in simulated time. */
  simulatedMs: number;
  /** `200`, `503`, `timeout`, `refused` for HTTP; `hit`, `miss`, `ok` for the cache; `ok` for jobs. */
  outcome: string;
  ok: boolean;
  /** Anything else worth a glance: `new connection (TCP + TLS)`, `Retry-After: 1`, `attempt 2`. */
  detail?: string;
  /** Approximate bytes of the answer. */
  bytes: number;
  /** `job` when a background job made the call rather than the request. */
  origin?: string;
}
