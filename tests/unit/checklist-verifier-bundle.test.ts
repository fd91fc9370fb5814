import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { verifyDescription } from '../../src/checklist/checklist-verify.ts';
import { VERIFIER_PATH } from '../../src/checklist/checklist-markdown.ts';
import { verifierChecklist } from '../../src/checklist/verifier-data.ts';
import { verifierWorkflow } from '../../src/checklist/verify-workflow.ts';
import { readChecklist, readLedger } from '../../src/content/content-fs.ts';
import { bundleVerifier } from '../../src/integrations/verifier-bundle.ts';
import { projectRoot } from '../support/content-files.ts';

const run = promisify(execFile);
const fixtureRoot = new URL('../fixtures/checklist/', import.meta.url);
const descriptionFile = (name: string) => new URL(`descriptions/${name}.md`, fixtureRoot).pathname;
const checklist = verifierChecklist(
  readChecklist(fixtureRoot),
  readLedger(fixtureRoot),
  'https://docs.example.com/',
);
const fixtures = [
  'template',
  'settled',
  'reasons-missing',
  'link-hosts',
  'markdown-variations',
  'unknown-id',
  'retired-id',
  'no-checklist',
];

let dir: string;
let bundle: string;
let verifier: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'verify-checklist-'));
  bundle = await bundleVerifier(checklist);
  verifier = join(dir, 'verify-checklist.mjs');
  writeFileSync(verifier, bundle);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs a command, resolving with its exit status and output instead of throwing on a non-zero one. */
async function exec(file: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  try {
    const { stdout, stderr } = await run(file, args, options);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Pipes `input` into a command, as `printf … | node …` does. */
function execWithStdin(file: string, args: string[], input: string) {
  return new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
    child.stdin.end(input);
  });
}

describe('the single-file verifier', () => {
  it('is one ES module that imports nothing but Node built-ins, with the checklist embedded', () => {
    const imports = [...bundle.matchAll(/^\s*import\s.*?from\s+["']([^"']+)["']/gm)].map((match) => match[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((name) => !name!.startsWith('node:'))).toEqual([]);
    expect(bundle).not.toMatch(/\brequire\(/);
    expect(bundle.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(bundle).toContain('"read-no-n-plus-one": "read-join-foreign-keys"');
    expect(bundle).toContain('"checklistUrl": "https://docs.example.com/checklist/"');
  });

  it.each(fixtures)('gives the same verdict as the in-repository verifier on %s.md', async (name) => {
    const file = descriptionFile(name);
    const expected = verifyDescription(readFileSync(file, 'utf8'), checklist).exitCode;
    const result = await exec(process.execPath, [verifier, file]);
    expect(result.code).toBe(expected);
  });

  it('reads the description from stdin, and names a retired id with its replacement', async () => {
    const result = await execWithStdin(
      process.execPath,
      [verifier],
      readFileSync(descriptionFile('retired-id'), 'utf8'),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'Retired: read-no-n-plus-one (line 3) was replaced by read-join-foreign-keys.',
    );
  });
});

describe('npm run checklist:verify', () => {
  const script = new URL('scripts/checklist-verify.mjs', projectRoot).pathname;
  const npmRun = (file: string) =>
    exec(
      process.execPath,
      ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', script, file],
      {
        cwd: projectRoot.pathname,
      },
    );

  it('is the script package.json runs', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', projectRoot), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['checklist:verify']).toBe(
      'node --experimental-strip-types --disable-warning=ExperimentalWarning scripts/checklist-verify.mjs',
    );
  });

  it('checks a description against the real checklist', async () => {
    const templateFile = join(dir, 'real-template.md');
    const template = await exec(
      process.execPath,
      [
        '--experimental-strip-types',
        '--disable-warning=ExperimentalWarning',
        new URL('scripts/checklist-template.mjs', projectRoot).pathname,
        '--groups',
        'read',
      ],
      { cwd: projectRoot.pathname },
    );
    writeFileSync(templateFile, template.stdout);
    const open = await npmRun(templateFile);
    expect(open.code).toBe(1);
    expect(open.stdout).toContain('Before merging a read endpoint: 0 of ');
    writeFileSync(templateFile, template.stdout.replace(/^- \[ \]/gm, '- [x]'));
    expect((await npmRun(templateFile)).code).toBe(0);
    expect((await npmRun(join(dir, 'missing.md'))).code).toBe(2);
  });
});

describe('the documented GitHub Actions workflow', () => {
  const placeholder = 'https://your-docs.example/';
  const readme = readFileSync(new URL('README.md', projectRoot), 'utf8');
  const documented = /```yaml\n(# \.github\/workflows\/pre-merge-checklist\.yml\n[\s\S]*?)```/.exec(
    readme,
  )?.[1];
  let server: Server;
  let siteBase: string;

  beforeAll(async () => {
    // Stands in for the docs site: serves the verifier where the workflow downloads it from.
    server = createServer((request, response) => {
      if (request.url === `/${VERIFIER_PATH}`) response.end(bundle);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    siteBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('is in the README exactly as the checklist page shows it', () => {
    expect(documented).toBe(verifierWorkflow(placeholder));
  });

  /**
   * Runs the workflow's step as GitHub does: its `run:` script in bash with GitHub's default
   * options, and its `env:` with the expression replaced by the description (GitHub evaluates
   * `${{ }}` in env values itself; the shell only ever sees the variable).
   */
  async function runStep(body: string) {
    const workflow = parseYaml(documented!) as {
      on: { pull_request: { types: string[] } };
      jobs: { checklist: { steps: { env: Record<string, string>; run: string }[] } };
    };
    expect(workflow.on.pull_request.types).toEqual(['opened', 'edited', 'synchronize', 'reopened']);
    const [step] = workflow.jobs.checklist.steps;
    expect(step!.env.PR_BODY).toBe('${{ github.event.pull_request.body }}');
    expect(step!.run).not.toContain('${{');
    const cwd = mkdtempSync(join(dir, 'workspace-'));
    const env = {
      PATH: `${join(process.execPath, '..')}:${process.env.PATH}`,
      PR_BODY: body,
      VERIFIER_URL: step!.env.VERIFIER_URL!.replace(placeholder, siteBase),
    };
    const result = await exec('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step!.run], {
      cwd,
      env,
    });
    return { ...result, cwd };
  }

  it('fails a pull request whose checklist has open items, and passes a settled one', async () => {
    const open = await runStep(readFileSync(descriptionFile('template'), 'utf8'));
    expect(open.code).toBe(1);
    expect(open.stdout).toContain('5 items are open.');
    const settled = await runStep(readFileSync(descriptionFile('settled'), 'utf8'));
    expect(settled.stdout).toContain('All 5 items of 2 groups settled.');
    expect(settled.code).toBe(0);
    const empty = await runStep('');
    expect(empty.code).toBe(2);
  });

  it('never runs what the description says', async () => {
    const result = await runStep(
      `${readFileSync(descriptionFile('settled'), 'utf8')}\n$(touch injected) \`touch injected\` '; touch injected; '`,
    );
    expect(result.code).toBe(0);
    expect(() => readFileSync(join(result.cwd, 'injected'))).toThrow(/ENOENT/);
  });
});
