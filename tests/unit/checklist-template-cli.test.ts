import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { pullRequestTemplate, selectGroups, siteBaseOf } from '../../src/checklist/checklist-markdown.ts';
import { readChecklist } from '../../src/content/content-fs.ts';
import { DEFAULT_SITE } from '../../src/content/default-site.ts';
import { projectRoot } from '../support/content-files.ts';

const run = promisify(execFile);
const script = new URL('scripts/checklist-template.mjs', projectRoot).pathname;
const groups = readChecklist();

/** Runs the CLI exactly as `npm run checklist:template` does (see package.json). */
async function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const { SITE_URL: _ignored, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', script, ...args],
      { env: { ...inherited, ...env }, cwd: projectRoot.pathname },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function expected(names: string[], site = 'http://localhost:4321') {
  const selection = selectGroups(groups, names);
  if (!selection.ok) throw new Error(selection.message);
  return pullRequestTemplate(selection.groups, { siteBase: siteBaseOf(site) });
}

describe('npm run checklist:template', () => {
  it('is the script package.json runs', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', projectRoot), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['checklist:template']).toBe(
      'node --experimental-strip-types --disable-warning=ExperimentalWarning scripts/checklist-template.mjs',
    );
  });

  it('prints the same template as the page generator, for group ids and short aliases', async () => {
    const byIds = await cli(['--groups', 'read-endpoint,write-endpoint']);
    expect(byIds).toEqual({ code: 0, stdout: expected(['read-endpoint', 'write-endpoint']), stderr: '' });
    const byAliases = await cli(['--groups=read,write']);
    expect(byAliases.stdout).toBe(byIds.stdout);
  });

  it('prints every group without --groups', async () => {
    const all = await cli([]);
    expect(all.code).toBe(0);
    expect(all.stdout).toBe(expected([]));
    expect(all.stdout).toContain('### Production readiness');
  });

  it('builds links from --site, else SITE_URL, else the default of astro.config.mjs', async () => {
    expect((await cli(['--groups', 'external', '--site', 'https://example.org/round-trip'])).stdout).toBe(
      expected(['external'], 'https://example.org/round-trip/'),
    );
    expect((await cli(['--groups', 'external'], { SITE_URL: 'https://docs.example.com' })).stdout).toContain(
      '(https://docs.example.com/c/external-timeouts/)',
    );
    expect((await cli(['--groups', 'external'])).stdout).toContain(`(${DEFAULT_SITE}/c/external-timeouts/)`);
    // The site builds its own links from the same default.
    const config = readFileSync(new URL('astro.config.mjs', projectRoot), 'utf8');
    expect(config).toContain('site: process.env.SITE_URL ?? DEFAULT_SITE,');
  });

  it('exits non-zero with a clear message for an unknown group, an empty list or a bad option', async () => {
    const unknown = await cli(['--groups', 'read,deploy']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain('Unknown checklist group "deploy". Known groups: read-endpoint (read),');
    expect((await cli(['--groups', ''])).code).toBe(2);
    const badOption = await cli(['--group', 'read']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("Unknown option '--group'");
    const badSite = await cli(['--site', 'example.org']);
    expect(badSite.code).toBe(2);
    expect(badSite.stderr).toContain('--site must be an absolute URL');
  });
});
