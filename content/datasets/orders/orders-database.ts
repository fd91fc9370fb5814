import type { ExampleContext } from '../../../src/engine/example-context.ts';
import type { Generated } from 'kysely';

/** Kysely's view of the `orders` dataset (schema.sql beside this file). */
export interface OrdersDatabase {
  tenants: { id: number; name: string };
  products: { id: number; tenant_id: number; name: string; price_cents: number; stock: number };
  orders: {
    id: Generated<number>;
    tenant_id: number;
    product_id: number;
    quantity: number;
    total_cents: number;
    customer_email: string;
    shipping_address: string;
    status: 'pending' | 'paid' | 'shipped' | 'cancelled';
    payment_id: string | null;
    receipt_sent_at: Date | null;
    created_at: Date;
  };
}

/** What a variant over the orders receives: `db`, `n`, Kysely's `sql` and the simulated services. */
export type OrdersContext = ExampleContext<OrdersDatabase>;
