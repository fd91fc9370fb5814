/** What the Astro component hands the custom element, as JSON in a data attribute. */
export interface PlaygroundConfig {
  example: string;
  dataset: string;
  autocommit: boolean;
  n: { default: number; choices: number[]; label: string };
  variants: { id: string; label: string; queries: string; result: 'same' | 'different' | 'any' }[];
}
