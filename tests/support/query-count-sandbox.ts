import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PGliteAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { CONTRIB_EXTENSIONS } from '../../src/engine/contrib-extensions.ts';
import { quoteIdentifier, seedDataset } from '../../src/engine/dataset-loader.ts';
import type { ExampleContext, VariantFunction } from '../../src/engine/example-context.ts';

// The seams of a generated query-count test, filled with an example's own variant and dataset,
// so that tests/unit/query-count-test.test.ts can run the generated Vitest file as it is.
//
// What the generated test counts is what Kysely's `log` option reports. Kysely's PostgresDialect
// sends BEGIN and COMMIT through the connection, so its log includes them, and the examples' claims
// count them too. PGliteDialect uses PGlite's transaction() and logs neither, so this sandbox has
// its own small driver: db.transaction() goes through the logged connection as a SAVEPOINT and
// its RELEASE (or ROLLBACK TO), one round trip each, like BEGIN and COMMIT on a real server.
//
// Every Kysely instance works inside a transaction that is rolled back when it is destroyed, and
// each runTheCode() call inside a savepoint that is rolled back afterwards (neither is logged), so
// each call starts from the seeded data, as each run does in the playground.

const contentUrl = new URL('../../content/', import.meta.url);

interface SharedDatabase {
  pglite: Promise<PGlite>;
  seeded: Map<string, Promise<void>>;
}

// One PGlite for every test file in the process (the check runs them in one worker without
// isolation): booting and seeding is most of the cost.
const globalKey = Symbol.for('round-trip.query-count-sandbox');
const shared = ((globalThis as Record<symbol, SharedDatabase | undefined>)[globalKey] ??= {
  pglite: PGlite.create({ extensions: { ...CONTRIB_EXTENSIONS } }),
  seeded: new Map(),
});

async function seededPGlite(dataset: string): Promise<PGlite> {
  const pglite = await shared.pglite;
  let seeded = shared.seeded.get(dataset);
  if (!seeded) {
    const read = (file: string) => readFileSync(new URL(`datasets/${dataset}/${file}`, contentUrl), 'utf8');
    seeded = seedDataset(pglite, dataset, { schema: read('schema.sql'), seed: read('seed.sql') });
    shared.seeded.set(dataset, seeded);
  }
  await seeded;
  return pglite;
}

export interface SandboxOptions {
  dataset: string;
  variant: VariantFunction;
  /** The example's `autocommit`: each statement outside a transaction in its own (unlogged) savepoint. */
  autocommit?: boolean;
}

/** The three seams the generated Vitest test imports, for one example variant. */
export function sandboxSeams(options: SandboxOptions) {
  let pgliteForRuns: PGlite | undefined;
  return {
    createDialect(): Dialect {
      return {
        createAdapter: () => new PGliteAdapter(),
        createDriver: () =>
          new SandboxDriver(options, (pglite) => {
            pgliteForRuns = pglite;
          }),
        createIntrospector: (db) => new PostgresIntrospector(db),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      };
    },
    /** The dataset already holds more rows than the largest n; the variant reads n of them. */
    async addRows(_db: Kysely<any>, _count: number): Promise<void> {},
    async runTheCode(db: Kysely<any>, n: number): Promise<unknown> {
      // The driver initialises on the first query; a query outside the count is not wanted, so
      // make sure the connection exists through an unlogged path.
      await db.connection().execute(async () => undefined);
      const pglite = pgliteForRuns;
      if (!pglite) throw new Error('The sandbox driver did not start');
      await pglite.query('SAVEPOINT round_trip_fill_run');
      try {
        // SQL only: the services of the context are not part of what the generated test counts,
        // and examples that use them are not run here (see query-count-test.test.ts).
        return await options.variant({ db, n, sql } as ExampleContext<any>);
      } finally {
        await pglite.query('ROLLBACK TO SAVEPOINT round_trip_fill_run');
        await pglite.query('RELEASE SAVEPOINT round_trip_fill_run');
      }
    },
  };
}

class SandboxConnection implements DatabaseConnection {
  /** Open db.transaction() calls. */
  depth = 0;
  constructor(
    readonly pglite: PGlite,
    private readonly autocommit: boolean,
  ) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.autocommit || this.depth > 0) return this.run<R>(compiled);
    await this.pglite.query('SAVEPOINT round_trip_fill_autocommit');
    try {
      const result = await this.run<R>(compiled);
      await this.pglite.query('RELEASE SAVEPOINT round_trip_fill_autocommit');
      return result;
    } catch (error) {
      await this.pglite.query('ROLLBACK TO SAVEPOINT round_trip_fill_autocommit');
      await this.pglite.query('RELEASE SAVEPOINT round_trip_fill_autocommit');
      throw error;
    }
  }

  streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported by PGlite');
  }

  private async run<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(compiled.sql, [...compiled.parameters], { rowMode: 'object' });
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows != null ? BigInt(result.affectedRows) : undefined,
    };
  }
}

class SandboxDriver implements Driver {
  #connection: SandboxConnection | undefined;
  constructor(
    private readonly options: SandboxOptions,
    private readonly started: (pglite: PGlite) => void,
  ) {}

  async init(): Promise<void> {
    const pglite = await seededPGlite(this.options.dataset);
    await pglite.query('BEGIN');
    await pglite.query(`SET LOCAL search_path TO ${quoteIdentifier(this.options.dataset)}`);
    this.#connection = new SandboxConnection(pglite, this.options.autocommit ?? false);
    this.started(pglite);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (!this.#connection) throw new Error('The sandbox driver did not start');
    return this.#connection;
  }

  // `connection` is the object Kysely handed out, whose executeQuery it has wrapped with logging:
  // statements sent through it are counted, statements sent to PGlite directly are not.
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const sandbox = connection as SandboxConnection;
    sandbox.depth += 1; // first, so that autocommit does not wrap the savepoint itself
    await connection.executeQuery(CompiledQuery.raw(`SAVEPOINT round_trip_fill_tx_${sandbox.depth}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const sandbox = connection as SandboxConnection;
    await connection.executeQuery(CompiledQuery.raw(`RELEASE SAVEPOINT round_trip_fill_tx_${sandbox.depth}`));
    sandbox.depth -= 1;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const sandbox = connection as SandboxConnection;
    const name = `round_trip_fill_tx_${sandbox.depth}`;
    await connection.executeQuery(CompiledQuery.raw(`ROLLBACK TO SAVEPOINT ${name}`));
    await sandbox.pglite.query(`RELEASE SAVEPOINT ${name}`);
    sandbox.depth -= 1;
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {
    // The shared PGlite stays open for the next test file; only this instance's work is undone.
    await this.#connection?.pglite.query('ROLLBACK');
    this.#connection = undefined;
  }
}
