import { describe, expect, it } from 'vitest';
import {
  ledgerProblems,
  ledgerSchema,
  parseLedger,
  resolveLedgerId,
  retiredTargets,
  shortLinks,
  type LedgerEntry,
} from '../../src/checklist/checklist-ledger.ts';
import { readChecklist, readLedger } from '../../src/content/content-fs.ts';
import { fixtureGroups, fixtureLedger } from '../support/checklist-fixture.ts';

const groups = readChecklist();
const ledger = readLedger();

describe('the committed ledger', () => {
  // ledgerProblems is what the build runs (shortLinks throws with its sentences); its own
  // behaviour is pinned on the fixture below.
  it('keeps every published id, lists every item of the checklist, and agrees with it', () => {
    expect(ledgerProblems(ledger, groups)).toEqual([]);
  });

  it('gives every id a short link that lands on itself while it is current', () => {
    for (const link of shortLinks(ledger, groups)) {
      if (!link.retired) expect(link.target).toBe(link.id);
    }
  });
});

describe('ledger checks (fixture)', () => {
  it('accept a ledger with retired ids and follow replacedBy to the current item', () => {
    expect(ledgerProblems(fixtureLedger, fixtureGroups)).toEqual([]);
    expect(resolveLedgerId(fixtureLedger, fixtureGroups, 'read-no-n-plus-one')).toBe(
      'read-join-foreign-keys',
    );
    expect(shortLinks(fixtureLedger, fixtureGroups)).toEqual([
      { id: 'read-join-foreign-keys', target: 'read-join-foreign-keys', retired: false },
      { id: 'read-paginate-with-cap', target: 'read-paginate-with-cap', retired: false },
      { id: 'read-query-count-test', target: 'read-query-count-test', retired: false },
      { id: 'write-batch-inserts', target: 'write-batch-inserts', retired: false },
      { id: 'read-no-n-plus-one', target: 'read-join-foreign-keys', retired: true },
      { id: 'read-old-joins', target: 'read-join-foreign-keys', retired: true },
    ]);
    expect(retiredTargets(fixtureLedger, fixtureGroups)).toEqual({
      'read-no-n-plus-one': 'read-join-foreign-keys',
      'read-old-joins': 'read-join-foreign-keys',
    });
  });

  it('fail when a published id is missing from the checklist', () => {
    const withoutItem = fixtureGroups.map((group) => ({
      ...group,
      items: group.items.filter((item) => item.id !== 'read-query-count-test'),
    }));
    const problems = ledgerProblems(fixtureLedger, withoutItem);
    expect(problems).toEqual([
      '"read-query-count-test" is in content/checklist-ledger.yaml but missing from content/checklist.yaml. Ids are permanent links: put the item back, or mark it retired: true with replacedBy: <id>.',
    ]);
    expect(() => shortLinks(fixtureLedger, withoutItem)).toThrow(/read-query-count-test/);
  });

  it('fail when an item of the checklist is not in the ledger', () => {
    const ledger = fixtureLedger.filter((entry) => entry.id !== 'write-batch-inserts');
    expect(ledgerProblems(ledger, fixtureGroups)).toEqual([
      '"write-batch-inserts" is in content/checklist.yaml but not in content/checklist-ledger.yaml: add it there.',
    ]);
  });

  it('fail when a replacement chain breaks, loops, or a retired id is still listed', () => {
    const broken: LedgerEntry[] = [
      ...fixtureLedger.filter((entry) => entry.id !== 'read-old-joins'),
      { id: 'read-loop-a', retired: true, replacedBy: 'read-loop-b' },
      { id: 'read-loop-b', retired: true, replacedBy: 'read-loop-a' },
      { id: 'read-query-count-test-old', retired: true, replacedBy: 'read-query-count-test' },
    ].map((entry) =>
      entry.id === 'read-query-count-test'
        ? { ...entry, retired: true, replacedBy: 'write-batch-inserts' }
        : entry,
    );
    expect(ledgerProblems(broken, fixtureGroups)).toEqual([
      '"read-query-count-test" is retired in the ledger but still in content/checklist.yaml.',
      '"read-no-n-plus-one" is retired, but its replacedBy chain does not end at an item of the checklist.',
      '"read-loop-a" is retired, but its replacedBy chain does not end at an item of the checklist.',
      '"read-loop-b" is retired, but its replacedBy chain does not end at an item of the checklist.',
    ]);
  });

  it('name the file and every problem when the YAML is invalid', () => {
    expect(() => parseLedger('- id: a-b\n- id: a-b\n- id: c-d\n  retired: true\n')).toThrow(
      'content/checklist-ledger.yaml is invalid:\n- 2: ' +
        'a retired id names the item that replaced it (replacedBy), and only a retired id does\n' +
        '- "a-b" is in the ledger twice',
    );
    expect(() => parseLedger('- id: [')).toThrow(/^content\/checklist-ledger.yaml is not valid YAML: /);
  });

  it('reject a retired id without a replacement, a replacement without retired, and duplicates', () => {
    expect(ledgerSchema.safeParse([{ id: 'a-b', retired: true }]).success).toBe(false);
    expect(ledgerSchema.safeParse([{ id: 'a-b', replacedBy: 'c-d' }]).success).toBe(false);
    expect(ledgerSchema.safeParse([{ id: 'a-b' }, { id: 'a-b' }]).success).toBe(false);
    expect(ledgerSchema.safeParse([{ id: 'Not An Id' }]).success).toBe(false);
    expect(ledgerSchema.safeParse([{ id: 'a-b', note: 'x' }]).success).toBe(false);
    expect(ledgerSchema.parse([{ id: 'a-b' }, { id: 'c-d', retired: true, replacedBy: 'a-b' }])).toEqual([
      { id: 'a-b', retired: false },
      { id: 'c-d', retired: true, replacedBy: 'a-b' },
    ]);
  });
});
