/** Monaco's prebuilt stylesheet as text (an alias in astro.config.mjs). */
declare module 'monaco-editor-styles?inline' {
  const css: string;
  export default css;
}

/** The dataset and Kysely types the editor's TypeScript reads, as `[file:///path, text]` pairs. */
declare module 'virtual:editor-type-files' {
  const files: [path: string, text: string][];
  export default files;
}

/** Monaco's TypeScript mode (it ships no typings; code-editor.ts only loads it). */
declare module 'monaco-editor/languages/features/typescript/tsMode.js';
