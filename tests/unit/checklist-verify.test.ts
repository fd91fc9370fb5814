import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findChecklistLines,
  formatVerification,
  itemIdOfUrl,
  verifyDescription,
  type Verification,
} from '../../src/checklist/checklist-verify.ts';
import { pullRequestTemplate, reviewMarkdown } from '../../src/checklist/checklist-markdown.ts';
import { emptyState, itemStatus, normalizeReason, withItem } from '../../src/checklist/checklist-state.ts';
import { verifierChecklist } from '../../src/checklist/verifier-data.ts';
import { runVerifier, type VerifierIo } from '../../src/checklist/verify-cli.ts';
import { readChecklist, readLedger } from '../../src/content/content-fs.ts';

const fixtureRoot = new URL('../fixtures/checklist/', import.meta.url);
const description = (name: string) => readFileSync(new URL(`descriptions/${name}.md`, fixtureRoot), 'utf8');
const groups = readChecklist(fixtureRoot);
const checklist = verifierChecklist(groups, readLedger(fixtureRoot), 'https://docs.example.com/');

/** Each item of the groups present as `id: status` (with the reason, or why it is open). */
function verdicts(verification: Verification): string[] {
  return verification.groups.flatMap((group) =>
    group.items.map(({ id, verdict }) =>
      verdict.status === 'open'
        ? `${id}: open (${verdict.why})`
        : verdict.status === 'na'
          ? `${id}: na (${verdict.reason})`
          : `${id}: done`,
    ),
  );
}

describe('the verifier on fixture descriptions', () => {
  it('finds the fixture template still to be the template of the fixture checklist', () => {
    expect(description('template')).toBe(
      pullRequestTemplate(groups, { siteBase: 'https://docs.example.com/' }),
    );
  });

  it('reports every item of an untouched template as open (exit 1)', () => {
    const verification = verifyDescription(description('template'), checklist);
    expect(verification.exitCode).toBe(1);
    expect(verdicts(verification)).toEqual([
      'read-join-foreign-keys: open (unticked)',
      'read-paginate-with-cap: open (unticked)',
      'read-query-count-test: open (unticked)',
      'write-batch-inserts: open (unticked)',
      'write-one-transaction: open (unticked)',
    ]);
  });

  it('accepts a fully settled "Copy as Markdown" description, reasons unescaped (exit 0)', () => {
    const verification = verifyDescription(description('settled'), checklist);
    expect(verdicts(verification)).toEqual([
      'read-join-foreign-keys: done',
      'read-paginate-with-cap: na (Internal tool: at most [12] rows ~ always)',
      'read-query-count-test: done',
      'write-batch-inserts: na (Writes one row)',
      'write-one-transaction: done',
    ]);
    expect(verification.exitCode).toBe(0);
    expect(formatVerification(verification, checklist)).toContain('All 5 items of 2 groups settled.');
  });

  it('keeps "does not apply" without a reason, or without a tick, open (exit 1)', () => {
    const verification = verifyDescription(description('reasons-missing'), checklist);
    expect(verdicts(verification)).toEqual([
      'read-join-foreign-keys: done',
      'read-paginate-with-cap: open (reason-missing)',
      'read-query-count-test: open (reason-missing)',
      'write-batch-inserts: open (not-applicable-unticked)',
      'write-one-transaction: open (reason-missing)',
    ]);
    expect(verification.exitCode).toBe(1);
    const report = formatVerification(verification, checklist);
    expect(report).toContain(
      '  [ ] read-paginate-with-cap (line 6): marked "does not apply" without a reason\n',
    );
    expect(report).toContain('  [ ] write-batch-inserts (line 8): marked "does not apply" but not ticked\n');
    expect(report).toContain('4 items are open.');
  });

  it('finds items whatever the host, base path, scheme or link form (exit 0)', () => {
    const verification = verifyDescription(description('link-hosts'), checklist);
    expect(verdicts(verification).every((line) => line.endsWith(': done'))).toBe(true);
    expect(verdicts(verification)).toHaveLength(5);
    expect(verification.exitCode).toBe(0);
  });

  it('reads the Markdown variations GitHub produces, and skips code blocks and comments', () => {
    const text = description('markdown-variations');
    const verification = verifyDescription(text, checklist);
    expect(verdicts(verification)).toEqual([
      'read-join-foreign-keys: done',
      'read-paginate-with-cap: done',
      'read-query-count-test: done',
      'write-batch-inserts: na (one row per request)',
      // Listed twice, once open (in a quote) and once done: the open line decides.
      'write-one-transaction: open (unticked)',
    ]);
    expect(verification.groups[1]!.items[1]!.lines).toEqual([8, 12]);
    expect(findChecklistLines(text).map((line) => line.line)).toEqual([3, 4, 6, 7, 8, 12]);
    expect(verification.exitCode).toBe(1);
  });

  it('reads CRLF and CR line ends, and a byte-order mark, like LF', () => {
    const text = description('markdown-variations');
    const expected = verifyDescription(text, checklist);
    expect(verifyDescription(text.replace(/\n/g, '\r\n'), checklist)).toEqual(expected);
    expect(verifyDescription(`\uFEFF${text.replace(/\n/g, '\r')}`, checklist)).toEqual(expected);
    const settled = description('settled').replace(/\n/g, '\r\n');
    expect(verdicts(verifyDescription(settled, checklist))).toContain(
      'read-paginate-with-cap: na (Internal tool: at most [12] rows ~ always)',
    );
  });

  it('names an unknown id and otherwise ignores it', () => {
    const verification = verifyDescription(description('unknown-id'), checklist);
    expect(verification.unknown).toEqual([{ id: 'read-made-up-item', line: 4 }]);
    expect(verification.groups.map((group) => group.id)).toEqual(['read-endpoint']);
    expect(verification.exitCode).toBe(0);
    expect(formatVerification(verification, checklist)).toContain(
      'Unknown: read-made-up-item (line 4) is not an item of https://docs.example.com/checklist/.',
    );
  });

  it('names a retired id with its replacement, which must then be listed itself', () => {
    const verification = verifyDescription(description('retired-id'), checklist);
    expect(verification.retired).toEqual([
      { id: 'read-no-n-plus-one', line: 3, replacement: 'read-join-foreign-keys' },
    ]);
    expect(verdicts(verification)).toEqual([
      'read-join-foreign-keys: open (missing)',
      'read-paginate-with-cap: done',
      'read-query-count-test: done',
    ]);
    expect(verification.exitCode).toBe(1);
    const report = formatVerification(verification, checklist);
    expect(report).toContain('Retired: read-no-n-plus-one (line 3) was replaced by read-join-foreign-keys.');
    expect(report).toContain('  [ ] read-join-foreign-keys: not in the description\n');
  });

  it('checks only the groups the description lists: a missing item of a listed group is open', () => {
    const oneGroup = description('settled')
      .split('\n')
      .filter((line) => !line.includes('/c/write-'))
      .join('\n');
    expect(verifyDescription(oneGroup, checklist).exitCode).toBe(0);
    const missing = oneGroup
      .split('\n')
      .filter((line) => !line.includes('/c/read-query-count-test/'))
      .join('\n');
    expect(verdicts(verifyDescription(missing, checklist))).toContain(
      'read-query-count-test: open (missing)',
    );
  });

  it('finds no checklist in a description without item links (exit 2)', () => {
    const verification = verifyDescription(description('no-checklist'), checklist);
    expect(verification.exitCode).toBe(2);
    expect(formatVerification(verification, checklist)).toMatch(/^No item of the pre-merge checklist/);
    expect(verifyDescription('', checklist).exitCode).toBe(2);
  });

  it('takes an item id only from a path ending in /c/<id>/', () => {
    expect(itemIdOfUrl('https://a.example/c/read-x/')).toBe('read-x');
    expect(itemIdOfUrl('http://a.example/base/path/c/read-x')).toBe('read-x');
    expect(itemIdOfUrl('/c/read-x/?s=1.abc#read-x')).toBe('read-x');
    expect(itemIdOfUrl('https://a.example/c/read-x/more/')).toBeUndefined();
    expect(itemIdOfUrl('https://a.example/checklist/#read-x')).toBeUndefined();
  });
});

describe('the verifier and the exports agree', () => {
  // Every review the checklist page can copy reads back as the same review, on the real checklist.
  it('reads back every item of a copied review as the page shows it', () => {
    const real = readChecklist();
    const realChecklist = verifierChecklist(real, readLedger(), 'http://localhost:4321/');
    const items = real.flatMap((group) => group.items);
    const reasons = [
      '',
      '   ',
      'Read-only — “ünïcödé” 🚀',
      'see [this](http://x) ~~or~~ <b>that</b> `x` *y* _z_',
    ];
    let state = emptyState();
    items.forEach((item, index) => {
      const kind = index % 3;
      if (kind === 1) state = withItem(state, item.id, { status: 'done' });
      if (kind === 2)
        state = withItem(state, item.id, { status: 'na', reason: reasons[index % reasons.length]! });
    });
    const markdown = reviewMarkdown(real, state, { siteBase: 'https://docs.example.com/sub/' });
    const read = new Map(
      verifyDescription(markdown, realChecklist).groups.flatMap((group) =>
        group.items.map((item) => [item.id, item.verdict] as const),
      ),
    );
    for (const item of items) {
      const status = itemStatus(state, item.id);
      const entry = state.items.get(item.id);
      const verdict = read.get(item.id);
      if (status === 'done') expect(verdict, item.id).toEqual({ status: 'done' });
      else if (status === 'na' && entry?.status === 'na') {
        expect(verdict, item.id).toEqual({ status: 'na', reason: normalizeReason(entry.reason) });
      } else expect(verdict?.status, item.id).toBe('open');
    }
  });
});

describe('the verifier command line', () => {
  function io(files: Record<string, string>, stdin?: string): VerifierIo & { out: string; err: string } {
    const result = {
      out: '',
      err: '',
      readFile(path: string) {
        if (!(path in files)) throw new Error(`ENOENT: no such file, open '${path}'`);
        return files[path]!;
      },
      readStdin: async () => stdin ?? '',
      stdinIsTerminal: stdin === undefined,
      stdout: (text: string) => (result.out += text),
      stderr: (text: string) => (result.err += text),
    };
    return result;
  }

  it('reads a file, or stdin without one or with "-"', async () => {
    const files = { 'pr.md': description('settled') };
    expect(await runVerifier(['pr.md'], checklist, io(files))).toBe(0);
    expect(await runVerifier([], checklist, io({}, description('template')))).toBe(1);
    expect(await runVerifier(['-'], checklist, io({}, description('settled')))).toBe(0);
  });

  it('exits with 2 for unusable input, saying why on stderr', async () => {
    const missing = io({});
    expect(await runVerifier(['nope.md'], checklist, missing)).toBe(2);
    expect(missing.err).toContain('cannot read nope.md: ENOENT');
    const terminal = io({});
    expect(await runVerifier([], checklist, terminal)).toBe(2);
    expect(terminal.err).toContain('nothing on stdin');
    const empty = io({}, '');
    expect(await runVerifier([], checklist, empty)).toBe(2);
    expect(empty.err).toContain('No item of the pre-merge checklist was found');
    expect(empty.out).toBe('');
    expect(await runVerifier(['--format', 'json'], checklist, io({}))).toBe(2);
    expect(await runVerifier(['a.md', 'b.md'], checklist, io({}))).toBe(2);
  });

  it('prints its usage with --help', async () => {
    const help = io({});
    expect(await runVerifier(['--help'], checklist, help)).toBe(0);
    expect(help.out).toMatch(/^Usage: verify-checklist/);
  });
});
