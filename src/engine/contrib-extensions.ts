import type { Extension } from '@electric-sql/pglite';
import { auto_explain } from '@electric-sql/pglite/contrib/auto_explain';
import { pg_buffercache } from '@electric-sql/pglite/contrib/pg_buffercache';
import { pg_stat_statements } from '@electric-sql/pglite/contrib/pg_stat_statements';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/**
 * The PostgreSQL extensions a dataset may create (its schema.sql says `CREATE EXTENSION …`).
 * Each is PGlite's own build of the contrib module; its archive downloads only when a dataset
 * that uses it boots.
 */
export const CONTRIB_EXTENSIONS: Readonly<Record<string, Extension>> = {
  auto_explain,
  pg_buffercache,
  pg_stat_statements,
  pg_trgm,
};

/** PGlite's `extensions` option for these names; an unknown name is an error that names the known ones. */
export function contribExtensions(names: readonly string[]): Record<string, Extension> {
  return Object.fromEntries(
    names.map((name) => {
      const extension = CONTRIB_EXTENSIONS[name];
      if (!extension) {
        throw new Error(
          `The dataset needs the extension "${name}", which the playground does not load. ` +
            `Available: ${Object.keys(CONTRIB_EXTENSIONS).join(', ')}.`,
        );
      }
      return [name, extension];
    }),
  );
}
