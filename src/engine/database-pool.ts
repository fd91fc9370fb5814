import type { PrepareReport } from './engine-api.ts';
import { datasetExtensions } from './dataset-extensions.ts';
import { quoteIdentifier, seedDataset, type DatasetSql, type ScriptablePGlite } from './dataset-loader.ts';

/** A PGlite the pool can close when it evicts it. */
export interface ClosablePGlite extends ScriptablePGlite {
  close(): Promise<void>;
}

/** Milliseconds spent in each step of a boot, by step name, filled in as the boot goes. */
export type BootSteps = Record<string, number>;

/** A pre-seeded archive and what booting it needs, as the build's manifest describes it. */
export interface DatasetArchive {
  archive: Blob;
  /** The contrib extensions its schema creates. */
  extensions: readonly string[];
  /** A cheap primary-key SELECT for warming up, when the build worked it out. */
  warmUpSql?: string;
}

export interface DatabaseDependencies {
  /** Starts PGlite, from a pre-seeded data directory when one is given, with these extensions loaded. */
  createPGlite(options: {
    archive?: Blob;
    extensions: readonly string[];
    steps: BootSteps;
  }): Promise<ClosablePGlite>;
  /** The dataset's pre-seeded data directory, or undefined when there is none (dev server without a build). */
  datasetArchive(name: string, steps: BootSteps): Promise<DatasetArchive | undefined>;
  /** The dataset's SQL, for seeding when there is no archive. */
  datasetSql(name: string): Promise<DatasetSql>;
}

export interface PooledDatabase {
  pglite: ClosablePGlite;
  report: PrepareReport;
  /** A cheap primary-key SELECT on the dataset, for warming up. */
  warmUpSql: string;
}

/**
 * One PGlite per dataset, booted from that dataset's own pre-seeded archive, and more on request
 * for examples that need several real PostgreSQL sessions (a session is a separate PGlite booted
 * from the same archive). Instances are kept for the next run; beyond `limit` the least recently
 * used one is closed.
 */
export class DatabasePool {
  readonly #deps: DatabaseDependencies;
  readonly #limit: number;
  readonly #instances = new Map<string, Promise<PooledDatabase>>();

  constructor(deps: DatabaseDependencies, { limit = 4 }: { limit?: number } = {}) {
    this.#deps = deps;
    this.#limit = limit;
  }

  /** The database for `dataset`, session 0 by default. */
  get(dataset: string, session = 0): Promise<PooledDatabase> {
    quoteIdentifier(dataset);
    const key = `${dataset}#${session}`;
    let instance = this.#instances.get(key);
    if (instance) {
      // Most recently used last.
      this.#instances.delete(key);
    } else {
      instance = this.#boot(dataset);
      // A failed boot may be retried by the next request.
      instance.catch(() => this.#instances.delete(key));
    }
    this.#instances.set(key, instance);
    this.#evict(key);
    return instance;
  }

  /** True when the dataset's session 0 has been asked for. */
  has(dataset: string): boolean {
    return this.#instances.has(`${dataset}#0`);
  }

  #evict(keep: string): void {
    while (this.#instances.size > this.#limit) {
      const [oldest, instance] = this.#instances.entries().next().value!;
      if (oldest === keep) return;
      this.#instances.delete(oldest);
      void instance.then((database) => database.pglite.close()).catch(() => {});
    }
  }

  async #boot(dataset: string): Promise<PooledDatabase> {
    const started = performance.now();
    const steps: BootSteps = {};
    const prepared = await this.#deps.datasetArchive(dataset, steps);
    if (prepared) {
      // Booting from the archive needs neither the dataset's SQL nor a catalog lookup.
      const pglite = await this.#deps.createPGlite({
        archive: prepared.archive,
        extensions: prepared.extensions,
        steps,
      });
      return {
        pglite,
        report: { bootMs: performance.now() - started, seedMs: 0, fromArchive: true, steps },
        warmUpSql: prepared.warmUpSql ?? (await primaryKeySelect(pglite, dataset)),
      };
    }
    const datasetSql = await this.#deps.datasetSql(dataset);
    const pglite = await this.#deps.createPGlite({ extensions: datasetExtensions(datasetSql.schema), steps });
    const bootMs = performance.now() - started;
    const seeding = performance.now();
    await seedDataset(pglite, dataset, datasetSql);
    return {
      pglite,
      report: { bootMs, seedMs: performance.now() - seeding, fromArchive: false, steps },
      warmUpSql: await primaryKeySelect(pglite, dataset),
    };
  }
}

/**
 * A SELECT by `id` on the dataset's first table with an integer id. Read from pg_catalog, not
 * information_schema: its views cost tens of milliseconds to plan on a cold engine.
 */
export async function primaryKeySelect(pglite: ScriptablePGlite, dataset: string): Promise<string> {
  const { rows } = await pglite.query<{ table_name: string }>(
    `SELECT c.relname AS table_name
     FROM pg_catalog.pg_attribute a
     JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
     JOIN pg_catalog.pg_namespace s ON s.oid = c.relnamespace
     WHERE s.nspname = $1 AND c.relkind = 'r' AND a.attname = 'id' AND a.atttypid = 'int4'::regtype
     ORDER BY c.relname LIMIT 1`,
    [dataset],
  );
  const table = rows[0]?.table_name;
  if (!table) throw new Error(`Dataset "${dataset}" has no table with an integer id`);
  return `SELECT * FROM ${quoteIdentifier(dataset)}.${quoteIdentifier(table)} WHERE id = $1`;
}
