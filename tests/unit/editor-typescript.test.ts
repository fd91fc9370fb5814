import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TypeScriptWorker, type MirrorModel } from 'monaco-editor/languages/features/typescript/tsWorker.js';
import { libFileMap } from 'monaco-editor/languages/features/typescript/lib/lib.js';
import {
  EDITOR_COMPILER_OPTIONS,
  EDITOR_LIBS,
  selectLibFiles,
  variantModelPath,
} from '../../src/editor/editor-typescript.ts';
import { editorTypeFiles } from '../../src/integrations/editor-type-files.ts';

// The editor's TypeScript, run in Node: Monaco's own worker class (the same TypeScript version and
// language-service host as in the browser), the editor's compiler options, and the same files the
// build gives it (editorTypeFiles). Every shipped variant must open without a single error.

const root = new URL('../../', import.meta.url);
const typeFiles = editorTypeFiles(root);

const variants = readdirSync(new URL('content/examples/', root), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((example) =>
    readdirSync(new URL(`content/examples/${example.name}/`, root))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => ({
        path: variantModelPath(example.name, file.slice(0, -'.ts'.length)),
        code: readFileSync(new URL(`content/examples/${example.name}/${file}`, root), 'utf8'),
      })),
  );

function model(path: string, code: string): MirrorModel {
  return { uri: { path: new URL(path).pathname, toString: () => path }, version: 1, getValue: () => code };
}

/** A language service over these editor models, set up as the browser's worker is. */
function editorWorker(models: MirrorModel[]): TypeScriptWorker {
  return new TypeScriptWorker(
    { getMirrorModels: () => models },
    {
      compilerOptions: EDITOR_COMPILER_OPTIONS,
      extraLibs: Object.fromEntries(typeFiles.map((file) => [file.path, { content: file.text, version: 1 }])),
      inlayHintsOptions: {},
    },
  );
}

interface MessageChain {
  messageText: string;
  next?: MessageChain[];
}

/** A diagnostic's whole message, with the chain of reasons TypeScript gives under it. */
function messageText(text: string | MessageChain): string {
  if (typeof text === 'string') return text;
  return [text.messageText, ...(text.next ?? []).map(messageText)].join(' ');
}

async function errorsIn(worker: TypeScriptWorker, path: string): Promise<string[]> {
  const diagnostics = [
    ...(await worker.getSyntacticDiagnostics(path)),
    ...(await worker.getSemanticDiagnostics(path)),
  ];
  return diagnostics.map(
    (d) => `${path.slice('file:///'.length)} (at ${d.start}): ${messageText(d.messageText)}`,
  );
}

describe("the editor's TypeScript", () => {
  it('has the dataset types, what they import and Kysely, at the paths the variants import', () => {
    const paths = typeFiles.map((file) => file.path);
    expect(paths).toContain('file:///content/datasets/library/library-database.ts');
    expect(paths).toContain('file:///src/engine/example-context.ts');
    expect(paths).toContain('file:///node_modules/kysely/package.json');
    expect(paths).toContain('file:///node_modules/kysely/dist/index.d.ts');
    // Nothing the types do not need: no Kysely runtime, no other source.
    expect(
      paths.filter(
        (path) => path.startsWith('file:///node_modules/') && !/\.d\.ts$|package\.json$/.test(path),
      ),
    ).toEqual([]);
  });

  it(`opens every shipped variant (${variants.length}) without an error, all open at once`, async () => {
    expect(variants.length).toBeGreaterThan(100);
    const worker = editorWorker(variants.map((variant) => model(variant.path, variant.code)));
    const errors: string[] = [];
    for (const variant of variants) errors.push(...(await errorsIn(worker, variant.path)));
    expect(errors).toEqual([]);

    // The library files it read are all among those the worker bundle keeps (EDITOR_LIBS).
    const shipped = selectLibFiles(libFileMap, EDITOR_LIBS);
    const libsRead = worker
      .getLanguageService()
      .getProgram()!
      .getSourceFiles()
      .map((source) => source.fileName)
      .filter((name) => name in libFileMap);
    expect(libsRead.length).toBeGreaterThan(0);
    expect(libsRead.filter((name) => !(name in shipped))).toEqual([]);
  });

  it('underlines a column the table does not have, and completes table names', async () => {
    const path = variantModelPath('books-with-authors', 'bad');
    const shipped = variants.find((variant) => variant.path === path)!.code;
    const wrong = shipped.replace("'author_id']", "'author_ident']");
    expect(wrong).not.toBe(shipped);
    const completing = shipped.replace(".selectFrom('books')", ".selectFrom('')");
    const completionPath = variantModelPath('books-with-authors', 'completing');
    const worker = editorWorker([model(path, wrong), model(completionPath, completing)]);

    const errors = await errorsIn(worker, path);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('author_ident');

    const completions = await worker.getCompletionsAtPosition(
      completionPath,
      completing.indexOf(".selectFrom('')") + ".selectFrom('".length,
    );
    expect(completions?.entries.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['authors', 'books', 'book_tags', 'reviews', 'tags']),
    );
  });

  it('ships only the library files it needs, and says which one is missing', () => {
    const shipped = selectLibFiles(libFileMap, EDITOR_LIBS);
    expect(Object.keys(shipped)).toContain('lib.es5.d.ts');
    expect(Object.keys(shipped)).toContain('lib.webworker.d.ts');
    expect(Object.keys(shipped)).not.toContain('lib.dom.d.ts');
    expect(() => selectLibFiles({ 'lib.a.d.ts': '/// <reference lib="b" />' }, ['lib.a.d.ts'])).toThrow(
      'lib.b.d.ts',
    );
  });
});
