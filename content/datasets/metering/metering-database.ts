import type { ExampleContext } from '../../../src/engine/example-context.ts';

/** An account; the shard schemas (`shard_<s>_of_<n>`) hold tables of the same shape. */
export interface AccountRow {
  id: number;
  email: string;
  plan: string;
  credits: number;
}

/**
 * Kysely's view of the `metering` dataset (schema.sql beside this file). The shards are other
 * schemas with the same `accounts` table: `db.withSchema('shard_1_of_4').selectFrom('accounts')`.
 */
export interface MeteringDatabase {
  accounts: AccountRow;
  account_directory: { email: string; account_id: number };
  /** Partitioned by month of `recorded_at`: usage_records_2025_01 … usage_records_2025_06. */
  usage_records: { id: number; account_id: number; recorded_at: Date; units: number };
}

/** What a variant over the metering dataset receives: `db`, the size `n` and Kysely's `sql`. */
export type MeteringContext = ExampleContext<MeteringDatabase>;
