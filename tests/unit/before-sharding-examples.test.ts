import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDataset } from '../../src/engine/dataset-loader.ts';
import type { QueryablePGlite } from '../../src/engine/recording-pglite.ts';
import { runVariant } from '../../src/engine/run-variant.ts';
import { loadVariant, readDatasetSql, seededPGlite } from '../support/node-engine.ts';
import { pgAsPGlite, postgresBinDir, startPostgres, type RunningPostgres } from '../support/real-postgres.ts';

// What the "Before sharding" page says its examples show, beyond the query counts and result
// comparisons that examples.test.ts checks for every example: which partitions each plan
// reads, and what each shard holds after a failed cross-shard transfer. Run on PGlite (what the
// browser runs) and, when one is installed, on a real PostgreSQL server, so that an upgrade of
// either that changes the plans fails here.

async function run(
  database: QueryablePGlite,
  example: string,
  variant: string,
  n: number,
  autocommit = false,
) {
  const result = await runVariant(database, {
    dataset: 'metering',
    n,
    variant: await loadVariant(example, variant),
    autocommit,
  });
  if (!result.outcome.ok) throw new Error(`${example}/${variant}: ${result.outcome.error.message}`);
  return result.outcome.value;
}

/** The partitions a text plan reads, e.g. ["usage_records_2025_01"]. */
function partitionsIn(plan: unknown): string[] {
  const lines = plan as string[];
  const names = lines.flatMap((line) =>
    [...line.matchAll(/\bon (usage_records_\d{4}_\d{2})\b/g)].map((m) => m[1]!),
  );
  return [...new Set(names)].sort();
}

const months = (count: number) =>
  Array.from({ length: count }, (_, i) => `usage_records_2025_${String(i + 1).padStart(2, '0')}`);

/** What the page promises for each variant: the partitions its plan reads for n months. */
const expectedPartitions: Record<string, (n: number) => string[]> = {
  'partition-key-range': (n) => months(n),
  'other-column': () => months(6),
  'key-inside-a-function': () => months(6),
};

interface Balance {
  id: number;
  credits: number;
}
interface TransferResult {
  error: string | null;
  sender: Balance;
  receiver: Balance;
  total: number;
}

function checksOn(database: () => QueryablePGlite) {
  for (const [variant, expected] of Object.entries(expectedPartitions)) {
    it.each([1, 3, 6])(
      `usage-partition-pruning/${variant}, n = %i: reads the partitions the page says`,
      async (n) => {
        const plan = await run(database(), 'usage-partition-pruning', variant, n);
        expect(partitionsIn(plan)).toEqual(expected(n));
      },
    );
  }

  it.each([200, 500, 1000])(
    'cross-shard-transfer, %i credits: what each variant leaves behind',
    async (amount) => {
      const check = /violates check constraint "accounts_credits_check"/;
      const one = (await run(
        database(),
        'cross-shard-transfer',
        'one-database',
        amount,
        true,
      )) as TransferResult;
      // One transaction: the failed credit takes the debit with it.
      expect(one.error).toMatch(check);
      expect(one).toMatchObject({
        sender: { id: 14, credits: 1000 },
        receiver: { id: 17, credits: 900 },
        total: 1900,
      });

      // Two shards: the debit committed on shard 0, the credit failed on shard 1.
      const two = (await run(
        database(),
        'cross-shard-transfer',
        'two-shards',
        amount,
        true,
      )) as TransferResult;
      expect(two.error).toMatch(check);
      expect(two).toMatchObject({
        sender: { id: 14, credits: 1000 - amount },
        receiver: { id: 17, credits: 900 },
        total: 1900 - amount,
      });

      // The compensating write puts the debit back.
      const undone = await run(database(), 'cross-shard-transfer', 'two-shards-compensate', amount, true);
      expect(undone).toEqual(one);
    },
  );
}

describe('on PGlite', () => {
  let pglite: PGlite;
  beforeAll(async () => {
    pglite = await seededPGlite('metering');
  }, 120_000);
  afterAll(() => pglite?.close());

  it('the dataset: six monthly partitions, and every shard layout holds every account once', async () => {
    const { rows: partitions } = await pglite.query<{ name: string; count: number }>(
      `SELECT tableoid::regclass::text AS name, count(*)::int AS count
       FROM metering.usage_records GROUP BY 1 ORDER BY 1`,
    );
    expect(partitions.map((p) => p.name)).toEqual(months(6).map((name) => `metering.${name}`));
    // The figures the page quotes: 26,064 records, 4,032 (February) to 4,464 rows a partition.
    const counts = partitions.map((p) => p.count);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(26_064);
    expect([Math.min(...counts), Math.max(...counts)]).toEqual([4032, 4464]);
    for (const shards of [2, 4, 8]) {
      const union = Array.from(
        { length: shards },
        (_, s) => `SELECT id, ${s} AS shard FROM shard_${s}_of_${shards}.accounts`,
      ).join(' UNION ALL ');
      const { rows } = await pglite.query<{ accounts: number; misplaced: number; distinct_ids: number }>(
        `SELECT count(*)::int AS accounts, count(DISTINCT id)::int AS distinct_ids,
                count(*) FILTER (WHERE id % ${shards} <> shard)::int AS misplaced
         FROM (${union}) AS placed`,
      );
      expect(rows[0], `${shards} shards`).toEqual({ accounts: 2000, distinct_ids: 2000, misplaced: 0 });
    }
  });

  checksOn(() => pglite);
});

const binDir = postgresBinDir();
describe.skipIf(!binDir)('on a real PostgreSQL server', () => {
  let server: RunningPostgres;
  let database: QueryablePGlite;
  beforeAll(async () => {
    server = await startPostgres(binDir!);
    const client = pgAsPGlite(server.client);
    await seedDataset(client, 'metering', readDatasetSql('metering'));
    database = client;
  }, 180_000);
  afterAll(() => server?.stop());

  checksOn(() => database);
});
