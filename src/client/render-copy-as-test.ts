import type { GeneratedTest, QueryCountTests } from '../analysis/query-count-test.ts';
import { h } from './dom.ts';

const KINDS = [
  ['pytest', 'pytest-django test'],
  ['djangoTestCase', 'Django TestCase'],
  ['vitest', 'Vitest test (Kysely)'],
  ['vitestSeams', 'Vitest seams module'],
] as const;

/**
 * "Copy as a test": the generated tests under a disclosure, each with a Copy button and its code
 * on show (so a reader can also read or select it). `copy` does the copying and the announcement.
 */
export function renderCopyAsTest(
  tests: QueryCountTests,
  copy: (test: GeneratedTest, what: string, code: HTMLElement) => void,
): HTMLDetailsElement {
  const [small, large] = tests.sizes;
  const [atSmall, atLarge] = tests.expected;
  return h(
    'details',
    { class: 'copy-as-test' },
    h('summary', {}, `Copy as a test: pin “${tests.variant.label}” at ${tests.variant.queries} queries`),
    h(
      'p',
      {},
      `Generated from this example’s claim, not from one run: the tests run your code at n = ${small} and n = ${large} ` +
        `and expect ${atSmall} and ${atLarge} queries${atSmall === atLarge ? ', so adding rows must not add queries' : ''}. ` +
        'Replace the marked placeholders with your models and your code.',
    ),
    ...KINDS.map(([key, what]) => {
      const test = tests[key];
      const code = h('code', {}, test.code);
      const block = h(
        'pre',
        { class: 'copy-as-test-code', tabindex: '0', 'aria-label': `${what}: ${test.fileName}` },
        code,
      );
      const button = h('button', { type: 'button' }, `Copy ${what}`);
      button.addEventListener('click', () => copy(test, what, code));
      return h(
        'div',
        { class: 'copy-as-test-item' },
        h('p', { class: 'copy-as-test-head' }, button, ' ', h('code', {}, test.fileName)),
        block,
      );
    }),
  );
}
