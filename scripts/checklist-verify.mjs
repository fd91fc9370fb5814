// Checks the pre-merge checklist in a pull-request description: the same logic as the
// single-file verifier the checklist page offers (/checklist/verify-checklist.mjs), with the
// checklist read from content/ instead of embedded.
//
//   npm run --silent checklist:verify -- description.md
//   gh pr view 123 --json body --jq .body | npm run --silent checklist:verify
//
// Exit status: 0 every item of the groups present is settled, 1 some are open, 2 unusable input.
// Messages name the checklist at $SITE_URL, else the default of astro.config.mjs.
// Run with --experimental-strip-types: it imports the TypeScript modules the site uses.
import { siteBaseOf } from '../src/checklist/checklist-markdown.ts';
import { verifierChecklist } from '../src/checklist/verifier-data.ts';
import { verifierMain } from '../src/checklist/verify-cli-node.ts';
import { readChecklist, readLedger } from '../src/content/content-fs.ts';
import { DEFAULT_SITE } from '../src/content/default-site.ts';

let checklist;
try {
  checklist = verifierChecklist(
    readChecklist(),
    readLedger(),
    siteBaseOf(process.env.SITE_URL ?? DEFAULT_SITE),
  );
} catch (error) {
  process.stderr.write(`checklist:verify: ${error instanceof Error ? error.message : error}\n`);
  process.exit(2);
}
await verifierMain(checklist);
