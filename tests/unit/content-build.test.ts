import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/content-files.ts';

const run = promisify(execFile);
const root = fileURLToPath(projectRoot);

// The schema tests prove the rules; this proves Astro applies them: a real `astro sync`
// over a copy of the project with one broken page must fail and name the page.
describe('the content build', () => {
  let copy: string;
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'round-trip-content-'));
    for (const entry of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'content']) {
      cpSync(join(root, entry), join(copy, entry), { recursive: true });
    }
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  /** Runs `astro sync` in the copy: its exit status and everything it printed. */
  const sync = () =>
    run(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'sync'], { cwd: copy }).then(
      ({ stdout, stderr }) => ({ status: 0, output: stdout + stderr }),
      (error: Error & { code?: number | string; stdout?: string; stderr?: string }) => ({
        status: typeof error.code === 'number' ? error.code : -1,
        output: `${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`,
      }),
    );

  it('syncs the real content', async () => {
    const result = await sync();
    expect(result.status, result.output).toBe(0);
  });

  it('fails on a guideline with bad frontmatter and names it', async () => {
    writeFileSync(
      join(copy, 'content/guidelines/broken-page.mdx'),
      '---\ntitle: Broken\nsummary: A page whose area does not exist.\narea: caching\norder: 1\n---\n\nText.\n',
    );
    const result = await sync();
    expect(result.status, result.output).not.toBe(0);
    expect(result.output).toContain('broken-page');
    expect(result.output).toMatch(/area/);
  });
});
