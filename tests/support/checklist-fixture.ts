import type { ChecklistGroup } from '../../src/checklist/checklist-schema.ts';
import type { LedgerEntry } from '../../src/checklist/checklist-ledger.ts';

/** A small checklist for exact-text tests: two groups, declared out of order on purpose. */
export const fixtureGroups: ChecklistGroup[] = [
  {
    id: 'write-endpoint',
    title: 'Before merging a write endpoint',
    order: 2,
    items: [
      {
        id: 'write-batch-inserts',
        text: 'Rows created together are inserted in batches (bulk_create).',
        fix: 'Save the rows with bulk_create().',
      },
    ],
  },
  {
    id: 'read-endpoint',
    title: 'Before merging a read endpoint',
    order: 1,
    items: [
      {
        id: 'read-join-foreign-keys',
        text: 'Foreign keys are loaded with a join (select_related).',
        fix: 'Add select_related() to the query.',
        guideline: { page: 'n-plus-one-foreign-keys', heading: 'the-fix-one-query-with-a-join' },
      },
      {
        id: 'read-paginate-with-cap',
        text: 'A list endpoint returns [one page] at a time.',
        fix: 'Slice the query to one page.',
      },
      {
        id: 'read-query-count-test',
        text: 'A test pins the number of queries.',
        fix: 'Add an assertNumQueries test.',
      },
    ],
  },
];

export const fixtureSiteBase = 'https://example.org/round-trip/';

/** A ledger in which one id was retired in favour of another, which was retired in turn. */
export const fixtureLedger: LedgerEntry[] = [
  { id: 'read-join-foreign-keys', retired: false },
  { id: 'read-paginate-with-cap', retired: false },
  { id: 'read-query-count-test', retired: false },
  { id: 'write-batch-inserts', retired: false },
  { id: 'read-no-n-plus-one', retired: true, replacedBy: 'read-old-joins' },
  { id: 'read-old-joins', retired: true, replacedBy: 'read-join-foreign-keys' },
];
