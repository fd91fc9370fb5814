/**
 * The modeled network round trip per SQL statement: in the browser a query travels no network,
 * so the page lets the reader pick what a real network would add (see
 * src/playground/modeled-total.ts). It is a model, and the page labels it so.
 */
export const ROUND_TRIP_CHOICES_MS = [0, 0.5, 2, 20] as const;

export const DEFAULT_ROUND_TRIP_MS = 2;
