import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  groupNames,
  permanentItemUrl,
  pullRequestTemplate,
  reviewMarkdown,
  reviewUrl,
  selectGroups,
  siteBaseOf,
} from '../../src/checklist/checklist-markdown.ts';
import { emptyState, encodeState, withGroupIncluded, withItem } from '../../src/checklist/checklist-state.ts';
import { readChecklist } from '../../src/content/content-fs.ts';
import { fixtureGroups, fixtureSiteBase } from '../support/checklist-fixture.ts';

const siteBase = fixtureSiteBase;

function review() {
  let state = emptyState();
  state = withItem(state, 'read-join-foreign-keys', { status: 'done' });
  state = withItem(state, 'read-paginate-with-cap', {
    status: 'na',
    reason: '  Internal tool:\nat most 12 rows 🙂 ',
  });
  state = withItem(state, 'write-batch-inserts', { status: 'na', reason: '   ' });
  return state;
}

describe('review Markdown ("Copy as Markdown")', () => {
  it('writes GitHub task lists grouped under headings, with permanent links and N/A reasons', () => {
    const state = review();
    expect(reviewMarkdown(fixtureGroups, state, { siteBase })).toBe(
      [
        '## Pre-merge checklist',
        '',
        `Reviewed with the [Round Trip pre-merge checklist](https://example.org/round-trip/checklist/): [open this review](https://example.org/round-trip/checklist/?s=${encodeState(state)}).`,
        '',
        '### Before merging a read endpoint',
        '',
        '- [x] [Foreign keys are loaded with a join (select_related).](https://example.org/round-trip/c/read-join-foreign-keys/)',
        '- [x] ~~[A list endpoint returns \\[one page\\] at a time.](https://example.org/round-trip/c/read-paginate-with-cap/)~~ — does not apply: Internal tool: at most 12 rows 🙂',
        '- [ ] [A test pins the number of queries.](https://example.org/round-trip/c/read-query-count-test/)',
        '',
        '### Before merging a write endpoint',
        '',
        // "Does not apply" with no reason is not exported as N/A: it stays open.
        '- [ ] [Rows created together are inserted in batches (bulk_create).](https://example.org/round-trip/c/write-batch-inserts/)',
        '',
      ].join('\n'),
    );
  });

  it('leaves out the groups the review excludes', () => {
    const state = withGroupIncluded(review(), 'read-endpoint', false);
    const markdown = reviewMarkdown(fixtureGroups, state, { siteBase });
    expect(markdown).not.toContain('read endpoint');
    expect(markdown).toContain('### Before merging a write endpoint\n\n- [ ] [Rows created');
  });

  it('escapes Markdown in a reason, so it cannot break the line or its link', () => {
    const state = withItem(emptyState(), 'read-query-count-test', {
      status: 'na',
      reason: 'see [this](http://x) ~~or~~ <b>that</b> `code` *and* _this_ snake_case',
    });
    expect(reviewMarkdown(fixtureGroups, state, { siteBase })).toContain(
      '~~ — does not apply: see \\[this\\](http://x) \\~\\~or\\~\\~ \\<b\\>that\\</b\\> \\`code\\` \\*and\\* \\_this\\_ snake_case\n',
    );
  });
});

describe('pull-request template', () => {
  it('lists every item of the chosen groups unticked, with links and the line about reasons', () => {
    expect(pullRequestTemplate(fixtureGroups, { siteBase })).toBe(
      [
        '## Pre-merge checklist',
        '',
        '<!-- From the Round Trip pre-merge checklist, https://example.org/round-trip/checklist/. Regenerate with: npm run --silent checklist:template -- --groups read-endpoint,write-endpoint --site https://example.org/round-trip/ -->',
        '',
        'Tick each item this change satisfies. If an item does not apply, tick it, strike it through and give a reason: `- [x] ~~[item](link)~~ — does not apply: <reason>`. An unticked item with no reason reads as forgotten.',
        '',
        '### Before merging a read endpoint',
        '',
        '- [ ] [Foreign keys are loaded with a join (select_related).](https://example.org/round-trip/c/read-join-foreign-keys/)',
        '- [ ] [A list endpoint returns \\[one page\\] at a time.](https://example.org/round-trip/c/read-paginate-with-cap/)',
        '- [ ] [A test pins the number of queries.](https://example.org/round-trip/c/read-query-count-test/)',
        '',
        '### Before merging a write endpoint',
        '',
        '- [ ] [Rows created together are inserted in batches (bulk_create).](https://example.org/round-trip/c/write-batch-inserts/)',
        '',
      ].join('\n'),
    );
  });

  it('contains only the groups selected, and says how to regenerate exactly that', () => {
    const selection = selectGroups(fixtureGroups, ['write']);
    expect(selection.ok).toBe(true);
    if (!selection.ok) return;
    const template = pullRequestTemplate(selection.groups, { siteBase });
    expect(template).toContain('--groups write-endpoint --site');
    expect(template).not.toContain('read endpoint');
    expect(template.match(/^- \[ \] /gm)).toHaveLength(1);
  });

  it('has a task for every item of the real checklist', () => {
    const groups = readChecklist();
    const template = pullRequestTemplate(groups, { siteBase: 'http://localhost:4321/' });
    const items = groups.flatMap((group) => group.items);
    expect(template.match(/^- \[ \] /gm)).toHaveLength(items.length);
    for (const item of items) expect(template).toContain(`(http://localhost:4321/c/${item.id}/)`);
  });
});

describe('group selection', () => {
  it('accepts ids and first-word aliases, in any order, and returns checklist order', () => {
    const selection = selectGroups(fixtureGroups, ['write', 'read-endpoint', 'write-endpoint']);
    expect(selection.ok && selection.groups.map((group) => group.id)).toEqual([
      'read-endpoint',
      'write-endpoint',
    ]);
    expect(selectGroups(fixtureGroups, [' read ']).ok).toBe(true);
  });

  it('means every group when none is named', () => {
    const selection = selectGroups(fixtureGroups, []);
    expect(selection.ok && selection.groups.map((group) => group.id)).toEqual([
      'read-endpoint',
      'write-endpoint',
    ]);
  });

  it('names the unknown groups and lists the known ones', () => {
    expect(selectGroups(fixtureGroups, ['read', 'reads', 'deploy'])).toEqual({
      ok: false,
      message:
        'Unknown checklist groups "reads", "deploy". Known groups: read-endpoint (read), write-endpoint (write).',
    });
  });

  it('gives the real groups the documented short names', () => {
    const groups = readChecklist();
    const names = groupNames(groups);
    expect(names.get('read')).toBe('read-endpoint');
    expect(names.get('write')).toBe('write-endpoint');
    expect(names.get('external')).toBe('external-systems');
    expect(names.get('production')).toBe('production-readiness');
  });

  it('has no alias for a first word two groups share', () => {
    const groups = [
      { ...fixtureGroups[0]!, id: 'read-one' },
      { ...fixtureGroups[1]!, id: 'read-two' },
    ];
    expect(groupNames(groups).has('read')).toBe(false);
    expect(selectGroups(groups, ['read']).ok).toBe(false);
  });
});

describe('links', () => {
  it('builds the site base from Astro site and base', () => {
    expect(siteBaseOf('http://localhost:4321')).toBe('http://localhost:4321/');
    expect(siteBaseOf('https://example.org', '/round-trip/')).toBe('https://example.org/round-trip/');
    expect(siteBaseOf('https://example.org/', '/round-trip')).toBe('https://example.org/round-trip/');
    expect(siteBaseOf('https://example.org/round-trip')).toBe('https://example.org/round-trip/');
    expect(() => siteBaseOf('not a url')).toThrow();
  });

  it('builds permanent item URLs and review URLs', () => {
    expect(permanentItemUrl(siteBase, 'read-join-foreign-keys')).toBe(
      'https://example.org/round-trip/c/read-join-foreign-keys/',
    );
    expect(reviewUrl(siteBase, emptyState())).toBe(
      `https://example.org/round-trip/checklist/?s=${encodeState(emptyState())}`,
    );
  });

  it('escapes only what changes Markdown structure', () => {
    expect(escapeMarkdown('prefetch_related (.exists()) — fine')).toBe('prefetch_related (.exists()) — fine');
    expect(escapeMarkdown('a\\b [c] <d> ~e~ `f` *g* _h_')).toBe(
      'a\\\\b \\[c\\] \\<d\\> \\~e\\~ \\`f\\` \\*g\\* \\_h\\_',
    );
  });
});
