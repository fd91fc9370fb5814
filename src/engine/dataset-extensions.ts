/**
 * The PostgreSQL extensions a dataset's schema creates (`CREATE EXTENSION [IF NOT EXISTS] name`)
 * or loads (`LOAD 'name'`, for modules such as auto_explain that are libraries, not extensions).
 * PGlite must be started with them loaded, when seeding and when booting from the archive, so
 * the schema is the one place that says which a dataset needs.
 *
 * @example
 * datasetExtensions('CREATE EXTENSION IF NOT EXISTS pg_trgm;'); // ['pg_trgm']
 * datasetExtensions("LOAD 'auto_explain';"); // ['auto_explain']
 */
export function datasetExtensions(schemaSql: string): string[] {
  const names = [
    ...schemaSql.matchAll(/^\s*create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([a-z0-9_]+)"?/gim),
    ...schemaSql.matchAll(/^\s*load\s+'([a-z0-9_]+)'/gim),
  ].map((match) => match[1]!.toLowerCase());
  return [...new Set(names)];
}
