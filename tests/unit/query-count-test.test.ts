import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formulaToCode } from '../../src/analysis/formula-to-code.ts';
import { parseQueryCountFormula } from '../../src/analysis/query-count-formula.ts';
import {
  chooseFixedVariant,
  chooseSizes,
  generateQueryCountTests,
  type ExampleDeclaration,
} from '../../src/analysis/query-count-test.ts';
import { projectRoot } from '../support/content-files.ts';
import { readExamples } from '../support/node-engine.ts';

// "Copy as a test" is checked, not trusted: for every example, the generated Vitest test for
// the fix runs against PGlite with its seams filled by the example's own code, and must pass for
// the fix and fail for every variant whose count differs at the two sizes. Every generated Python
// file must compile.

const root = fileURLToPath(projectRoot);
const examples = readExamples();
const python = spawnSync('python3', ['--version']).status === 0;

/** The page that shows each example: `/guidelines/<slug>/`. */
const pageOf = new Map<string, string>();
for (const file of readdirSync(join(root, 'content/guidelines')).filter((name) => name.endsWith('.mdx'))) {
  const source = readFileSync(join(root, 'content/guidelines', file), 'utf8');
  for (const match of source.matchAll(/<Playground example="([^"]+)"/g)) {
    pageOf.set(match[1]!, `/guidelines/${file.replace(/\.mdx$/, '')}/`);
  }
}

const generated = examples.map(({ id, definition }) => ({
  id,
  definition,
  tests: generateQueryCountTests({ exampleId: id, declaration: definition, pagePath: pageOf.get(id) }),
}));

describe('formulas as code', () => {
  it.each([
    ['n + 1', 'n + 1', 'n + 1'],
    ['ceil(n / 500) + 2', 'math.ceil(n / 500) + 2', 'Math.ceil(n / 500) + 2'],
    ['2 * n + 1', '2 * n + 1', '2 * n + 1'],
    ['1', '1', '1'],
    ['floor(50000 / n) + 5', 'math.floor(50000 / n) + 5', 'Math.floor(50000 / n) + 5'],
    ['(n+1)*2', '(n + 1) * 2', '(n + 1) * 2'],
  ])('%s is %s in Python and %s in TypeScript', (formula, inPython, inTypeScript) => {
    expect(formulaToCode(formula, 'python')).toBe(inPython);
    expect(formulaToCode(formula, 'typescript')).toBe(inTypeScript);
  });

  it('refuses text that is not a claim, instead of turning it into code', () => {
    expect(() => formulaToCode('process.exit(1)', 'typescript')).toThrow();
    expect(() => formulaToCode('n ** 2', 'python')).toThrow();
  });

  const formulas = [
    ...new Set([
      'ceil(n / 500) + 2',
      'floor(n / 3) - 1',
      ...examples.flatMap((e) => e.definition.variants.map((v) => v.queries)),
    ]),
  ];
  const sizes = Array.from({ length: 1200 }, (_, i) => i + 1);

  it('evaluates every claim in TypeScript as the claim does, for n = 1 to 1200', () => {
    for (const formula of formulas) {
      const code = formulaToCode(formula, 'typescript');
      const evaluate = new Function('n', `return ${code};`) as (n: number) => number;
      const claim = parseQueryCountFormula(formula);
      for (const n of sizes) expect(evaluate(n), `${code} at n = ${n}`).toBe(claim.evaluate(n));
    }
  });

  it('evaluates every claim in Python as the claim does, for n = 1 to 1200 (true division, not //)', (ctx) => {
    if (!python) {
      if (process.env.CI) throw new Error('python3 is missing: CI must check the generated Python');
      ctx.skip('python3 is not installed here, so the Python translation was not evaluated');
    }
    const codes = formulas.map((formula) => formulaToCode(formula, 'python'));
    const script =
      'import json, math, sys\n' +
      'data = json.load(sys.stdin)\n' +
      'print(json.dumps([[eval(code, {"math": math, "n": n}) for n in data["sizes"]] for code in data["codes"]]))\n';
    const run = spawnSync('python3', ['-c', script], {
      input: JSON.stringify({ codes, sizes }),
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as number[][];
    formulas.forEach((formula, index) => {
      const claim = parseQueryCountFormula(formula);
      expect(results[index], codes[index]).toEqual(sizes.map((n) => claim.evaluate(n)));
    });
    // ceil of a true quotient, not floor division: 501 books need two batches of 500.
    expect(results[formulas.indexOf('ceil(n / 500) + 2')]![500]).toBe(4);
  });
});

describe('which variant and which sizes', () => {
  const declaration = (queries: string[], extra: Partial<ExampleDeclaration> = {}): ExampleDeclaration => ({
    title: 'T',
    n: { default: 100, choices: [1, 10, 100, 1000], label: 'rows' },
    variants: queries.map((q, i) => ({ id: `v${i}`, label: `V${i}`, queries: q })),
    ...extra,
  });

  it('pins the variant whose count does not depend on n', () => {
    expect(chooseFixedVariant(declaration(['n + 1', '1'])).id).toBe('v1');
    expect(chooseFixedVariant(declaration(['2', 'n + 1'])).id).toBe('v0');
  });

  it('else the smallest count at the largest n, ties to the later variant', () => {
    expect(chooseFixedVariant(declaration(['4 * n + 1', 'n + 1', '2 * n + 1'])).id).toBe('v1');
    expect(chooseFixedVariant(declaration(['5', '2', '1'])).id).toBe('v2');
    expect(chooseFixedVariant(declaration(['1', '1'])).id).toBe('v1');
  });

  it('never pins a variant that is wrong on purpose', () => {
    const cache = declaration(['n', '1']);
    cache.variants[1]!.result = 'different';
    expect(chooseFixedVariant(cache).id).toBe('v0');
  });

  it('runs at the smallest size above 1 and the default, or the next size up', () => {
    expect(chooseSizes({ default: 100, choices: [1, 10, 100, 500], label: '' })).toEqual([10, 100]);
    expect(chooseSizes({ default: 2, choices: [2, 3, 10, 100], label: '' })).toEqual([2, 3]);
    expect(chooseSizes({ default: 1, choices: [1, 2], label: '' })).toEqual([1, 2]);
    expect(chooseSizes({ default: 1000, choices: [1000, 10000, 50000], label: '' })).toEqual([1000, 10000]);
  });
});

describe('the generated text', () => {
  const authors = generated.find((entry) => entry.id === 'books-with-authors')!;

  it('says where it came from and what it pins', () => {
    for (const code of [
      authors.tests.pytest.code,
      authors.tests.djangoTestCase.code,
      authors.tests.vitest.code,
    ]) {
      expect(code).toContain(`"${authors.definition.title}"`);
      expect(code).toContain('/guidelines/n-plus-one-foreign-keys/');
      expect(code).toContain('"One query with a join"');
    }
    expect(authors.tests.sizes).toEqual([10, 100]);
    expect(authors.tests.expected).toEqual([1, 1]);
  });

  it('uses the counting tools of each test runner, with the scaling test for a constant claim', () => {
    expect(authors.tests.pytest.code).toContain('django_assert_num_queries(expected_queries(SMALL))');
    expect(authors.tests.pytest.code).toContain('with CaptureQueriesContext(connection) as many:');
    expect(authors.tests.djangoTestCase.code).toContain(
      'with self.assertNumQueries(expected_queries(LARGE)):',
    );
    // Every statement sent counts, failed ones too (Kysely logs those at level 'error').
    expect(authors.tests.vitest.code).toContain('current?.push(event.query.sql);');
    expect(authors.tests.vitest.code).not.toContain("event.level === 'query'");
    expect(authors.tests.vitest.code).toContain('adding rows does not change the count');
    const perTenant = generated.find((entry) => entry.id === 'cache-key-per-tenant')!;
    expect(perTenant.tests.variant.id).toBe('tenant-in-key');
    expect(perTenant.tests.vitest.code).not.toContain('adding rows does not change the count');
    expect(perTenant.tests.pytest.code).toContain('return n\n');
  });

  it('quotes measured counts, and says when they disagree with the claim it pins', () => {
    const tests = generateQueryCountTests({
      exampleId: 'books-with-authors',
      declaration: authors.definition,
      variantId: 'bad',
      measured: [{ n: 100, queries: 7 }],
    });
    expect(tests.vitest.code).toContain('the claim says 101 at n = 100');
    expect(tests.expected).toEqual([11, 101]);
  });

  it('refuses an unknown variant and a claim that is not a whole number at its sizes', () => {
    expect(() =>
      generateQueryCountTests({ exampleId: 'x', declaration: authors.definition, variantId: 'nope' }),
    ).toThrow(/no variant "nope"/);
    const thirds = { ...authors.definition, variants: [{ id: 'v', label: 'V', queries: 'n / 3' }] };
    expect(() => generateQueryCountTests({ exampleId: 'x', declaration: thirds })).toThrow(/whole number/);
  });
});

describe('every generated test', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'round-trip-query-count-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compiles in Python, for pytest and for a TestCase', (ctx) => {
    if (!python) {
      if (process.env.CI) throw new Error('python3 is missing: CI must compile the generated Python');
      ctx.skip('python3 is not installed here, so the generated Python was not compiled');
    }
    const files = generated.flatMap(({ tests }) =>
      [tests.pytest, tests.djangoTestCase].map((test) => {
        const file = join(dir, 'python', test.fileName);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, test.code);
        return file;
      }),
    );
    expect(files).toHaveLength(examples.length * 2);
    const run = spawnSync('python3', ['-m', 'py_compile', ...files], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  // Examples with simulated outside services or extra server sessions are left out here: the
  // generated test counts SQL through Kysely's log on one connection and has no seam for the
  // services or for the other sessions, whose calls tests/unit/examples.test.ts checks on every
  // backend.
  const countedBySeams = (id: string, definition: (typeof generated)[number]['definition']) =>
    definition.services === undefined &&
    definition.load === undefined &&
    definition.variants.every(
      (variant) =>
        !readFileSync(new URL(`content/examples/${id}/${variant.id}.ts`, projectRoot), 'utf8').includes(
          'sessions.open(',
        ),
    );

  // One Vitest run for all examples: each test file gets its own directory with the generated
  // test, unchanged, and a seams module filled with one variant of the example.
  const cases = generated
    .filter(({ id, definition }) => countedBySeams(id, definition))
    .flatMap(({ id, definition, tests }) =>
      definition.variants.map((variant) => {
        const claim = parseQueryCountFormula(variant.queries);
        const sameCounts = tests.sizes.every((n, i) => claim.evaluate(n) === tests.expected[i]);
        return { id, definition, tests, variant, shouldPass: sameCounts };
      }),
    );

  describe('in TypeScript, run by Vitest against PGlite', () => {
    let results = new Map<string, { status: string; messages: string[] }>();
    let typecheck: Promise<{ status: number | null; output: string }>;
    beforeAll(async () => {
      // Type-checked as generated, beside the seams stub, under strict settings; in parallel with
      // the run below.
      const typeDir = join(dir, 'typecheck');
      mkdirSync(typeDir, { recursive: true });
      symlinkSync(join(root, 'node_modules'), join(typeDir, 'node_modules'));
      for (const { tests } of generated)
        writeFileSync(join(typeDir, tests.vitest.fileName), tests.vitest.code);
      writeFileSync(join(typeDir, 'query-count-seams.ts'), generated[0]!.tests.vitestSeams.code);
      writeFileSync(
        join(typeDir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noUncheckedIndexedAccess: true,
            noUnusedLocals: true,
            noUnusedParameters: true,
            module: 'preserve',
            moduleResolution: 'bundler',
            target: 'es2022',
            noEmit: true,
            skipLibCheck: true,
            types: [],
          },
          include: ['*.ts'],
        }),
      );
      typecheck = collect(
        spawn(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', typeDir]),
      );

      const runDir = join(dir, 'vitest');
      mkdirSync(runDir, { recursive: true });
      symlinkSync(join(root, 'node_modules'), join(runDir, 'node_modules'));
      writeFileSync(
        join(runDir, 'vitest.config.mjs'),
        `export default { test: { include: ['cases/**/*.test.ts'], pool: 'forks', fileParallelism: false, isolate: false, testTimeout: 60000, hookTimeout: 120000 } };\n`,
      );
      for (const entry of cases) {
        const caseDir = join(runDir, 'cases', entry.id, entry.variant.id);
        mkdirSync(caseDir, { recursive: true });
        writeFileSync(join(caseDir, entry.tests.vitest.fileName), entry.tests.vitest.code);
        const from = (path: string) => {
          const rel = relative(caseDir, join(root, path)).replaceAll('\\', '/');
          return rel.startsWith('.') ? rel : `./${rel}`;
        };
        writeFileSync(
          join(caseDir, 'query-count-seams.ts'),
          `import { sandboxSeams } from '${from('tests/support/query-count-sandbox.ts')}';\n` +
            `import variant from '${from(`content/examples/${entry.id}/${entry.variant.id}.ts`)}';\n\n` +
            `export type Database = any;\n` +
            `export const { createDialect, addRows, runTheCode } = sandboxSeams({ dataset: ` +
            `${JSON.stringify(entry.definition.dataset)}, autocommit: ${entry.definition.autocommit}, variant });\n`,
        );
      }
      const env = Object.fromEntries(
        Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')),
      );
      const output = join(runDir, 'results.json');
      const { output: log } = await collect(
        spawn(
          process.execPath,
          [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=json', `--outputFile=${output}`],
          { cwd: runDir, env },
        ),
      );
      let report: {
        testResults: { name: string; status: string; assertionResults: { failureMessages: string[] }[] }[];
      };
      try {
        report = JSON.parse(readFileSync(output, 'utf8'));
      } catch {
        throw new Error(`The generated tests did not run:\n${log}`);
      }
      results = new Map(
        report.testResults.map((file) => [
          relative(join(runDir, 'cases'), dirname(file.name)).replaceAll('\\', '/'),
          { status: file.status, messages: file.assertionResults.flatMap((a) => a.failureMessages) },
        ]),
      );
    }, 300_000);

    it.each(cases.map((entry) => [`${entry.id}/${entry.variant.id}`, entry] as const))('%s', (key, entry) => {
      const result = results.get(key);
      expect(result, `no result for ${key}`).toBeDefined();
      if (entry.shouldPass) {
        expect(result!.messages.join('\n')).toBe('');
        expect(result!.status).toBe('passed');
      } else {
        expect(
          result!.status,
          `the test pinning ${entry.tests.variant.id} must fail on ${entry.variant.id}`,
        ).toBe('failed');
        // It fails on the count, not on something else going wrong.
        expect(result!.messages.join('\n')).toMatch(/expected .* to (have a length of|be) \d+/);
      }
    });

    it('type-checks as generated, beside the seams stub, under strict settings', async () => {
      const { status, output } = await typecheck;
      expect(output).toBe('');
      expect(status).toBe(0);
    });

    it('checks the fix of every example without outside services, and at least one slower variant', () => {
      const checked = generated.filter(({ id, definition }) => countedBySeams(id, definition));
      expect(checked.length).toBeGreaterThan(20);
      for (const { id, tests } of checked) {
        expect(cases.some((c) => c.id === id && c.variant.id === tests.variant.id && c.shouldPass)).toBe(
          true,
        );
      }
      expect(cases.filter((c) => !c.shouldPass).length).toBeGreaterThan(5);
    });
  });
});

/** Waits for a child process and returns its exit status and everything it printed. */
function collect(child: ChildProcess): Promise<{ status: number | null; output: string }> {
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, output })));
}
