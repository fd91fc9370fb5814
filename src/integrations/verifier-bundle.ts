/**
 * Builds the single-file checklist verifier that teams download (/checklist/verify-checklist.mjs):
 * the pure modules of src/checklist/ bundled by esbuild into one ES module for Node 18 or newer,
 * with no dependency, and the checklist it was built from embedded as readable JSON.
 * Runs at build time (the integration in astro.config.mjs) and in the unit tests (with fixtures).
 */
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { VerifierChecklist } from '../checklist/checklist-verify.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** The text of verify-checklist.mjs for this checklist. */
export async function bundleVerifier(checklist: VerifierChecklist): Promise<string> {
  const data = JSON.stringify(checklist, null, 2);
  const version = createHash('sha256').update(data).digest('hex').slice(0, 12);
  const result = await build({
    stdin: {
      contents: [
        "import { verifierMain } from './src/checklist/verify-cli-node.ts';",
        '// The checklist this verifier was built from: groups, items, and retired id → replacement.',
        `const checklist = ${data};`,
        'await verifierMain(checklist);',
      ].join('\n'),
      resolveDir: root,
      sourcefile: 'verify-checklist.ts',
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node18',
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    banner: {
      js: [
        '#!/usr/bin/env node',
        `// Round Trip pre-merge checklist verifier for ${checklist.checklistUrl} (checklist ${version}).`,
        '// Generated; needs only Node.js 18 or newer. Checks a pull-request description:',
        '//   node verify-checklist.mjs description.md    or    ... | node verify-checklist.mjs',
        '// Exit status: 0 every item of the groups present is settled, 1 some are open, 2 unusable input.',
      ].join('\n'),
    },
  });
  return result.outputFiles[0]!.text;
}
