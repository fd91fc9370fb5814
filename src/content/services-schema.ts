import { z } from 'astro/zod';
import { kebabId } from './guideline-schema.ts';

const ms = z.number().nonnegative();

/** A latency as declared in example.yaml: `{ fixed: 50 }`, `{ min: 20, max: 80 }` or `{ median: 80, p99: 400 }`. */
export const latencySchema = z.union([
  z.object({ fixed: ms }).strict(),
  z
    .object({ min: ms, max: ms })
    .strict()
    .refine((range) => range.max >= range.min, 'max must be at least min'),
  z
    .object({ median: z.number().positive(), p99: z.number().positive() })
    .strict()
    .refine((tail) => tail.p99 >= tail.median, 'p99 must be at least the median'),
]);

const share = z.number().min(0).max(1);

export const upstreamSchema = z
  .object({
    latency: latencySchema.optional(),
    errorRate: share.optional(),
    errorStatus: z.number().int().min(500).max(599).optional(),
    hangRate: share.optional(),
    hangMs: ms.optional(),
    processesBeforeHang: z.boolean().optional(),
    rateLimit: z
      .object({ perSecond: z.number().int().positive(), retryAfterS: z.number().positive() })
      .strict()
      .optional(),
    outage: z
      .object({ fromMs: ms, toMs: ms, kind: z.enum(['refuse', 'error', 'hang']) })
      .strict()
      .refine((outage) => outage.toMs > outage.fromMs, 'an outage ends after it starts')
      .optional(),
    connectMs: ms.optional(),
    tlsMs: ms.optional(),
    perItemMs: ms.optional(),
  })
  .strict();

/** `services:` in example.yaml: how the simulated outside world behaves for this example. */
export const servicesSchema = z
  .object({
    seed: z.number().int().nonnegative().default(1),
    upstreams: z.record(kebabId, upstreamSchema).default({}),
    cache: z
      .object({ latency: latencySchema })
      .strict()
      .default({ latency: { fixed: 0.5 } }),
    jobs: z
      .object({ enqueueLatency: latencySchema.default({ fixed: 1 }), pickupMs: ms.default(50) })
      .strict()
      .default({ enqueueLatency: { fixed: 1 }, pickupMs: 50 }),
  })
  .strict();

/**
 * A control the page shows for one number of the services' declaration, e.g. the failure rate
 * of an upstream: `{ id: failure-rate, label: Failure rate, path: upstreams.payments.errorRate,
 * choices: [0, 0.05, 0.2] }`. The declared value is the default and must be one of the choices.
 */
export const knobSchema = z
  .object({
    id: kebabId,
    label: z.string().min(2),
    path: z
      .string()
      .regex(/^[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$/, 'a dotted path such as upstreams.payments.errorRate'),
    choices: z.array(z.number()).min(2),
    /** How to show a choice: `percent` (0.05 → 5 %), `ms`, or `number`. */
    format: z.enum(['percent', 'ms', 'number']).default('number'),
  })
  .strict();

/** `load:` in example.yaml: run the variants as request handlers under load (n = requests). */
export const loadSchema = z
  .object({
    workers: z.number().int().positive(),
    arrivalsPerSecond: z.number().positive(),
    requestTimeoutMs: ms.default(30_000),
    routes: z
      .array(z.object({ name: kebabId, share: z.number().positive() }).strict())
      .min(1)
      .default([{ name: 'default', share: 1 }]),
  })
  .strict();
