-- A usage-metering service: accounts hold prepaid credits and record usage. The same accounts
-- are stored three ways, so one database can show what each layout costs:
--   accounts, in this schema: one database holds every account;
--   usage_records: one table split into monthly partitions (declarative partitioning);
--   shard_<s>_of_<n>.accounts: the accounts split across n shards (n = 2, 4 and 8), one schema
--   per shard, each account on shard (id % n). On real shards each would be its own server.
CREATE TABLE accounts (
  id integer PRIMARY KEY,
  email text NOT NULL UNIQUE,
  plan text NOT NULL,
  -- No account may hold more than 1,000 credits (a limit on prepaid balances).
  credits integer NOT NULL CHECK (credits BETWEEN 0 AND 1000)
);

-- Email to account id: a small lookup table that every app server can reach, for finding an
-- account's shard when the request carries an email instead of the shard key.
CREATE TABLE account_directory (
  email text PRIMARY KEY,
  account_id integer NOT NULL
);

-- One logical table, six physical ones: each month of 2025's first half is a partition. The
-- primary key must include the partition key (recorded_at), as every unique index must.
CREATE TABLE usage_records (
  id integer NOT NULL,
  account_id integer NOT NULL REFERENCES accounts (id),
  recorded_at timestamptz NOT NULL,
  units integer NOT NULL,
  PRIMARY KEY (id, recorded_at)
) PARTITION BY RANGE (recorded_at);
CREATE TABLE usage_records_2025_01 PARTITION OF usage_records
  FOR VALUES FROM ('2025-01-01 00:00:00+00') TO ('2025-02-01 00:00:00+00');
CREATE TABLE usage_records_2025_02 PARTITION OF usage_records
  FOR VALUES FROM ('2025-02-01 00:00:00+00') TO ('2025-03-01 00:00:00+00');
CREATE TABLE usage_records_2025_03 PARTITION OF usage_records
  FOR VALUES FROM ('2025-03-01 00:00:00+00') TO ('2025-04-01 00:00:00+00');
CREATE TABLE usage_records_2025_04 PARTITION OF usage_records
  FOR VALUES FROM ('2025-04-01 00:00:00+00') TO ('2025-05-01 00:00:00+00');
CREATE TABLE usage_records_2025_05 PARTITION OF usage_records
  FOR VALUES FROM ('2025-05-01 00:00:00+00') TO ('2025-06-01 00:00:00+00');
CREATE TABLE usage_records_2025_06 PARTITION OF usage_records
  FOR VALUES FROM ('2025-06-01 00:00:00+00') TO ('2025-07-01 00:00:00+00');
-- An index on the parent is created on every partition (as Django indexes a ForeignKey).
CREATE INDEX usage_records_account_id_idx ON usage_records (account_id);

-- The shards: the same accounts table (columns, CHECK, unique email) in 2 + 4 + 8 schemas.
DO $$
DECLARE
  shard_count integer;
BEGIN
  FOREACH shard_count IN ARRAY ARRAY[2, 4, 8] LOOP
    FOR shard IN 0 .. shard_count - 1 LOOP
      EXECUTE format('CREATE SCHEMA shard_%s_of_%s', shard, shard_count);
      EXECUTE format('CREATE TABLE shard_%s_of_%s.accounts (LIKE accounts INCLUDING ALL)', shard, shard_count);
    END LOOP;
  END LOOP;
END
$$;
