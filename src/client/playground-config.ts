import type { LoadConfig } from '../simulation/load-simulation.ts';
import type { ServicesConfig } from '../simulation/services-config.ts';

/** What the Astro component hands the custom element, as JSON in a data attribute. */
export interface PlaygroundConfig {
  example: string;
  title: string;
  dataset: string;
  autocommit: boolean;
  n: { default: number; choices: number[]; label: string };
  variants: {
    id: string;
    label: string;
    queries: string;
    http?: string;
    cache?: string;
    jobs?: string;
    result: 'same' | 'different' | 'any';
  }[];
  /** The simulated services as declared (defaults filled in), when the example uses them. */
  services?: ServicesConfig;
  knobs: {
    id: string;
    label: string;
    path: string;
    choices: number[];
    format: 'percent' | 'ms' | 'number';
  }[];
  load?: LoadConfig;
}
