-- Deterministic: every value is arithmetic on the row number, so every seed is identical.
-- 2,000 accounts; credits run from 0 to 1,000 in steps of 100 ((id * 7) % 11 hundreds):
-- account 14 holds 1,000 and account 17 holds 900 (the cross-shard transfer uses both).
INSERT INTO accounts (id, email, plan, credits)
SELECT i,
       'account' || i || '@example.com',
       (ARRAY['free', 'team', 'team', 'business'])[1 + i % 4],
       (i * 7) % 11 * 100
FROM generate_series(1, 2000) AS i;

INSERT INTO account_directory (email, account_id)
SELECT email, id FROM accounts;

-- One usage record every 10 minutes from 2025-01-01 to 2025-06-30 (181 days, 26,064 rows),
-- each for one of the 2,000 accounts; PostgreSQL routes every row to its month's partition.
INSERT INTO usage_records (id, account_id, recorded_at, units)
SELECT i,
       1 + (i * 7919) % 2000,
       timestamptz '2025-01-01 00:00:00+00' + (i - 1) * interval '10 minutes',
       1 + (i * 31) % 50
FROM generate_series(1, 181 * 144) AS i;

-- Every shard layout gets every account once: account id goes to shard id % n.
DO $$
DECLARE
  shard_count integer;
BEGIN
  FOREACH shard_count IN ARRAY ARRAY[2, 4, 8] LOOP
    FOR shard IN 0 .. shard_count - 1 LOOP
      EXECUTE format(
        'INSERT INTO shard_%1$s_of_%2$s.accounts SELECT * FROM accounts WHERE id %% %2$s = %1$s',
        shard, shard_count);
    END LOOP;
  END LOOP;
END
$$;
