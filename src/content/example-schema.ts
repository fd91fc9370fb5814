import { z } from 'astro/zod';
import { parseQueryCountFormula } from '../analysis/query-count-formula.ts';
import { valueAtPath } from '../simulation/apply-knobs.ts';
import { kebabId } from './guideline-schema.ts';
import { knobSchema, loadSchema, servicesSchema } from './services-schema.ts';

const formula = z.string().refine((text) => {
  try {
    parseQueryCountFormula(text);
    return true;
  } catch {
    return false;
  }
}, 'not a query-count formula (use n, integers, + - * /, ceil(), floor())');

export const variantSchema = z
  .object({
    /** Also the module's file name: `<id>.ts` beside the definition. */
    id: kebabId,
    label: z.string().min(2),
    /** How many SQL round trips the variant makes (BEGIN/COMMIT included), as a function of `n`. */
    queries: formula,
    /** Round trips to the simulated services, when the variant makes any (default 0). */
    http: formula.optional(),
    cache: formula.optional(),
    /** Jobs sent to the broker (`jobs.enqueue`). */
    jobs: formula.optional(),
    /**
     * How its result compares with the baseline's (the first variant):
     * `same` (the usual promise), `different` (the variant is wrong on purpose, e.g. a cache
     * that leaks another tenant's rows) or `any` (the result is not comparable, e.g. a plan).
     */
    result: z.enum(['same', 'different', 'any']).default('same'),
  })
  .strict();

/**
 * `content/examples/<id>/example.yaml`: one runnable task in two or three variants.
 *
 * @example
 * title: Books with their author's name
 * dataset: library
 * n: { default: 100, choices: [10, 100, 1000] }
 * variants:
 *   - { id: bad, label: One query per book, queries: n + 1 }
 *   - { id: good, label: One join, queries: "1" }
 */
export const exampleSchema = z
  .object({
    title: z.string().min(3),
    dataset: kebabId,
    n: z
      .object({
        default: z.number().int().positive(),
        choices: z.array(z.number().int().positive()).min(2),
        /** What n counts, read as "n = <label>", e.g. "books listed" or "page number". */
        label: z.string().default('rows'),
      })
      .strict()
      .refine((n) => n.choices.includes(n.default), 'n.default must be one of n.choices'),
    variants: z.array(variantSchema).min(2).max(3),
    /**
     * Run statements sent outside db.transaction() as in autocommit mode, so that a failed
     * statement leaves the earlier ones in place and the run goes on (see RecordingPGlite).
     * For examples whose lesson is what a failure leaves behind; it adds unrecorded savepoints.
     */
    autocommit: z.boolean().default(false),
    /** How the simulated outside world behaves (upstreams, cache, jobs) and its seed. */
    services: servicesSchema.optional(),
    /** Controls the page shows for numbers of `services`, such as an upstream's failure rate. */
    knobs: z.array(knobSchema).default([]),
    /** Run each variant as the handler of `n` requests arriving under load. */
    load: loadSchema.optional(),
  })
  .strict()
  .superRefine((example, context) => {
    for (const [index, knob] of example.knobs.entries()) {
      const declared = valueAtPath(example.services, knob.path);
      if (typeof declared !== 'number' || !knob.choices.includes(declared)) {
        context.addIssue({
          code: 'custom',
          path: ['knobs', index, 'path'],
          message: `services.${knob.path} must be declared, and its value must be one of the knob's choices`,
        });
      }
    }
  })
  .refine(
    (example) => new Set(example.variants.map((v) => v.id)).size === example.variants.length,
    'variant ids must be unique',
  );

export type ExampleDefinition = z.infer<typeof exampleSchema>;
export type VariantDefinition = z.infer<typeof variantSchema>;
