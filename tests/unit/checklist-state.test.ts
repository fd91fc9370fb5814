import { describe, expect, it } from 'vitest';
import {
  MAX_ENCODED_LENGTH,
  MAX_REASON_LENGTH,
  clampReason,
  decodeState,
  emptyState,
  encodeState,
  hasReason,
  isEmptyState,
  itemStatus,
  knownIdsOf,
  normalizeReason,
  withGroupIncluded,
  withItem,
  type ReviewState,
} from '../../src/checklist/checklist-state.ts';
import { fixtureGroups } from '../support/checklist-fixture.ts';

const known = knownIdsOf(fixtureGroups);

/** `1.` + base64url of any text: lets a test write the payload it wants. */
const encodePayload = (json: string, version = 1) =>
  `${version}.${Buffer.from(json, 'utf8').toString('base64url')}`;

const sample = (): ReviewState => {
  let state = emptyState();
  state = withItem(state, 'read-query-count-test', { status: 'done' });
  state = withItem(state, 'read-join-foreign-keys', { status: 'done' });
  state = withItem(state, 'write-batch-inserts', {
    status: 'na',
    reason: 'Read-only change — “ünïcödé” 数据 🚀 עברית',
  });
  state = withItem(state, 'read-paginate-with-cap', { status: 'na', reason: '' });
  return withGroupIncluded(state, 'write-endpoint', false);
};

describe('checklist state codec', () => {
  it('round-trips done items, N/A reasons (Unicode included), empty reasons and excluded groups', () => {
    const state = sample();
    const decoded = decodeState(encodeState(state), known);
    expect(decoded).toEqual({ ok: true, state, droppedIds: [], shortenedReasons: [] });
  });

  it('encodes to a versioned, URL-safe string that does not depend on the order of changes', () => {
    const encoded = encodeState(sample());
    expect(encoded).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    let reordered = emptyState();
    reordered = withGroupIncluded(reordered, 'write-endpoint', false);
    reordered = withItem(reordered, 'read-paginate-with-cap', { status: 'na', reason: '' });
    reordered = withItem(reordered, 'write-batch-inserts', {
      status: 'na',
      reason: 'Read-only change — “ünïcödé” 数据 🚀 עברית',
    });
    reordered = withItem(reordered, 'read-join-foreign-keys', { status: 'done' });
    reordered = withItem(reordered, 'read-query-count-test', { status: 'done' });
    expect(encodeState(reordered)).toBe(encoded);
  });

  it('encodes the compact JSON documented in the module', () => {
    const state = withItem(withItem(emptyState(), 'b-item', { status: 'done' }), 'a-item', {
      status: 'na',
      reason: 'x',
    });
    const [, body] = encodeState(state).split('.');
    expect(Buffer.from(body!, 'base64url').toString('utf8')).toBe('{"d":["b-item"],"n":[["a-item","x"]]}');
    expect(encodeState(emptyState())).toBe(encodePayload('{}'));
    expect(decodeState(encodeState(emptyState()), known)).toMatchObject({ ok: true });
  });

  it('reports corrupt values instead of throwing', () => {
    const corrupt = [
      '',
      'garbage',
      'null',
      '{"d":["read-join-foreign-keys"]}',
      '1.',
      '1.!!!',
      '1.a',
      encodePayload('not json'),
      encodePayload('[]'),
      encodePayload('null'),
      encodePayload('"text"'),
      encodePayload('{"d":"read-join-foreign-keys"}'),
      encodePayload('{"d":[1]}'),
      encodePayload('{"n":[["read-join-foreign-keys"]]}'),
      encodePayload('{"n":[["read-join-foreign-keys",7]]}'),
      encodePayload('{"n":{"read-join-foreign-keys":"x"}}'),
      encodePayload('{"x":[null]}'),
      `1.${Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('base64url')}`, // not UTF-8
    ];
    for (const value of corrupt)
      expect(decodeState(value, known), JSON.stringify(value)).toEqual({ ok: false, problem: 'corrupt' });
  });

  it('tells an old or a newer version apart from a corrupt value', () => {
    expect(decodeState(encodePayload('{"d":[]}', 0), known)).toEqual({ ok: false, problem: 'old-version' });
    expect(decodeState(encodePayload('{"d":[]}', 2), known)).toEqual({ ok: false, problem: 'newer-version' });
  });

  it('refuses a value too long to be a review', () => {
    expect(decodeState(`1.${'A'.repeat(MAX_ENCODED_LENGTH)}`, known)).toEqual({
      ok: false,
      problem: 'too-long',
    });
  });

  it('drops unknown and malformed item and group ids, and says which', () => {
    const value = encodePayload(
      JSON.stringify({
        d: ['read-join-foreign-keys', 'removed-item', 'Not An Id'],
        n: [
          ['gone-too', 'reason'],
          ['write-batch-inserts', 'no writes'],
        ],
        x: ['read-endpoint', 'old-group', '__proto__'],
        future: 'ignored',
      }),
    );
    const decoded = decodeState(value, known);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect([...decoded.state.items]).toEqual([
      ['read-join-foreign-keys', { status: 'done' }],
      ['write-batch-inserts', { status: 'na', reason: 'no writes' }],
    ]);
    expect([...decoded.state.excludedGroups]).toEqual(['read-endpoint']);
    expect(decoded.droppedIds).toEqual(['removed-item', 'Not An Id', 'gone-too', 'old-group', '__proto__']);
  });

  it('keeps every well-formed id when no checklist is given (guideline pages)', () => {
    const decoded = decodeState(encodePayload('{"d":["anything-here"],"x":["Bad Group"]}'));
    expect(decoded).toMatchObject({ ok: true, droppedIds: ['Bad Group'] });
    if (decoded.ok) expect(itemStatus(decoded.state, 'anything-here')).toBe('done');
  });

  it('cuts over-long reasons to the maximum, without splitting a character, and says which', () => {
    const long = `${'a'.repeat(MAX_REASON_LENGTH - 1)}🚀 and more`;
    const decoded = decodeState(
      encodePayload(
        JSON.stringify({
          n: [
            ['write-batch-inserts', long],
            ['read-query-count-test', 'short'],
          ],
        }),
      ),
      known,
    );
    expect(decoded).toMatchObject({ ok: true, shortenedReasons: ['write-batch-inserts'] });
    if (!decoded.ok) return;
    const reason = decoded.state.items.get('write-batch-inserts');
    expect(reason).toEqual({ status: 'na', reason: 'a'.repeat(MAX_REASON_LENGTH - 1) });

    expect(clampReason('b'.repeat(MAX_REASON_LENGTH + 5))).toHaveLength(MAX_REASON_LENGTH);
    expect(clampReason(`${'b'.repeat(MAX_REASON_LENGTH - 2)}🚀`)).toHaveLength(MAX_REASON_LENGTH);
    // The state never holds, or encodes, more than the maximum either.
    const state = withItem(emptyState(), 'write-batch-inserts', { status: 'na', reason: 'c'.repeat(500) });
    expect(state.items.get('write-batch-inserts')).toEqual({
      status: 'na',
      reason: 'c'.repeat(MAX_REASON_LENGTH),
    });
  });

  it('turns control characters in a reason into spaces, so an export stays one line', () => {
    const decoded = decodeState(
      encodePayload(JSON.stringify({ n: [['write-batch-inserts', 'one\ntwo\u0000three']] })),
      known,
    );
    expect(decoded.ok && decoded.state.items.get('write-batch-inserts')).toEqual({
      status: 'na',
      reason: 'one two three',
    });
  });
});

describe('checklist item status', () => {
  it('is open until set, and an N/A item without a reason is incomplete', () => {
    const state = sample();
    expect(itemStatus(state, 'read-join-foreign-keys')).toBe('done');
    expect(itemStatus(state, 'write-batch-inserts')).toBe('na');
    expect(itemStatus(state, 'read-paginate-with-cap')).toBe('na-without-reason');
    expect(
      itemStatus(
        withItem(state, 'read-paginate-with-cap', { status: 'na', reason: ' \t ' }),
        'read-paginate-with-cap',
      ),
    ).toBe('na-without-reason');
    expect(itemStatus(withItem(state, 'read-join-foreign-keys', undefined), 'read-join-foreign-keys')).toBe(
      'open',
    );
    expect(itemStatus(state, 'no-such-item')).toBe('open');
  });

  it('normalizes reasons for export and knows an empty one', () => {
    expect(normalizeReason('  no\n\twrites   here ')).toBe('no writes here');
    expect(hasReason('   ')).toBe(false);
    expect(hasReason(' x ')).toBe(true);
  });

  it('does not change the state it is given', () => {
    const state = emptyState();
    withItem(state, 'read-join-foreign-keys', { status: 'done' });
    withGroupIncluded(state, 'read-endpoint', false);
    expect(isEmptyState(state)).toBe(true);
    expect(
      isEmptyState(
        withGroupIncluded(withGroupIncluded(state, 'read-endpoint', false), 'read-endpoint', true),
      ),
    ).toBe(true);
  });
});
