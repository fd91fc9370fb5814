// The pure part of `npm run test:budgets` (scripts/check-budgets.mjs): what a built page loads
// before any interaction, the static import graph of the built chunks, and the comparison of
// sizes with their budgets. No file system here; tests/unit/size-budgets.test.ts feeds it fixtures.

/** What a built HTML page references: all of it loads before the reader does anything. */
export interface PageAssets {
  /** `<script src>` (classic or module) and `<link rel="modulepreload">`, as written in the page. */
  scripts: string[];
  /** Inline `<script>` bodies; module ones may import chunks. */
  inlineScripts: { code: string; module: boolean }[];
  /** `<link rel="stylesheet">`, as written in the page. */
  stylesheets: string[];
  /** Inline `<style>` bodies. */
  inlineStyles: string[];
}

const JAVASCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(
    attributes,
  );
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/** The scripts and stylesheets an HTML page references. JSON and other non-script types are skipped. */
export function pageAssets(html: string): PageAssets {
  const assets: PageAssets = { scripts: [], inlineScripts: [], stylesheets: [], inlineStyles: [] };
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const [, attributes = '', body = ''] of withoutComments.matchAll(
    /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi,
  )) {
    const type = (attribute(attributes, 'type') ?? '').trim().toLowerCase();
    if (!JAVASCRIPT_TYPES.has(type)) continue;
    const src = attribute(attributes, 'src');
    if (src) assets.scripts.push(src);
    else if (body.trim()) assets.inlineScripts.push({ code: body, module: type === 'module' });
  }
  for (const [, attributes = ''] of withoutComments.matchAll(/<link\b([^>]*)>/gi)) {
    const rel = (attribute(attributes, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attribute(attributes, 'href');
    if (!href) continue;
    if (rel.includes('stylesheet')) assets.stylesheets.push(href);
    else if (rel.includes('modulepreload')) assets.scripts.push(href);
  }
  for (const [, body = ''] of withoutComments.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    if (body.trim()) assets.inlineStyles.push(body);
  }
  return assets;
}

/**
 * The specifiers of a module's static imports and re-exports (`import x from "./a.js"`,
 * `import "./a.js"`, `export * from "./a.js"`), as bundlers write them, minified or not.
 * Dynamic `import("./a.js")` is not one: it loads later, on demand.
 */
export function staticImportSpecifiers(code: string): string[] {
  const found: string[] = [];
  const pattern = /(?<![\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?(["'])([^"'\n]+)\1/g;
  for (const [, , specifier] of code.matchAll(pattern)) found.push(specifier!);
  return found;
}

/** Resolves a relative or root-relative specifier against the site path of the importing file. */
export function resolveSitePath(specifier: string, fromPath: string): string | undefined {
  if (!/^(?:\.{1,2}\/|\/(?!\/))/.test(specifier)) return undefined; // bare names and URLs: not ours
  return new URL(specifier, new URL(fromPath, 'http://site.invalid')).pathname;
}

export interface ImportClosure {
  /** Every file reached, entries first, each once. */
  files: string[];
  /** Relative imports that name no file (reported, not counted). */
  missing: string[];
}

/**
 * Every file the entries load before they run: the entries and, transitively, their static
 * imports. `load` returns a file's code by site path (`/_astro/x.js`), or undefined if there is none.
 */
export function staticImportClosure(
  entries: string[],
  load: (sitePath: string) => string | undefined,
): ImportClosure {
  const files: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const code = load(path);
    if (code === undefined) {
      missing.push(path);
      continue;
    }
    files.push(path);
    for (const specifier of staticImportSpecifiers(code)) {
      const resolved = resolveSitePath(specifier, path);
      if (resolved && !seen.has(resolved)) queue.push(resolved);
    }
  }
  return { files, missing };
}

export interface PageWeight {
  /** The JavaScript files the page loads before interaction, entries first. */
  jsFiles: string[];
  /** Its stylesheet files. */
  cssFiles: string[];
  /** Sizes (as `size` measures them) of the JS files plus the inline scripts. */
  js: number;
  /** Sizes of the stylesheets plus the inline styles. */
  css: number;
  /** Referenced files that are not in the build (not counted). */
  missing: string[];
}

/**
 * What a built page at `pagePath` (e.g. `/guidelines/x/`) loads before the reader does anything:
 * the scripts and stylesheets its HTML references, inline ones included, and every chunk those
 * scripts import statically. `size` measures a text (e.g. its gzip size).
 */
export function pageWeight(
  html: string,
  pagePath: string,
  load: (sitePath: string) => string | undefined,
  size: (text: string) => number,
): PageWeight {
  const assets = pageAssets(html);
  const resolveAll = (specifiers: string[]) =>
    specifiers.map((s) => resolveSitePath(s, pagePath)).filter((path): path is string => path !== undefined);
  const inlineImports = assets.inlineScripts
    .filter((script) => script.module)
    .flatMap((script) => staticImportSpecifiers(script.code));
  const closure = staticImportClosure(resolveAll([...assets.scripts, ...inlineImports]), load);
  const stylesheets = resolveAll(assets.stylesheets);
  const cssFiles = stylesheets.filter((path) => load(path) !== undefined);
  const sum = (texts: string[]) => texts.reduce((total, text) => total + size(text), 0);
  return {
    jsFiles: closure.files,
    cssFiles,
    js: sum(closure.files.map((path) => load(path)!)) + sum(assets.inlineScripts.map((s) => s.code)),
    css: sum(cssFiles.map((path) => load(path)!)) + sum(assets.inlineStyles),
    missing: [...closure.missing, ...stylesheets.filter((path) => !cssFiles.includes(path))],
  };
}

export interface Figure {
  /** What is measured, e.g. "JavaScript before interaction". */
  name: string;
  /** Where, e.g. the heaviest page. */
  detail?: string;
  /** Measured gzip size in bytes. */
  bytes: number;
  /** Largest allowed gzip size in bytes. */
  budget: number;
}

export interface BudgetReport {
  lines: string[];
  over: Figure[];
}

export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1000).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} kB`;
}

/** One line per figure against its budget; `over` lists those above budget (equal is fine). */
export function compareWithBudgets(figures: Figure[]): BudgetReport {
  const lines = figures.map((figure) => {
    const verdict = figure.bytes <= figure.budget ? 'ok' : 'OVER BUDGET';
    const share = Math.round((figure.bytes / figure.budget) * 100);
    const where = figure.detail ? ` (${figure.detail})` : '';
    return `${verdict.padEnd(11)} ${figure.name}${where}: ${formatKilobytes(figure.bytes)} gzip of ${formatKilobytes(figure.budget)} budget, ${share}%`;
  });
  return { lines, over: figures.filter((figure) => figure.bytes > figure.budget) };
}
