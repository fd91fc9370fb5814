/**
 * Turns a variant's TypeScript into JavaScript the worker can load, for edited code. Type
 * annotations and type-only imports are removed; nothing is type-checked here (the editor shows
 * type errors, the database shows what the code does). Imports become require() calls, and the
 * code is wrapped in a module factory: the worker calls it with a require() that knows only what
 * playground code may import (src/engine/edited-module.ts), so `import { sql } from 'kysely'`
 * gets the worker's own Kysely and any other import fails with a plain message. The code starts on
 * the wrapper's line, so line numbers in errors match the editor's. Sucrase is small and loaded
 * only when edited code runs.
 */
export async function variantToJavaScript(typescript: string): Promise<string> {
  const { transform } = await import('sucrase');
  const { code } = transform(typescript, {
    transforms: ['typescript', 'imports'],
    disableESTransforms: true,
  });
  return `export default function (require, module, exports) {${code}\n}\n`;
}
