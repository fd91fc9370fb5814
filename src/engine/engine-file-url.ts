/**
 * Whether a URL is one of the engine's own files, which the locked-down worker may still fetch
 * (PGlite fetches its contrib extension bundles with the global fetch when a database boots).
 * Same origin only, and only what the build emits for the engine: gzip bundles, WebAssembly and
 * Emscripten data files. Vite hashes before the last extension, so PGlite's `pg_trgm.tar.gz`
 * is served as `/_astro/pg_trgm.tar-ColGje2J.gz`: a rule on `.tar.gz` refused every extension
 * and broke the pg_trgm and pg_stat_statements pages in the browser.
 *
 * @example
 * isEngineFileUrl(new URL('https://site.example/_astro/pg_trgm.tar-ColGje2J.gz'), 'https://site.example'); // true
 * isEngineFileUrl(new URL('https://site.example/api/users'), 'https://site.example'); // false
 */
const ENGINE_FILE = /\.(?:gz|wasm|data)$/;

export function isEngineFileUrl(url: URL, origin: string): boolean {
  return url.origin === origin && url.search === '' && ENGINE_FILE.test(url.pathname);
}
