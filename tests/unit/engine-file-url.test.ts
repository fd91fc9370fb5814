import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEngineFileUrl } from '../../src/engine/engine-file-url.ts';

const origin = 'https://round-trip.example';
const at = (path: string) => new URL(path, origin);

// The files PGlite fetches at run time, named as the build emits them: Vite puts its hash before
// the last extension (`[name]-[hash][extname]`), so `pg_trgm.tar.gz` becomes `pg_trgm.tar-<hash>.gz`.
const pgliteDist = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
const shipped = readdirSync(pgliteDist).filter((name) => /\.(?:tar\.gz|wasm|data)$/.test(name));
const asBuilt = (name: string) => {
  const dot = name.lastIndexOf('.');
  return `/_astro/${name.slice(0, dot)}-ColGje2J${name.slice(dot)}`;
};

describe('isEngineFileUrl: what the locked-down worker may still fetch', () => {
  it('finds the bundles PGlite ships', () => {
    expect(shipped).toEqual(expect.arrayContaining(['pg_trgm.tar.gz', 'pg_stat_statements.tar.gz']));
    expect(shipped.some((name) => name.endsWith('.wasm'))).toBe(true);
  });

  it.each(shipped.map(asBuilt))('allows %s on the same origin', (path) => {
    expect(isEngineFileUrl(at(path), origin)).toBe(true);
  });

  it('allows the pre-seeded data directories', () => {
    expect(isEngineFileUrl(at('/datasets/library.6fc6429874cd.tar.gz'), origin)).toBe(true);
  });

  it.each([
    ['another origin', 'https://example.org/_astro/pg_trgm.tar-ColGje2J.gz'],
    ['another port', 'https://round-trip.example:8443/_astro/pglite-VfT9wtrq.wasm'],
    ['a page', '/guidelines/'],
    ['a script', '/_astro/worker-entry.js'],
    ['an engine file with a query string', '/_astro/pglite-VfT9wtrq.wasm?leak=1'],
    ['a name that only contains an engine extension', '/_astro/pglite.wasm.js'],
    // The build keeps bundles as files (astro.config.mjs: assetsInlineLimit); the worker's CSP
    // refuses data: URLs too.
    ['a bundle inlined as a data: URL', 'data:application/gzip;base64,H4sIAAAAAAAA'],
  ])('refuses %s', (_what, url) => {
    expect(isEngineFileUrl(new URL(url, origin), origin)).toBe(false);
  });
});
