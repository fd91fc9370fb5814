import { describe, expect, it } from 'vitest';
import {
  firstLoad,
  STORAGE_REFUSED,
  type FirstLoadInput,
  type StoredReview,
} from '../../src/checklist/checklist-first-load.ts';
import { emptyState, encodeState, knownIdsOf, withItem } from '../../src/checklist/checklist-state.ts';
import { fixtureGroups } from '../support/checklist-fixture.ts';

const known = knownIdsOf(fixtureGroups);
const saved = encodeState(withItem(emptyState(), 'read-query-count-test', { status: 'done' }));
const linked = encodeState(
  withItem(emptyState(), 'read-join-foreign-keys', { status: 'na', reason: 'No foreign keys' }),
);
const nothingSaved: StoredReview = { available: true, value: null };
const refused: StoredReview = { available: false };
const load = (fromUrl: string | null, stored: StoredReview) =>
  firstLoad({ fromUrl, stored, known } satisfies FirstLoadInput);
const doneIds = (result: ReturnType<typeof firstLoad>) => [...result.state.items.keys()];

describe('the checklist page on first load', () => {
  it('shows a clean checklist and says nothing when there is no review anywhere', () => {
    expect(load(null, nothingSaved)).toEqual({
      state: emptyState(),
      notices: [],
      save: false,
      removeFromAddress: false,
      storageRefused: false,
    });
  });

  it('shows the saved review, without saving it again or touching the address', () => {
    const result = load(null, { available: true, value: saved });
    expect(doneIds(result)).toEqual(['read-query-count-test']);
    expect(result).toMatchObject({ notices: [], save: false, removeFromAddress: false });
  });

  it('lets a review in the address win, saves it, and takes it out of the address', () => {
    const result = load(linked, { available: true, value: saved });
    expect(doneIds(result)).toEqual(['read-join-foreign-keys']);
    expect(result).toMatchObject({
      notices: ['Opened the review from the link. It is now the review saved in this browser.'],
      save: true,
      removeFromAddress: true,
    });
  });

  it('ignores a damaged review in the address with a notice, keeps the saved one, and cleans the address', () => {
    const result = load('1.!!', { available: true, value: saved });
    expect(doneIds(result)).toEqual(['read-query-count-test']);
    expect(result).toMatchObject({
      notices: ['The review in the link could not be opened: it is damaged. It was ignored.'],
      save: false,
      removeFromAddress: true,
    });
  });

  it('falls back to a clean checklist when the saved review cannot be read, and says why', () => {
    expect(load(null, { available: true, value: '0.e30' }).notices).toEqual([
      'The review saved in this browser could not be read: it was saved in an older format. ' +
        'Showing a clean checklist; your next change replaces the saved review.',
    ]);
    expect(load(null, { available: true, value: '2.e30' }).notices[0]).toContain(
      'saved by a newer version of this site',
    );
    expect(load(null, { available: true, value: 'x'.repeat(20_001) }).notices[0]).toContain('it is too long');
  });

  it('drops ids that are not on the checklist, and says how many', () => {
    const stale = `1.${Buffer.from(JSON.stringify({ d: ['read-query-count-test', 'gone-item'], x: ['gone-group'] })).toString('base64url')}`;
    const result = load(null, { available: true, value: stale });
    expect(doneIds(result)).toEqual(['read-query-count-test']);
    expect(result.notices).toEqual([
      '2 entries in the saved review named items or groups that are not on the checklist, and were left out.',
    ]);
    const long = encodeState(withItem(emptyState(), 'read-query-count-test', { status: 'na', reason: 'y' }));
    const tooLongReason = `1.${Buffer.from(JSON.stringify({ n: [['read-query-count-test', 'z'.repeat(201)]] })).toString('base64url')}`;
    expect(load(tooLongReason, nothingSaved).notices).toContain(
      '1 reason was longer than 200 characters and was shortened.',
    );
    expect(load(long, nothingSaved).notices).toHaveLength(1);
  });

  it('works when storage is refused: a clean checklist, or the linked review, unsaved, with a notice', () => {
    expect(load(null, refused)).toEqual({
      state: emptyState(),
      notices: [STORAGE_REFUSED],
      save: false,
      removeFromAddress: false,
      storageRefused: true,
    });
    const fromLink = load(linked, refused);
    expect(doneIds(fromLink)).toEqual(['read-join-foreign-keys']);
    expect(fromLink).toMatchObject({
      notices: ['Opened the review from the link.', STORAGE_REFUSED],
      save: false,
      removeFromAddress: true,
      storageRefused: true,
    });
  });
});
