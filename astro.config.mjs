// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { fileURLToPath } from 'node:url';
import { shikiThemes } from './src/content/shiki-themes.mjs';
import { guidelineRedirects } from './src/content/guideline-slugs.ts';
import { readGuidelineSlugs } from './src/content/content-fs.ts';
import { DEFAULT_SITE } from './src/content/default-site.ts';
import { checklistVerifier } from './src/integrations/checklist-verifier.ts';
import { headersFileIntegration } from './src/integrations/headers-file.ts';
import { editorTypeScript } from './src/integrations/editor-typescript-plugin.ts';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  INLINE_SCRIPTS,
  PAGE_DIRECTIVES,
  PAGE_SCRIPT_RESOURCES,
  PAGE_STYLE_RESOURCES,
} from './src/site/content-security-policy.ts';

// Astro hashes the scripts it bundles; the two inline ones (is:inline, set:html from these files)
// are hashed here from the same text.
/** @type {`sha256-${string}`[]} */
const inlineScriptHashes = INLINE_SCRIPTS.map(
  (file) =>
    /** @type {`sha256-${string}`} */ (
      `sha256-${createHash('sha256')
        .update(readFileSync(new URL(`./src/inline-scripts/${file}`, import.meta.url), 'utf8'))
        .digest('base64')}`
    ),
);

// Renamed guidelines keep their old URLs (content/guideline-slugs.yaml; checked by the unit tests).
const slugs = readGuidelineSlugs(new URL('./', import.meta.url));

/**
 * Monaco's ES modules import their own CSS, and Astro links every stylesheet a page script can
 * reach, even behind a dynamic import: 90 KB of editor CSS on every guideline page. This empties
 * those imports; src/client/code-editor.ts adds Monaco's prebuilt stylesheet when the editor opens.
 * @returns {import('vite').Plugin}
 */
function monacoStylesOnDemand() {
  return {
    name: 'round-trip:monaco-styles-on-demand',
    enforce: 'pre',
    load(id) {
      return /monaco-editor[\\/]esm[\\/].*\.css$/.test(id) ? '' : undefined;
    },
  };
}

export default defineConfig({
  // Sitemap URLs must be absolute; a fork sets SITE_URL to where it is deployed.
  site: process.env.SITE_URL ?? DEFAULT_SITE,
  trailingSlash: 'always',
  // checklistVerifier: /checklist/verify-checklist.mjs, the pull-request checker teams download.
  integrations: [mdx(), checklistVerifier(), headersFileIntegration()],
  // Every page carries a Content-Security-Policy meta tag with the hashes of its scripts; the
  // worker's policy goes in dist/_headers (src/site/content-security-policy.ts says why).
  security: {
    csp: {
      directives: /** @type {any} */ (PAGE_DIRECTIVES),
      scriptDirective: { resources: PAGE_SCRIPT_RESOURCES, hashes: inlineScriptHashes },
      styleDirective: { resources: PAGE_STYLE_RESOURCES },
    },
  },
  redirects: guidelineRedirects(slugs),
  markdown: {
    shikiConfig: { themes: shikiThemes, defaultColor: false },
  },
  vite: {
    // editorTypeScript: the dataset and Kysely types the editor loads, and the TypeScript library
    // files its worker bundles (src/integrations/editor-typescript-plugin.ts).
    plugins: [monacoStylesOnDemand(), editorTypeScript(new URL('./', import.meta.url))],
    resolve: {
      // Monaco's prebuilt stylesheet, which its package exports do not expose.
      alias: [
        {
          find: /^monaco-editor-styles(\?.*)?$/,
          replacement: `${fileURLToPath(new URL('./node_modules/monaco-editor/min/vs/editor/editor.main.css', import.meta.url))}$1`,
        },
      ],
    },
    // The playground worker splits variant modules into chunks, which needs ES module workers.
    // Worker bundles get their own plugins: the TypeScript worker needs the library-file filter.
    worker: { format: 'es', plugins: () => [editorTypeScript(new URL('./', import.meta.url))] },
    // PGlite's extension bundles stay files: Vite would inline one under 4 kB (auto_explain, 2.7 kB)
    // as a data: URL, which the worker's CSP (connect-src 'self') and its lockdown refuse to fetch.
    build: { assetsInlineLimit: (file) => (file.endsWith('.tar.gz') ? false : undefined) },
    // PGlite locates its .wasm and .data files relative to its own module; pre-bundling breaks that.
    optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  },
});
