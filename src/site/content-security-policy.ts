/**
 * The site's Content-Security-Policy, in one place. Pages get theirs as a <meta> tag that Astro
 * writes with the hashes of the page's scripts (astro.config.mjs, security.csp). A meta tag does
 * not reach a worker, whose policy comes only with its script's response: the build writes
 * WORKER_POLICY into dist/_headers for the worker scripts (src/integrations/headers-file.ts).
 */

/** Page directives besides script-src and style-src (Astro writes those two, with its hashes). */
export const PAGE_DIRECTIVES = [
  "default-src 'self'",
  // Monaco's stylesheet draws a few icons as data: URIs.
  "img-src 'self' data:",
  // Monaco's icon font is a data: URI in its stylesheet.
  "font-src 'self' data:",
  "connect-src 'self'",
  // The engine's worker and Monaco's: same-origin files only, never blob: or data:.
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

/** The inline scripts pages carry (src/inline-scripts/), whose hashes go into script-src. */
export const INLINE_SCRIPTS = ['theme-init.js', 'theme-toggle.js'];

/** script-src for pages: same-origin files, the hashed inline scripts, and WebAssembly (Pagefind). */
export const PAGE_SCRIPT_RESOURCES = ["'self'", "'wasm-unsafe-eval'"];

/**
 * style-src for pages: Shiki colours code with style attributes, and Monaco and the lazily loaded
 * result styles add <style> elements at run time, so inline styles are allowed. Styles cannot run
 * code; the cost is that injected CSS could restyle a page, which needs an injection to begin with.
 */
export const PAGE_STYLE_RESOURCES = ["'self'", "'unsafe-inline'"];

/**
 * The worker scripts' policy: PGlite's WebAssembly, the variant chunks (self) and edited code
 * (loaded from a blob: URL the engine makes), fetches to this origin only (its own data files),
 * and no nested workers. Playground code is further locked down in the worker (lockdown.ts).
 */
export const WORKER_POLICY = [
  "default-src 'none'",
  "script-src 'self' blob: 'wasm-unsafe-eval'",
  "connect-src 'self'",
  "worker-src 'none'",
  "base-uri 'none'",
].join('; ');

/** dist/_headers: the worker policy on the build's scripts, and immutable caching of hashed files. */
export function headersFile(): string {
  return [
    '# Written by the build (src/site/content-security-policy.ts). Netlify / Cloudflare Pages format.',
    '/*',
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    // A meta tag cannot set frame-ancestors; a header can.
    "  Content-Security-Policy: frame-ancestors 'self'",
    '# Content-hashed names: a changed file gets a new name, so a cached copy never goes stale.',
    '/_astro/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    // On the scripts it is the worker's policy; browsers ignore a policy on other subresources.
    `  Content-Security-Policy: ${WORKER_POLICY}`,
    '/datasets/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
  ].join('\n');
}
