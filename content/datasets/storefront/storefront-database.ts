import type { ExampleContext } from '../../../src/engine/example-context.ts';

/** Kysely's view of the `storefront` dataset (schema.sql beside this file). */
export interface StorefrontDatabase {
  categories: { id: number; name: string };
  products: {
    id: number;
    category_id: number;
    name: string;
    price_cents: number;
    description: string;
    created_at: Date;
  };
  customers: { id: number; name: string; email: string };
  orders: { id: number; customer_id: number; status: string; placed_at: Date };
  order_lines: {
    id: number;
    order_id: number;
    product_id: number;
    quantity: number;
    unit_price_cents: number;
  };
}

/** What a variant over the store receives: `db`, the number of requests `n` and Kysely's `sql`. */
export type StorefrontContext = ExampleContext<StorefrontDatabase>;
