import type { QueryablePGlite } from './recording-pglite.ts';

/** A dataset's SQL: `content/datasets/<name>/schema.sql` and `seed.sql`. */
export interface DatasetSql {
  schema: string;
  seed: string;
}

/** What seeding needs from PGlite: running a script of several statements. */
export interface ScriptablePGlite extends QueryablePGlite {
  exec(sql: string): Promise<unknown>;
}

/**
 * Creates the dataset in its own PostgreSQL schema, named after it, so that several datasets
 * can share one database; the runner points `search_path` at the right one for each run.
 * scripts/build-datasets.mjs runs this at build time to make the pre-seeded data directories.
 */
export async function seedDataset(pglite: ScriptablePGlite, name: string, sql: DatasetSql): Promise<void> {
  const schema = quoteIdentifier(name);
  await pglite.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema};`);
  await pglite.exec(sql.schema);
  await pglite.exec(sql.seed);
  // Planner statistics make EXPLAIN output realistic; VACUUM cannot share a script with others.
  await pglite.exec('RESET search_path');
  await pglite.exec(`ANALYZE`);
}

export function quoteIdentifier(name: string): string {
  if (!/^[a-z][a-z0-9_-]*$/.test(name)) throw new Error(`Not a dataset name: "${name}"`);
  return `"${name}"`;
}
