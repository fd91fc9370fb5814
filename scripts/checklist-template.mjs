// Prints a .github/pull_request_template.md made from content/checklist.yaml: the same text as the
// checklist page's "Download pull_request_template.md" button (src/checklist/checklist-markdown.ts).
//
//   npm run --silent checklist:template -- --groups read,write > .github/pull_request_template.md
//
// Options:
//   --groups a,b   group ids (read-endpoint) or first words (read); default: every group
//   --site URL     absolute URL of the deployed site, with its base path; default: $SITE_URL,
//                  else the default of astro.config.mjs
// Run with --experimental-strip-types: it imports the TypeScript modules the site uses.
import { parseArgs } from 'node:util';
import { readChecklist } from '../src/content/content-fs.ts';
import { DEFAULT_SITE } from '../src/content/default-site.ts';
import { pullRequestTemplate, selectGroups, siteBaseOf } from '../src/checklist/checklist-markdown.ts';

const usage =
  'Usage: npm run --silent checklist:template -- [--groups read-endpoint,write-endpoint] [--site https://example.org/]';

function fail(message) {
  process.stderr.write(`checklist:template: ${message}\n${usage}\n`);
  process.exit(2);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      groups: { type: 'string' },
      site: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (options.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}

let groups;
try {
  groups = readChecklist();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

if (options.groups !== undefined && options.groups.trim() === '') fail('--groups needs at least one group.');
const selection = selectGroups(groups, options.groups ? options.groups.split(',') : []);
if (!selection.ok) fail(selection.message);

let siteBase;
const site = options.site ?? process.env.SITE_URL ?? DEFAULT_SITE;
try {
  siteBase = siteBaseOf(site);
} catch {
  fail(`--site must be an absolute URL, such as https://example.org/round-trip/ (got "${site}").`);
}

process.stdout.write(pullRequestTemplate(selection.groups, { siteBase }));
