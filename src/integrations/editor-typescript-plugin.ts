import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { EDITOR_LIBS, selectLibFiles } from '../editor/editor-typescript.ts';
import { editorTypeFiles } from './editor-type-files.ts';

const TYPE_FILES = 'virtual:editor-type-files';
const MONACO_LIBS =
  /monaco-editor[\\/]esm[\\/]vs[\\/]languages[\\/]features[\\/]typescript[\\/]lib[\\/]lib\.js$/;

/**
 * What the editor's TypeScript reads, made at build time (used for the page bundle and for the
 * worker bundle alike, see astro.config.mjs):
 *
 * - `virtual:editor-type-files`: the dataset types and Kysely's declarations
 *   (`editorTypeFiles`), as `[path, text]` pairs the editor hands Monaco as extra libraries.
 * - Monaco's TypeScript worker bundles all of TypeScript's library files (3.2 MB, 1.9 MB of it the
 *   DOM); this keeps only the ones the editor's compiler options name (`EDITOR_LIBS`, 0.5 MB).
 */
export function editorTypeScript(root: URL): Plugin {
  return {
    name: 'round-trip:editor-typescript',
    enforce: 'pre',
    resolveId(id) {
      return id === TYPE_FILES ? `\0${TYPE_FILES}` : undefined;
    },
    async load(id) {
      if (id === `\0${TYPE_FILES}`) {
        const files = editorTypeFiles(root);
        for (const file of files) {
          if (!file.path.startsWith('file:///node_modules/')) {
            this.addWatchFile(new URL(file.path.slice('file:///'.length), root).pathname);
          }
        }
        return `export default ${JSON.stringify(files.map((file) => [file.path, file.text]))};`;
      }
      if (MONACO_LIBS.test(id)) {
        // Node reads Monaco's module itself (it is plain assignments), by path: it has no typings.
        const monacoLibs = pathToFileURL(id).href;
        const { libFileMap } = (await import(monacoLibs)) as { libFileMap: Record<string, string> };
        return `export const libFileMap = ${JSON.stringify(selectLibFiles(libFileMap, EDITOR_LIBS))};`;
      }
      return undefined;
    },
  };
}
