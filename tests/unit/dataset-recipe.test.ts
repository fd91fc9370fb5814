import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { datasetRecipe } from '../../scripts/dataset-recipe-fs.ts';
import { keptEntry, recipeHash, relativeImports } from '../../scripts/dataset-recipe.ts';
import { projectRoot } from '../support/content-files.ts';

describe('relativeImports', () => {
  test('lists the project modules a file loads when it runs, not types or packages', () => {
    const source = [
      "import { PGlite } from '@electric-sql/pglite';",
      "import tinytar from 'tinytar';",
      "import { seedDataset } from '../src/engine/dataset-loader.ts';",
      'import {',
      '  a,',
      '  type B,',
      "} from './multi-line.ts';",
      "import type { Only } from './types-only.ts';",
      "import './side-effect.ts';",
      'export { c } from "../re-export.ts";',
      "export * from './star.ts';",
      "// import { commented } from './inside-a-sentence.ts' is not at a line's start",
      'const text = "import x from \'./in-a-string.ts\'";',
      "import { seedDataset as again } from '../src/engine/dataset-loader.ts';",
    ].join('\n');
    expect(relativeImports(source)).toEqual([
      '../src/engine/dataset-loader.ts',
      './multi-line.ts',
      './side-effect.ts',
      '../re-export.ts',
      './star.ts',
    ]);
  });
});

describe('recipeHash', () => {
  const inputs = [
    { path: 'content/datasets/demo/seed.sql', text: 'INSERT INTO t VALUES (1);' },
    { path: 'package:tinytar@0.1.0', text: '' },
  ];

  test('depends on every path and text, not on their order', () => {
    expect(recipeHash(inputs)).toMatch(/^[0-9a-f]{12}$/);
    expect(recipeHash([...inputs].reverse())).toBe(recipeHash(inputs));
    expect(recipeHash([{ ...inputs[0]!, text: 'INSERT INTO t VALUES (2);' }, inputs[1]!])).not.toBe(
      recipeHash(inputs),
    );
    expect(recipeHash([inputs[0]!, { path: 'package:tinytar@0.1.1', text: '' }])).not.toBe(
      recipeHash(inputs),
    );
    // A boundary between path and text moved is another recipe.
    expect(recipeHash([{ path: 'ab', text: 'c' }])).not.toBe(recipeHash([{ path: 'a', text: 'bc' }]));
  });
});

describe('keptEntry', () => {
  const previous = { library: { archive: 'datasets/library.aaaaaaaaaaaa.tar.gz', bytes: 1 } };
  const there = () => true;

  test('keeps the previous archive when the recipe names it and the file is there', () => {
    expect(keptEntry(previous, 'library', 'datasets/library.aaaaaaaaaaaa.tar.gz', there)).toBe(
      previous.library,
    );
  });

  test('builds again when the recipe changed, the file is gone, there is no manifest, or on --force', () => {
    expect(keptEntry(previous, 'library', 'datasets/library.bbbbbbbbbbbb.tar.gz', there)).toBeUndefined();
    expect(keptEntry(previous, 'library', previous.library.archive, () => false)).toBeUndefined();
    expect(keptEntry(undefined, 'library', previous.library.archive, there)).toBeUndefined();
    expect(keptEntry(previous, 'shop', 'datasets/shop.aaaaaaaaaaaa.tar.gz', there)).toBeUndefined();
    expect(keptEntry(previous, 'library', previous.library.archive, there, true)).toBeUndefined();
  });
});

describe('datasetRecipe', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'dataset-recipe-'));
    write(
      'scripts/build-datasets.mjs',
      "import { seed } from '../src/engine/loader.ts';\nimport { keep } from './recipe.ts';\n",
    );
    write('scripts/recipe.ts', 'export const keep = 1;\n');
    write(
      'src/engine/loader.ts',
      "import { quote } from './quote.ts';\nimport type { T } from './types.ts';\n",
    );
    write('src/engine/quote.ts', 'export const quote = 1;\n');
    write('src/engine/types.ts', 'export type T = 1;\n');
    write('src/engine/unrelated.ts', 'export const other = 1;\n');
    write('content/datasets/demo/schema.sql', 'CREATE TABLE t (id int);\n');
    write('content/datasets/demo/seed.sql', 'INSERT INTO t VALUES (1);\n');
    write('content/datasets/demo/demo-database.ts', 'export interface Demo {}\n');
    write('content/datasets/other/seed.sql', 'INSERT INTO u VALUES (1);\n');
    write('node_modules/@electric-sql/pglite/package.json', '{"version": "0.5.16"}');
    write('node_modules/tinytar/package.json', '{"version": "0.1.0"}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('lists the build script, the modules it loads through their imports, the SQL and the packages', () => {
    expect(datasetRecipe(root, 'demo').inputs).toEqual([
      'content/datasets/demo/schema.sql',
      'content/datasets/demo/seed.sql',
      'package:@electric-sql/pglite@0.5.16',
      'package:tinytar@0.1.0',
      'scripts/build-datasets.mjs',
      'scripts/recipe.ts',
      'src/engine/loader.ts',
      'src/engine/quote.ts',
    ]);
  });

  test('a new name when the data, a loaded module or a package changes; the same name otherwise', () => {
    let before = datasetRecipe(root, 'demo').hash;
    const changes: [string, string, boolean][] = [
      ['content/datasets/demo/demo-database.ts', 'export interface Demo { id: number }\n', false],
      ['src/engine/types.ts', 'export type T = 2;\n', false],
      ['src/engine/unrelated.ts', 'export const other = 2;\n', false],
      ['content/datasets/other/seed.sql', 'INSERT INTO u VALUES (2);\n', false],
      ['content/datasets/demo/seed.sql', 'INSERT INTO t VALUES (2);\n', true],
      ['src/engine/quote.ts', 'export const quote = 2;\n', true],
      ['node_modules/@electric-sql/pglite/package.json', '{"version": "0.5.17"}', true],
    ];
    for (const [path, text, changesName] of changes) {
      write(path, text);
      const after = datasetRecipe(root, 'demo').hash;
      expect(after !== before, path).toBe(changesName);
      if (changesName) expect(datasetRecipe(root, 'other').hash, path).not.toBe(after);
      before = after;
    }
  });

  test("this project's recipe for the library archive follows the engine modules that seed it", () => {
    const { inputs } = datasetRecipe(fileURLToPath(projectRoot), 'library');
    expect(inputs).toEqual(
      expect.arrayContaining([
        'content/datasets/library/schema.sql',
        'content/datasets/library/seed.sql',
        'scripts/build-datasets.mjs',
        'src/engine/dataset-loader.ts',
        'src/engine/shared-buffers.ts',
        'src/engine/database-pool.ts',
        expect.stringMatching(/^package:@electric-sql\/pglite@\d/),
      ]),
    );
    expect(
      inputs.filter((path) => path.startsWith('content/datasets/') && !path.includes('/library/')),
    ).toEqual([]);
  });
});
