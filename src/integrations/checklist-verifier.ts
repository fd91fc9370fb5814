/**
 * Astro integration that publishes the single-file checklist verifier next to the checklist page
 * (/checklist/verify-checklist.mjs): written into the build output by `astro build`, and served
 * freshly bundled by `astro dev`. Its checklist is read from content/ like the pages', and its
 * messages name the checklist at the site's own URL (`site` + `base`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { siteBaseOf, VERIFIER_PATH } from '../checklist/checklist-markdown.ts';
import { verifierChecklist } from '../checklist/verifier-data.ts';
import { readChecklist, readLedger } from '../content/content-fs.ts';
import { DEFAULT_SITE } from '../content/default-site.ts';
import { bundleVerifier } from './verifier-bundle.ts';

export function checklistVerifier(): AstroIntegration {
  let root: URL;
  let siteBase: string;
  const bundle = () => bundleVerifier(verifierChecklist(readChecklist(root), readLedger(root), siteBase));
  return {
    name: 'round-trip:checklist-verifier',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = config.root;
        siteBase = siteBaseOf(config.site ?? DEFAULT_SITE, config.base);
      },
      'astro:server:setup': ({ server }) => {
        const path = new URL(VERIFIER_PATH, siteBase).pathname;
        server.middlewares.use((request, response, next) => {
          if (new URL(request.url ?? '/', 'http://dev.invalid').pathname !== path) return next();
          bundle().then(
            (text) => {
              response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
              response.end(text);
            },
            (error: unknown) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const file = new URL(VERIFIER_PATH, dir);
        await mkdir(new URL('./', file), { recursive: true });
        await writeFile(file, await bundle());
        logger.info(`wrote ${VERIFIER_PATH}`);
      },
    },
  };
}
