import type { PlaygroundConfig } from '../client/playground-config.ts';
import type { ExampleDefinition } from '../content/example-schema.ts';

/**
 * What a playground hands its custom element, built from the example's definition. One builder,
 * used by the component and by the links that warm a page's playground up ahead (the engine
 * recognizes a warmed-up run only by arguments equal to the Run's: src/playground/run-args.ts).
 */
export function playgroundConfigOf(id: string, definition: ExampleDefinition): PlaygroundConfig {
  return {
    example: id,
    title: definition.title,
    dataset: definition.dataset,
    autocommit: definition.autocommit,
    n: definition.n,
    variants: definition.variants,
    ...(definition.services ? { services: definition.services } : {}),
    knobs: definition.knobs,
    ...(definition.load ? { load: definition.load } : {}),
  };
}
