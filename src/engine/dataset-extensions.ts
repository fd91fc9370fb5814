/**
 * The PostgreSQL extensions a dataset's schema creates (`CREATE EXTENSION [IF NOT EXISTS] name`).
 * PGlite must be started with them loaded, when seeding and when booting from the archive, so
 * the schema is the one place that says which a dataset needs.
 *
 * @example
 * datasetExtensions('CREATE EXTENSION IF NOT EXISTS pg_trgm;'); // ['pg_trgm']
 */
export function datasetExtensions(schemaSql: string): string[] {
  const names = [
    ...schemaSql.matchAll(/^\s*create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([a-z0-9_]+)"?/gim),
  ].map((match) => match[1]!.toLowerCase());
  return [...new Set(names)];
}
