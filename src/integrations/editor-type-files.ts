import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** A file the editor's TypeScript reads, at the `file:///…` path its imports resolve to. */
export interface EditorTypeFile {
  path: string;
  text: string;
}

/**
 * Every file the editor needs to type a variant, read from the repository at `root`: each
 * dataset's `<name>-database.ts` and everything it imports, transitively (the example context in
 * src/engine/, the simulated services in src/simulation/, Kysely's declaration files), plus
 * Kysely's package.json, which tells TypeScript where `'kysely'` points. The set is what
 * TypeScript itself resolves from the datasets, so it follows the code without a hand-kept list.
 * Paths are relative to the repository root: `file:///content/datasets/library/library-database.ts`,
 * `file:///node_modules/kysely/dist/index.d.ts`.
 */
export function editorTypeFiles(root: URL): EditorTypeFile[] {
  const rootPath = fileURLToPath(root).replace(/\/$/, '');
  const datasets = new URL('content/datasets/', root);
  const entries = readdirSync(datasets, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => fileURLToPath(new URL(`${entry.name}/${entry.name}-database.ts`, datasets)));
  const program = ts.createProgram(entries, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
  });
  const files: EditorTypeFile[] = [];
  for (const source of program.getSourceFiles()) {
    if (program.isSourceFileDefaultLibrary(source)) continue;
    if (!source.fileName.startsWith(`${rootPath}/`)) {
      throw new Error(`The editor's types reach outside the repository: ${source.fileName}`);
    }
    files.push({ path: `file:///${source.fileName.slice(rootPath.length + 1)}`, text: source.text });
  }
  const missing = entries.filter((entry) => !program.getSourceFile(entry));
  if (missing.length > 0) throw new Error(`Dataset type files not found: ${missing.join(', ')}`);
  const kysely = 'node_modules/kysely/package.json';
  files.push({ path: `file:///${kysely}`, text: readFileSync(new URL(kysely, root), 'utf8') });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
