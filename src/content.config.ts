import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guidelineSchema } from './content/guideline-schema.ts';
import { exampleSchema } from './content/example-schema.ts';

// Content lives in the top-level content/ folder, not src/content/, so that forks find it.
const guidelines = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/guidelines' }),
  schema: guidelineSchema,
});

const examples = defineCollection({
  loader: glob({
    pattern: '*/example.yaml',
    base: './content/examples',
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: exampleSchema,
});

// content/checklist.yaml, its ledger and content/guideline-slugs.yaml are not collections: each is
// one file read by one pure loader (src/checklist/load-checklist.ts, load-ledger.ts and
// src/content/content-fs.ts for Node), which validates the whole file at once.
export const collections = { guidelines, examples };
