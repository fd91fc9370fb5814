/** Simulated time as a variant sees it: read it and wait on it; waiting costs no real time. */
export interface Clock {
  /** Simulated milliseconds since the run started. */
  now(): number;
  sleep(ms: number): Promise<void>;
}
