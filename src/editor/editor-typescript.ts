/**
 * What the code editor's TypeScript knows, shared by the browser (src/client/code-editor.ts), the
 * build (src/integrations/editor-typescript-plugin.ts) and the unit test that opens every shipped
 * variant under the same settings (tests/unit/editor-typescript.test.ts). No DOM, no Node here.
 */

/**
 * TypeScript's standard library files the editor ships: ECMAScript 2022 and the Web Worker
 * globals (`console`, `URL`, `setTimeout`, `AbortSignal`…), because a variant runs in a worker.
 * No DOM: a variant has no `document`, and lib.dom.d.ts alone is 1.9 MB.
 */
export const EDITOR_LIBS = [
  'lib.es2022.d.ts',
  'lib.webworker.d.ts',
  'lib.webworker.iterable.d.ts',
  'lib.webworker.asynciterable.d.ts',
] as const;

/**
 * The editor's compiler options. The numbers are TypeScript's enum values, which is what its
 * language service takes: target ES2022 (9), module ESNext (99), moduleResolution Bundler (100).
 * `allowImportingTsExtensions` because variants import `…/library-database.ts`; `skipLibCheck`
 * because only the reader's file is checked (Kysely's declarations name `Blob` and `File`, which a
 * worker's library has but errors there would only cost time).
 */
export const EDITOR_COMPILER_OPTIONS = {
  strict: true,
  target: 9,
  module: 99,
  moduleResolution: 100,
  allowImportingTsExtensions: true,
  noEmit: true,
  skipLibCheck: true,
  lib: [...EDITOR_LIBS],
};

/** The editor's URI for a variant: where the file lives in the repository, so its imports resolve. */
export function variantModelPath(example: string, variant: string): string {
  return `file:///content/examples/${example}/${variant}.ts`;
}

/**
 * The library files `libs` need: each one and, transitively, every `/// <reference lib="…" />` in
 * them. Throws when one is not in `available` (a TypeScript upgrade that renamed a file).
 */
export function selectLibFiles(
  available: Readonly<Record<string, string>>,
  libs: readonly string[],
): Record<string, string> {
  const selected: Record<string, string> = {};
  const queue = [...libs];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (name in selected) continue;
    const text = available[name];
    if (text === undefined) throw new Error(`TypeScript library file ${name} is not among Monaco's`);
    selected[name] = text;
    for (const [, lib] of text.matchAll(/^\/\/\/\s*<reference\s+lib\s*=\s*["']([^"']+)["']/gm)) {
      queue.push(`lib.${lib!.toLowerCase()}.d.ts`);
    }
  }
  return selected;
}
