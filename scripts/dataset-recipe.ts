// The pure part of the dataset archives' names (scripts/build-datasets.mjs). An archive is named by
// a hash of everything that decides its content: the dataset's SQL, the build script and every
// module it imports, and the versions of the packages that write the cluster and the tar. Its
// bytes cannot name it: PostgreSQL writes a random system identifier and timestamps into the
// cluster, so a hash of the gzip gave every build new names, and a reader's cached archives
// (served as immutable) were downloaded again after each deploy though no data had changed.
// The file system side is dataset-recipe-fs.ts; tests/unit/dataset-recipe.test.ts feeds this fixtures.
import { createHash } from 'node:crypto';

/** One input of a recipe: a file by its path from the project root, or a package by name and version. */
export interface RecipeInput {
  path: string;
  text: string;
}

/**
 * The relative modules a source file loads when it runs: `import … from './x'`, `import './x'`,
 * `export … from './x'`. Type-only imports are erased before it runs, and packages are covered
 * by their versions, so neither is listed.
 */
export function relativeImports(source: string): string[] {
  const specifiers = new Set<string>();
  const statement = /^[ \t]*(import|export)\s+(type\s+)?([^;'"]*?\bfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/gm;
  for (const [, , typeOnly, , specifier] of source.matchAll(statement)) {
    if (!typeOnly && specifier) specifiers.add(specifier);
  }
  return [...specifiers];
}

/** A 12-hex-digit hash of the inputs, whatever order they come in. */
export function recipeHash(inputs: readonly RecipeInput[]): string {
  const hash = createHash('sha256');
  for (const { path, text } of [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(`${path}\0${text.length}\0${text}\0`);
  }
  return hash.digest('hex').slice(0, 12);
}

/** What scripts/build-datasets.mjs writes to src/generated/datasets.json for one dataset. */
export interface DatasetEntry {
  archive: string;
  bytes: number;
  [figure: string]: unknown;
}

/**
 * The previous build's entry for a dataset when its archive can be kept: the previous manifest
 * names the archive this recipe names, and that file is still there. Otherwise the archive is
 * built again (`force` always builds).
 */
export function keptEntry(
  previous: Readonly<Record<string, DatasetEntry>> | undefined,
  dataset: string,
  archive: string,
  exists: (archive: string) => boolean,
  force = false,
): DatasetEntry | undefined {
  const entry = previous?.[dataset];
  if (force || !entry || entry.archive !== archive || !exists(archive)) return undefined;
  return entry;
}
