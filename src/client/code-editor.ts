/**
 * The code editor behind a variant's Edit button: Monaco, coloured by the same Shiki themes
 * as the static code. Everything here is loaded on the first Edit click, never before.
 */
import * as monaco from 'monaco-editor/editor/editor.api.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import { shikiToMonaco } from '@shikijs/monaco';
import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { shikiThemes } from '../content/shiki-themes.mjs';
import { h } from './dom.ts';
// The editor's styles as text, added when the editor opens (see astro.config.mjs for why).
import monacoStyles from 'monaco-editor-styles?inline';

export interface CodeEditor {
  value(): string;
  setValue(code: string): void;
  focus(): void;
  dispose(): void;
}

let ready: Promise<void> | undefined;

function setUp(): Promise<void> {
  ready ??= (async () => {
    (self as unknown as { MonacoEnvironment: object }).MonacoEnvironment = {
      getWorker: () => new EditorWorker(),
    };
    document.head.append(h('style', {}, monacoStyles));
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
    monaco.languages.register({ id: 'typescript' });
    // The monaco types @shikijs/monaco names are those of monaco-editor-core, the same API.
    shikiToMonaco(highlighter, monaco as unknown as Parameters<typeof shikiToMonaco>[1]);
    // Follow the page's theme toggle.
    new MutationObserver(() => monaco.editor.setTheme(currentTheme())).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
  })();
  return ready;
}

function currentTheme(): string {
  return document.documentElement.dataset.theme === 'dark' ? shikiThemes.dark : shikiThemes.light;
}

export async function createCodeEditor(
  container: HTMLElement,
  code: string,
  options: { label: string; onChange(code: string): void },
): Promise<CodeEditor> {
  await setUp();
  const editor = monaco.editor.create(container, {
    value: code,
    language: 'typescript',
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
    dispose: () => editor.dispose(),
  };
}
