import type { ExampleContext } from '../../../src/engine/example-context.ts';

/** Kysely's view of the `search` dataset (schema.sql beside this file). */
export interface SearchDatabase {
  tenants: { id: number; slug: string };
  documents: {
    id: number;
    tenant_id: number;
    title: string;
    status: 'draft' | 'published' | 'archived';
    updated_at: Date;
  };
}

/** What a variant over the search dataset receives: `db`, `n`, Kysely's `sql` and the simulated services. */
export type SearchContext = ExampleContext<SearchDatabase>;
