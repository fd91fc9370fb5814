/**
 * The code editor behind a variant's Edit button: Monaco, coloured by the same Shiki themes
 * as the static code, with TypeScript's language service in a worker that knows Kysely and the
 * example's dataset (completion of tables and columns, errors underlined before Run).
 * Everything here is loaded on the first Edit click, never before.
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import { typescriptDefaults } from 'monaco-editor/languages/features/typescript/register.js';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker.js?worker';
// Monaco's TypeScript mode, and through it the editor contributions it relies on (the suggest
// widget, hovers, parameter hints, code actions…). Those register services and contributions when
// they load, which must happen before Monaco first uses its services (setTheme, the first editor):
// a static import here, not Monaco's own on-demand import when the first TypeScript model appears.
import 'monaco-editor/languages/features/typescript/tsMode.js';
import { shikiToMonaco } from '@shikijs/monaco';
import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { shikiThemes } from '../content/shiki-themes.mjs';
import { EDITOR_COMPILER_OPTIONS, variantModelPath } from '../editor/editor-typescript.ts';
import { h } from './dom.ts';
// The dataset and Kysely types (src/integrations/editor-typescript-plugin.ts), loaded with the editor.
import typeFiles from 'virtual:editor-type-files';
// The editor's styles as text, added when the editor opens (see astro.config.mjs for why).
import monacoStyles from 'monaco-editor-styles?inline';

export interface CodeEditor {
  value(): string;
  setValue(code: string): void;
  focus(): void;
  dispose(): void;
}

let monacoReady = false;
let highlighting: Promise<void> | undefined;

/**
 * Monaco's workers, its styles, and what its TypeScript knows: set once, before the first model.
 * Monaco starts the TypeScript worker when the first TypeScript model appears, with the compiler
 * options and files it has by then.
 */
function setUpMonaco(): void {
  if (monacoReady) return;
  monacoReady = true;
  (self as unknown as { MonacoEnvironment: object }).MonacoEnvironment = {
    // Both workers are files of the site, bundled by Vite: no blob: URL, no eval.
    getWorker: (_moduleId: string, label: string) =>
      label === 'typescript' ? new TypeScriptWorker() : new EditorWorker(),
  };
  document.head.append(h('style', {}, monacoStyles));
  typescriptDefaults.setCompilerOptions(EDITOR_COMPILER_OPTIONS);
  typescriptDefaults.setExtraLibs(typeFiles.map(([filePath, content]) => ({ filePath, content })));
  monaco.languages.register({ id: 'typescript' });
}

/** Shiki's colours for the editor, as on the static code; loaded once. */
function setUpHighlighting(): Promise<void> {
  highlighting ??= (async () => {
    // Only the one language and two themes, with the JavaScript regex engine: no WebAssembly and
    // none of Shiki's hundreds of other grammars in the bundle.
    const highlighter = await createHighlighterCore({
      themes: [
        import('shiki/themes/github-light-high-contrast.mjs'),
        import('shiki/themes/github-dark-high-contrast.mjs'),
      ],
      langs: [import('shiki/langs/typescript.mjs')],
      engine: createJavaScriptRegexEngine(),
    });
    // The monaco types @shikijs/monaco names are those of monaco-editor-core, the same API.
    shikiToMonaco(highlighter, monaco as unknown as Parameters<typeof shikiToMonaco>[1]);
    // Follow the page's theme toggle.
    new MutationObserver(() => monaco.editor.setTheme(currentTheme())).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
  })();
  return highlighting;
}

function currentTheme(): string {
  return document.documentElement.dataset.theme === 'dark' ? shikiThemes.dark : shikiThemes.light;
}

/**
 * An editor for one variant. `example` and `variant` name its file
 * (`content/examples/<example>/<variant>.ts`), so its relative import of the dataset types
 * resolves as it does in the repository.
 */
export async function createCodeEditor(
  container: HTMLElement,
  code: string,
  options: { label: string; example: string; variant: string; onChange(code: string): void },
): Promise<CodeEditor> {
  setUpMonaco();
  const highlighted = setUpHighlighting();
  // The model first: it starts the TypeScript worker (its download and first check of the code)
  // while Shiki loads, rather than after.
  const uri = monaco.Uri.parse(variantModelPath(options.example, options.variant));
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(code, 'typescript', uri);
  await highlighted;
  const editor = monaco.editor.create(container, {
    model,
    theme: currentTheme(),
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 13,
    lineNumbers: 'off',
    wordWrap: 'on',
    tabSize: 2,
    ariaLabel: options.label,
    // Tab moves focus out of the editor, so keyboard users are never trapped (Ctrl+M toggles).
    tabFocusMode: true,
    // Completion lists and hovers may reach past the editor's box (it is only as tall as the code).
    fixedOverflowWidgets: true,
  });
  editor.onDidChangeModelContent(() => options.onChange(editor.getValue()));
  // As tall as the code (up to a limit), like the static block it replaces.
  const fit = () => {
    container.style.height = `${Math.min(editor.getContentHeight(), 0.8 * window.innerHeight)}px`;
  };
  editor.onDidContentSizeChange(fit);
  fit();
  return {
    value: () => editor.getValue(),
    setValue: (next) => editor.setValue(next),
    focus: () => editor.focus(),
    dispose: () => {
      editor.dispose();
      model.dispose();
    },
  };
}
