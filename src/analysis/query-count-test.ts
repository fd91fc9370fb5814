import { parseQueryCountFormula } from './query-count-formula.ts';
import { renderDjangoTestCase, renderPytest } from './query-count-test-python.ts';
import { renderVitest, renderVitestSeams } from './query-count-test-vitest.ts';

/**
 * What the generator needs from an example's declaration. `ExampleDefinition`
 * (src/content/example-schema.ts, the parsed `example.yaml`) fits it as it is.
 */
export interface ExampleDeclaration {
  title: string;
  n: { default: number; choices: readonly number[]; label: string };
  variants: readonly VariantDeclaration[];
}

export interface VariantDeclaration {
  id: string;
  label: string;
  /** The query-count claim, e.g. `n + 1`. */
  queries: string;
  result?: 'same' | 'different' | 'any';
}

/** One run the reader made in the playground: the size and how many queries the variant sent. */
export interface MeasuredCount {
  n: number;
  queries: number;
}

export interface QueryCountTestInput {
  /** The example's folder name under `content/examples/`. */
  exampleId: string;
  declaration: ExampleDeclaration;
  /** The variant whose count the tests pin; by default {@link chooseFixedVariant}. */
  variantId?: string;
  /** The page that shows the example, e.g. `/guidelines/query-count-tests/`; named in the header. */
  pagePath?: string;
  /** The counts the reader measured for that variant; quoted in the header, never pinned. */
  measured?: readonly MeasuredCount[];
}

export interface GeneratedTest {
  /** A suggested file name. */
  fileName: string;
  code: string;
}

export interface QueryCountTests {
  /** The variant whose count is pinned. */
  variant: VariantDeclaration;
  /** The two sizes the tests run the code at, smaller first. */
  sizes: readonly [small: number, large: number];
  /** The claimed count at each size. */
  expected: readonly [small: number, large: number];
  /** Django with pytest-django: `django_assert_num_queries`, and `CaptureQueriesContext` for the scaling test. */
  pytest: GeneratedTest;
  /** Django's own test runner: a `TestCase` with `assertNumQueries` and `CaptureQueriesContext`. */
  djangoTestCase: GeneratedTest;
  /** TypeScript with Kysely and Vitest: counts through Kysely's `log` option. */
  vitest: GeneratedTest;
  /** The module the Vitest test imports, as a stub with one TODO per function to fill in. */
  vitestSeams: GeneratedTest;
}

/**
 * Everything a renderer needs, worked out once. Internal to the generator's files.
 * @internal
 */
export interface TestPlan {
  exampleId: string;
  title: string;
  pagePath: string | undefined;
  variant: VariantDeclaration;
  nLabel: string;
  small: number;
  large: number;
  expectedSmall: number;
  expectedLarge: number;
  constant: boolean;
  /** Where the test came from and what it claims, as plain sentences, one comment paragraph each. */
  header: string[];
  /** The example id as snake_case and PascalCase identifiers. */
  snake: string;
  pascal: string;
}

/**
 * "Copy as a test": query-count tests generated from an example's declaration, for the variant
 * that is the fix. Pure: strings in, strings out.
 *
 * The tests run the reader's code at two sizes taken from the example's `n.choices` (see
 * {@link chooseSizes}) and pin the count the declaration claims at each. When the claim does not
 * depend on `n`, a second test adds rows between two calls and requires the same count: it fails on
 * an N+1 without knowing the right number. Where the reader's code goes, the tests call clearly
 * marked placeholders (`make_rows` / `call_the_code`, or the Vitest seams module).
 *
 * @example
 * const tests = generateQueryCountTests({
 *   exampleId: 'books-with-authors',
 *   declaration: definition, // the parsed example.yaml
 *   pagePath: '/guidelines/n-plus-one-foreign-keys/',
 *   measured: [{ n: 100, queries: 1 }],
 * });
 * tests.pytest.code; // a pytest-django test pinning 1 query at n = 10 and n = 100
 * @throws Error when `variantId` is not a variant of the example, or the claim is not a
 *   whole number of queries at the chosen sizes.
 */
export function generateQueryCountTests(input: QueryCountTestInput): QueryCountTests {
  const plan = planTests(input);
  return {
    variant: plan.variant,
    sizes: [plan.small, plan.large],
    expected: [plan.expectedSmall, plan.expectedLarge],
    pytest: { fileName: `test_${plan.snake}_query_count.py`, code: renderPytest(plan) },
    djangoTestCase: {
      fileName: `test_${plan.snake}_query_count_testcase.py`,
      code: renderDjangoTestCase(plan),
    },
    vitest: { fileName: `${plan.exampleId}.query-count.test.ts`, code: renderVitest(plan) },
    vitestSeams: { fileName: 'query-count-seams.ts', code: renderVitestSeams(plan) },
  };
}

/**
 * The variant a query-count test should pin when the caller names none: never one that is wrong
 * on purpose (`result: different`); among the rest, one whose claim does not depend on `n` if
 * there is one; then the smallest count at the largest `n`. Ties go to the later variant, since
 * examples list the slow version first.
 */
export function chooseFixedVariant(declaration: ExampleDeclaration): VariantDeclaration {
  const honest = declaration.variants.filter((variant) => variant.result !== 'different');
  const pool = honest.length > 0 ? honest : [...declaration.variants];
  const constant = pool.filter((variant) => parseQueryCountFormula(variant.queries).constant);
  const ranked = constant.length > 0 ? constant : pool;
  const largest = Math.max(...declaration.n.choices);
  const count = (variant: VariantDeclaration) => parseQueryCountFormula(variant.queries).evaluate(largest);
  let best = ranked[0];
  if (!best) throw new Error('An example needs at least one variant');
  for (const variant of ranked) if (count(variant) <= count(best)) best = variant;
  return best;
}

/**
 * Two sizes from the example's choices: the smallest above 1 that is not the largest (with a
 * single row an N+1 costs exactly one extra query and can pass for a deliberate one), and the
 * page's default size if it is larger, else the next choice up.
 */
export function chooseSizes(n: ExampleDeclaration['n']): [number, number] {
  const choices = [...new Set(n.choices)].sort((a, b) => a - b);
  const small = choices.find((choice) => choice > 1 && choice < choices.at(-1)!) ?? choices[0];
  if (small === undefined) throw new Error('An example needs two sizes of n');
  const large = n.default > small ? n.default : choices.find((choice) => choice > small);
  if (large === undefined) throw new Error('An example needs two sizes of n');
  return [small, large];
}

function planTests(input: QueryCountTestInput): TestPlan {
  const { declaration } = input;
  const variant = input.variantId
    ? declaration.variants.find((v) => v.id === input.variantId)
    : chooseFixedVariant(declaration);
  if (!variant) throw new Error(`Example ${input.exampleId} has no variant "${input.variantId}"`);
  const claim = parseQueryCountFormula(variant.queries);
  const [small, large] = chooseSizes(declaration.n);
  const expectedSmall = claim.evaluate(small);
  const expectedLarge = claim.evaluate(large);
  for (const [n, count] of [
    [small, expectedSmall],
    [large, expectedLarge],
  ]) {
    if (!Number.isInteger(count) || count! < 0) {
      throw new Error(`The claim "${variant.queries}" is not a whole number of queries at n = ${n}`);
    }
  }
  const nLabel = declaration.n.label;
  const plural = (count: number) => `${count} ${count === 1 ? 'query' : 'queries'}`;
  const where = input.pagePath
    ? `${input.pagePath}, example ${input.exampleId}`
    : `example ${input.exampleId}`;
  const header = [
    `Query-count test generated by Round Trip from "${oneLine(declaration.title)}" (${where}), ` +
      `variant "${oneLine(variant.label)}".`,
    claim.constant
      ? `It claims ${plural(expectedSmall)} whatever n is (n = ${oneLine(nLabel)}): the tests pin that ` +
        `count at n = ${small} and n = ${large}, and check that adding rows does not change it.`
      : `It claims ${claim.text} queries (n = ${oneLine(nLabel)}): the tests pin ${expectedSmall} at ` +
        `n = ${small} and ${expectedLarge} at n = ${large}.`,
  ];
  const measured = measuredSentence(input.measured ?? [], claim.evaluate, plural);
  if (measured) header.push(measured);
  return {
    exampleId: input.exampleId,
    title: oneLine(declaration.title),
    pagePath: input.pagePath,
    variant,
    nLabel: oneLine(nLabel),
    small,
    large,
    expectedSmall,
    expectedLarge,
    constant: claim.constant,
    header,
    snake: identifier(input.exampleId).toLowerCase(),
    pascal: identifier(input.exampleId)
      .split('_')
      .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
      .join(''),
  };
}

function measuredSentence(
  measured: readonly MeasuredCount[],
  claimed: (n: number) => number,
  plural: (count: number) => string,
): string | undefined {
  if (measured.length === 0) return undefined;
  const runs = measured.map((run) => `${plural(run.queries)} at n = ${run.n}`).join(', ');
  const off = measured.filter((run) => run.queries !== claimed(run.n));
  if (off.length === 0) return `Measured in the playground: ${runs}, as claimed.`;
  return (
    `Measured in the playground: ${runs}; the claim says ` +
    off.map((run) => `${claimed(run.n)} at n = ${run.n}`).join(', ') +
    `. The tests pin the claim: change it if your version of the code is the one to keep.`
  );
}

/** `books-with-authors` → `books_with_authors`; a leading digit gets a prefix, as identifiers need. */
function identifier(id: string): string {
  const snake = id.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[A-Za-z]/.test(snake) ? snake : `example_${snake}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
