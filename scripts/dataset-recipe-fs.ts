// The file system side of dataset-recipe.ts: what decides a dataset's archive, read from the
// project. scripts/build-datasets.mjs names each archive by this recipe's hash.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { recipeHash, relativeImports, type RecipeInput } from './dataset-recipe.ts';

/** The packages that write the archive: PGlite (the cluster's files) and tinytar (the tar). */
const PACKAGES = ['@electric-sql/pglite', 'tinytar'];

/**
 * The recipe of one dataset's archive: the build script and every project module it loads
 * (followed through their imports), the dataset's SQL files, and the packages' versions.
 * `inputs` lists them, files by their path from `rootDir`, packages as `package:<name>@<version>`.
 */
export function datasetRecipe(rootDir: string, dataset: string): { hash: string; inputs: string[] } {
  const inputs: RecipeInput[] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    inputs.push({ path: relative(rootDir, file), text });
    for (const specifier of relativeImports(text)) visit(resolve(dirname(file), specifier));
  };
  visit(join(rootDir, 'scripts/build-datasets.mjs'));

  const dir = join(rootDir, 'content/datasets', dataset);
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.sql'))) {
    inputs.push({ path: `content/datasets/${dataset}/${name}`, text: readFileSync(join(dir, name), 'utf8') });
  }
  for (const name of PACKAGES) {
    const { version } = JSON.parse(readFileSync(join(rootDir, 'node_modules', name, 'package.json'), 'utf8'));
    inputs.push({ path: `package:${name}@${version}`, text: '' });
  }
  return { hash: recipeHash(inputs), inputs: inputs.map((input) => input.path).sort() };
}
