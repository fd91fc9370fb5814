import { z } from 'astro/zod';
import { parseQueryCountFormula } from '../analysis/query-count-formula.ts';
import { kebabId } from './guideline-schema.ts';

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
    /** How many round trips the variant makes, as a function of `n`. */
    queries: formula,
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
  })
  .strict()
  .refine(
    (example) => new Set(example.variants.map((v) => v.id)).size === example.variants.length,
    'variant ids must be unique',
  );

export type ExampleDefinition = z.infer<typeof exampleSchema>;
export type VariantDefinition = z.infer<typeof variantSchema>;
