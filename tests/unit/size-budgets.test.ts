import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compareWithBudgets,
  pageAssets,
  pageWeight,
  resolveSitePath,
  staticImportClosure,
  staticImportSpecifiers,
} from '../../scripts/size-budgets.ts';
import { projectRoot } from '../support/content-files.ts';

describe('pageAssets', () => {
  it('finds script, modulepreload and stylesheet URLs, inline scripts and styles', () => {
    const html = `<!doctype html><html><head>
      <script>document.documentElement.dataset.theme = 'dark';</script>
      <link rel="stylesheet" href="/_astro/site.css">
      <link rel=modulepreload href='/_astro/pre.js'>
      <link rel="canonical" href="https://example.org/">
      <link rel="icon" href="/favicon.svg">
      <style>body { margin: 0 }</style>
      <script type="application/ld+json">{"@type": "Article"}</script>
      <!-- <script src="/_astro/commented-out.js"></script> -->
    </head><body>
      <script type="module" src="/_astro/page.js"></script>
      <script type="module">import "./local.js";</script>
    </body></html>`;
    expect(pageAssets(html)).toEqual({
      scripts: ['/_astro/page.js', '/_astro/pre.js'],
      inlineScripts: [
        { code: "document.documentElement.dataset.theme = 'dark';", module: false },
        { code: 'import "./local.js";', module: true },
      ],
      stylesheets: ['/_astro/site.css'],
      inlineStyles: ['body { margin: 0 }'],
    });
  });
});

describe('staticImportSpecifiers', () => {
  it('finds static imports and re-exports, minified or not, and leaves dynamic import() out', () => {
    const code = [
      'import{a as b,c}from"./one.js";import"./two.js";',
      "import * as three from './three.js';",
      'import four, { five } from "../four.js"',
      'export{x}from"./five.js";export*from"./six.js";',
      'const lazy = () => import("./lazy.js"); const other = import(`./later.js`);',
      'const url = import.meta.url; export { local };',
    ].join('\n');
    expect(staticImportSpecifiers(code)).toEqual([
      './one.js',
      './two.js',
      './three.js',
      '../four.js',
      './five.js',
      './six.js',
    ]);
  });
});

describe('resolveSitePath', () => {
  it('resolves relative and root-relative specifiers and ignores bare names and URLs', () => {
    expect(resolveSitePath('./b.js', '/_astro/a.js')).toBe('/_astro/b.js');
    expect(resolveSitePath('../x/b.js', '/_astro/a.js')).toBe('/x/b.js');
    expect(resolveSitePath('/_astro/b.js', '/guidelines/page/')).toBe('/_astro/b.js');
    expect(resolveSitePath('./b.js', '/guidelines/page/')).toBe('/guidelines/page/b.js');
    expect(resolveSitePath('kysely', '/_astro/a.js')).toBeUndefined();
    expect(resolveSitePath('https://cdn.example/a.js', '/_astro/a.js')).toBeUndefined();
    expect(resolveSitePath('//cdn.example/a.js', '/_astro/a.js')).toBeUndefined();
  });
});

describe('staticImportClosure', () => {
  const files: Record<string, string> = {
    '/_astro/entry.js': 'import{a}from"./shared.js";import"./side.js";const l=()=>import("./lazy.js");',
    '/_astro/shared.js': 'import"./deep.js";export const a=1;',
    '/_astro/side.js': 'import{a}from"./shared.js";import"./gone.js";',
    '/_astro/deep.js': 'import"./entry.js";', // a cycle
    '/_astro/lazy.js': 'import"./lazy-dep.js";',
    '/_astro/lazy-dep.js': '',
  };
  const load = (path: string) => files[path];

  it('walks static imports transitively, once each, through cycles, and not into import()', () => {
    expect(staticImportClosure(['/_astro/entry.js'], load)).toEqual({
      files: ['/_astro/entry.js', '/_astro/shared.js', '/_astro/side.js', '/_astro/deep.js'],
      missing: ['/_astro/gone.js'],
    });
  });

  it('starts from several entries and counts a shared file once', () => {
    expect(staticImportClosure(['/_astro/lazy.js', '/_astro/deep.js'], load).files).toEqual([
      '/_astro/lazy.js',
      '/_astro/deep.js',
      '/_astro/lazy-dep.js',
      '/_astro/entry.js',
      '/_astro/shared.js',
      '/_astro/side.js',
    ]);
  });
});

describe('pageWeight', () => {
  it('adds up a page’s scripts, their static imports and inline code, and its styles', () => {
    const files: Record<string, string> = {
      '/_astro/page.js': 'import"./dep.js";import("./editor.js");', // 39 characters
      '/_astro/dep.js': 'x'.repeat(100),
      '/_astro/editor.js': 'y'.repeat(10_000),
      '/_astro/from-inline.js': 'z'.repeat(7),
      '/_astro/site.css': 'c'.repeat(50),
    };
    const html =
      '<link rel="stylesheet" href="/_astro/site.css"><link rel="stylesheet" href="/_astro/none.css">' +
      '<style>abc</style><script>12345</script><script type="module">import "/_astro/from-inline.js"</script>' +
      '<script type="module" src="/_astro/page.js"></script>';
    const weight = pageWeight(
      html,
      '/guidelines/a/',
      (path) => files[path],
      (text) => text.length,
    );
    expect(weight).toEqual({
      jsFiles: ['/_astro/page.js', '/_astro/from-inline.js', '/_astro/dep.js'],
      cssFiles: ['/_astro/site.css'],
      js: 39 + 7 + 100 + '12345'.length + 'import "/_astro/from-inline.js"'.length,
      css: 50 + 'abc'.length,
      missing: ['/_astro/none.css'],
    });
  });
});

describe('compareWithBudgets', () => {
  it('passes a figure at or under its budget and fails one over it', () => {
    const report = compareWithBudgets([
      { name: 'Page JS', detail: '/a/', bytes: 10_400, budget: 15_000 },
      { name: 'Worker', bytes: 204_000, budget: 204_000 },
      { name: 'Editor', bytes: 1_043_001, budget: 1_043_000 },
    ]);
    expect(report.lines).toEqual([
      'ok          Page JS (/a/): 10.4 kB gzip of 15.0 kB budget, 69%',
      'ok          Worker: 204.0 kB gzip of 204.0 kB budget, 100%',
      'OVER BUDGET Editor: 1,043.0 kB gzip of 1,043.0 kB budget, 100%',
    ]);
    expect(report.over.map((figure) => figure.name)).toEqual(['Editor']);
  });
});

// The command itself, on a small built site: it prints every figure and exits 1 when a budget is
// below the measured size.
describe('npm run test:budgets', () => {
  const run = promisify(execFile);
  const script = new URL('scripts/check-budgets.mjs', projectRoot).pathname;
  let dist: string;

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'round-trip-budgets-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dist, path)), { recursive: true });
      writeFileSync(join(dist, path), text);
    };
    write(
      'guidelines/a/index.html',
      '<link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/page.js"></script>',
    );
    write('guidelines/b/index.html', '<script>let light = true;</script>');
    write('_astro/page.js', 'import"./shared.js";const e=()=>import("./code-editor.abc.js");');
    write('_astro/shared.js', 'export const shared = 1;');
    write('_astro/site.css', 'body { color: black }');
    write('_astro/worker-entry-abc.js', 'import"./runtime.js";');
    write('_astro/runtime.js', 'export const runtime = 1;');
    write('_astro/code-editor.abc.js', 'import"./shared.js";import"./monaco.js";');
    write('_astro/monaco.js', 'export const monaco = 1;');
    write('_astro/ts.worker-abc.js', 'import"./typescript.js";');
    write('_astro/typescript.js', 'export const ts = 1;');
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  async function budgets(...args: string[]) {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', script, ...args],
        { cwd: projectRoot.pathname },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('prints each figure against its budget and passes within budget', async () => {
    const result = await budgets('--dist', dist);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^ {2}ok {10}JavaScript before interaction \(heaviest of 2 guideline pages: \/guidelines\/a\/\)/m,
    );
    expect(result.stdout).toMatch(/^ {2}ok {10}CSS before interaction/m);
    expect(result.stdout).toMatch(/^ {2}ok {10}Playground worker \(2 files, without \.wasm\/\.data\)/m);
    // shared.js is already on the page, so only the editor chunk and monaco.js count.
    expect(result.stdout).toMatch(
      /^ {2}ok {10}Code editor, loaded on Edit \(2 files not already on the page\)/m,
    );
    expect(result.stdout).toMatch(/^ {2}ok {10}TypeScript worker, loaded on Edit \(2 files\)/m);
  });

  it('exits 1 and names what is over when a budget is lowered below the measured size', async () => {
    const result = await budgets('--dist', dist, '--budget', 'worker=10');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ {2}OVER BUDGET Playground worker .*0\.0 kB budget/m);
    expect(result.stdout).toContain('/_astro/worker-entry-abc.js');
    expect(result.stdout).toContain('/_astro/runtime.js');
    expect(result.stderr).toContain('1 over budget');
  });

  it('exits 2 without a built site, and on an unknown budget', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'round-trip-no-dist-'));
    const missing = await budgets('--dist', empty);
    rmSync(empty, { recursive: true });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('run npm run build first');
    const unknown = await budgets('--dist', dist, '--budget', 'fonts=1');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('page-js, page-css, worker, editor, typescript-worker');
  });
});
