import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/content-files.ts';

const run = promisify(execFile);
const script = new URL('scripts/check-node.mjs', projectRoot).pathname;

/** Runs a copy of scripts/check-node.mjs as if Node.js were `version`. */
async function checkNode(version: string, scriptPath = script) {
  try {
    const { stdout, stderr } = await run(process.execPath, [scriptPath], {
      env: { ...process.env, ROUND_TRIP_NODE_VERSION: version },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// The version it needs is package.json's engines.node; the cases are derived from it.
const engines = (
  JSON.parse(readFileSync(new URL('package.json', projectRoot), 'utf8')) as { engines: { node: string } }
).engines.node;
const [major, minor, patch] = /^>=(\d+)\.(\d+)\.(\d+)$/.exec(engines)!.slice(1).map(Number) as [
  number,
  number,
  number,
];
const needed = `${major}.${minor}.${patch}`;
const tooOld = [
  minor > 0 ? `${major}.${minor - 1}.99` : `${major - 1}.99.99`,
  `${major - 2}.20.2`, // two major versions back, like the system Node 20 of the machines here
  `v${major - 4}.1.0`,
  '8.0.0',
];
const newEnough = [needed, `${major}.${minor}.${patch + 1}`, `${major}.${minor + 1}.0`, `${major + 2}.0.0`];

describe('scripts/check-node.mjs (before npm install, start, build, dev and test)', () => {
  it.each(tooOld)(
    'stops Node.js %s with exit status 1, naming the version needed and how to get it',
    async (version) => {
      const result = await checkNode(version);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(
        `Round Trip needs Node.js ${needed} or newer; this is Node.js ${version.replace(/^v/, '')}`,
      );
      expect(result.stderr).toContain(`nvm install ${major} && nvm use ${major}`);
      expect(result.stderr).toContain('https://nodejs.org/');
    },
  );

  it.each(newEnough)('lets Node.js %s through silently', async (version) => {
    expect(await checkNode(version)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('takes the version from package.json, and refuses an engines range it cannot read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'round-trip-check-node-'));
    try {
      mkdirSync(join(dir, 'scripts'));
      const copy = join(dir, 'scripts', 'check-node.mjs');
      copyFileSync(script, copy);
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ engines: { node: '>=99.1.0' } }));
      const blocked = await checkNode(newEnough[0]!, copy);
      expect(blocked.code).toBe(1);
      expect(blocked.stderr).toContain('needs Node.js 99.1.0 or newer');
      expect(blocked.stderr).toContain('nvm install 99');
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ engines: { node: '^22' } }));
      const unreadable = await checkNode(newEnough[0]!, copy);
      expect(unreadable.code).toBe(2);
      expect(unreadable.stderr).toContain('"engines.node" should read ">=x.y.z", not "^22"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
