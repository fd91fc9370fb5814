import { commentBlock } from './comment-block.ts';
import { formulaNeedsMath, formulaToCode } from './formula-to-code.ts';
import type { TestPlan } from './query-count-test.ts';

// The Django side of "Copy as a test". Both files share the placeholders and the claim; they
// differ in how they count: pytest-django's django_assert_num_queries fixture, or TestCase's
// assertNumQueries. The scaling test uses Django's CaptureQueriesContext in both.

/** A pytest-django module pinning the plan's count. */
export function renderPytest(plan: TestPlan): string {
  const tests = [
    `@pytest.mark.django_db
def test_${plan.snake}_query_count_matches_the_claim(django_assert_num_queries):
    make_rows(SMALL)
    with django_assert_num_queries(expected_queries(SMALL)):
        call_the_code(SMALL)
    make_rows(LARGE - SMALL)
    with django_assert_num_queries(expected_queries(LARGE)):
        call_the_code(LARGE)
`,
  ];
  if (plan.constant) {
    tests.push(`@pytest.mark.django_db
def test_${plan.snake}_query_count_does_not_grow_with_rows():
    # Needs no number: an N+1 makes the second count larger, whichever relation it hides in.
    make_rows(SMALL)
    with CaptureQueriesContext(connection) as few:
        call_the_code(SMALL)
    make_rows(LARGE - SMALL)
    with CaptureQueriesContext(connection) as many:
        call_the_code(LARGE)
    assert len(many) == len(few), sql_of(many)
`);
  }
  return [
    header(plan, 'Fill in the two functions marked TODO, then run it with pytest (pytest-django).'),
    imports(plan, [
      'import pytest',
      'from django.db import connection',
      'from django.test.utils import CaptureQueriesContext',
    ]),
    placeholders(plan),
    ...tests,
  ].join('\n\n');
}

/** The same tests as a Django `TestCase`, for `manage.py test`. */
export function renderDjangoTestCase(plan: TestPlan): string {
  const methods = [
    `    def test_query_count_matches_the_claim(self):
        make_rows(SMALL)
        with self.assertNumQueries(expected_queries(SMALL)):
            call_the_code(SMALL)
        make_rows(LARGE - SMALL)
        with self.assertNumQueries(expected_queries(LARGE)):
            call_the_code(LARGE)
`,
  ];
  if (plan.constant) {
    methods.push(`    def test_query_count_does_not_grow_with_rows(self):
        # Needs no number: an N+1 makes the second count larger, whichever relation it hides in.
        make_rows(SMALL)
        with CaptureQueriesContext(connection) as few:
            call_the_code(SMALL)
        make_rows(LARGE - SMALL)
        with CaptureQueriesContext(connection) as many:
            call_the_code(LARGE)
        self.assertEqual(len(many), len(few), sql_of(many))
`);
  }
  return [
    header(plan, 'Fill in the two functions marked TODO, then run it with manage.py test.'),
    imports(plan, [
      'from django.db import connection',
      'from django.test import TestCase',
      'from django.test.utils import CaptureQueriesContext',
    ]),
    placeholders(plan),
    `class ${plan.pascal}QueryCountTests(TestCase):\n${methods.join('\n')}`,
  ].join('\n\n');
}

function header(plan: TestPlan, howToRun: string): string {
  return commentBlock(
    [
      ...plan.header,
      howToRun +
        " Each test runs inside a transaction (TestCase, and pytest-django's django_db mark), so an " +
        'atomic() block in the code counts as two queries, SAVEPOINT and RELEASE SAVEPOINT, as BEGIN ' +
        'and COMMIT do in the playground.',
    ],
    '# ',
  );
}

function imports(plan: TestPlan, lines: string[]): string {
  return (formulaNeedsMath(plan.variant.queries) ? ['import math', '', ...lines] : lines).join('\n');
}

function placeholders(plan: TestPlan): string {
  const claim = plan.constant
    ? `# The claim "${plan.variant.queries}": the count does not depend on n.`
    : `# The claim "${plan.variant.queries}".`;
  return `# n = ${plan.nLabel}: a few, then more.
SMALL = ${plan.small}
LARGE = ${plan.large}


def make_rows(count):
    """Create \`count\` more rows of what the code reads (n = ${pyDocText(plan.nLabel)})."""
    # TODO: your factories or bulk_create(); the queries made here are not counted.
    raise NotImplementedError("make_rows: create the rows the code under test reads")


def call_the_code(n):
    """Call the code under test once, the way production calls it."""
${commentBlock([`TODO: for example Client().get(...) or a service call. Here: ${plan.title}, as in "${plan.variant.label}".`], '# ', 96).replace(/^/gm, '    ')}
    raise NotImplementedError("call_the_code: call the code under test")


def expected_queries(n):
    ${claim}
    return ${formulaToCode(plan.variant.queries, 'python')}


def sql_of(captured):
    return "\\n".join(query["sql"] for query in captured.captured_queries)
`;
}

/** Text safe inside a triple-quoted docstring. */
function pyDocText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"');
}
