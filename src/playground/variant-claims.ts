/** A variant as the playground's decisions need it: its label, claims and expected result. */
export interface VariantClaims {
  id: string;
  label: string;
  /** SQL round trips, as a formula in n. */
  queries: string;
  http?: string;
  cache?: string;
  jobs?: string;
  result: 'same' | 'different' | 'any';
}

/** The four kinds of round trip, with the words the page uses for them. */
export const KIND_WORDS = {
  sql: { one: 'SQL round trip', many: 'SQL round trips', short: 'SQL' },
  http: { one: 'HTTP call', many: 'HTTP calls', short: 'HTTP' },
  cache: { one: 'cache call', many: 'cache calls', short: 'cache' },
  job: { one: 'job enqueued', many: 'jobs enqueued', short: 'jobs' },
} as const;
