import { describe, expect, it } from 'vitest';
import { headersFile, WORKER_POLICY } from '../../src/site/content-security-policy.ts';
import { headersFor, parseHeadersFile } from '../../src/site/headers-file.ts';

describe('dist/_headers', () => {
  const rules = parseHeadersFile(headersFile());

  it("gives the worker scripts the worker's policy, with the frame-ancestors policy every path gets", () => {
    const headers = headersFor(rules, '/_astro/worker-entry-DfxO9Cmu.js');
    expect(headers.get('content-security-policy')).toBe(`frame-ancestors 'self', ${WORKER_POLICY}`);
    expect(headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('caches the content-hashed datasets for good, and pages not', () => {
    expect(headersFor(rules, '/datasets/library.0a1b2c3d.tar.gz').get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    const page = headersFor(rules, '/guidelines/n-plus-one-foreign-keys/');
    expect(page.get('cache-control')).toBeUndefined();
    expect(page.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps the worker policy strict: no eval, no other origins, no nested workers', () => {
    expect(WORKER_POLICY).not.toMatch(/ 'unsafe-eval'|unsafe-inline|\*|https?:/);
    expect(WORKER_POLICY).toContain("connect-src 'self'");
    expect(WORKER_POLICY).toContain("worker-src 'none'");
  });

  it('reads the format and refuses a header line outside a path', () => {
    expect(parseHeadersFile('# comment\n/a/*\n  X-One: 1\n  X-Two: a: b\n/b\n  X-One: 2\n')).toEqual([
      {
        pattern: '/a/*',
        headers: [
          ['X-One', '1'],
          ['X-Two', 'a: b'],
        ],
      },
      { pattern: '/b', headers: [['X-One', '2']] },
    ]);
    expect(() => parseHeadersFile('  X-One: 1\n')).toThrow(/line 1/);
    expect(headersFor(parseHeadersFile('/a.b/*\n  X: 1\n'), '/aXb/c').size).toBe(0);
  });
});
