import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { headersFile } from '../site/content-security-policy.ts';

/** Writes dist/_headers (see src/site/content-security-policy.ts) when the build is done. */
export function headersFileIntegration(): AstroIntegration {
  return {
    name: 'round-trip:headers-file',
    hooks: {
      'astro:build:done': ({ dir }) => writeFileSync(new URL('_headers', dir), headersFile()),
    },
  };
}
