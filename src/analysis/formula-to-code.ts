import { parseQueryCountFormula } from './query-count-formula.ts';

export type CodeLanguage = 'python' | 'typescript';

/**
 * A query-count claim (`n + 1`, `ceil(n / 500) + 2`) written as an expression in `n` for a
 * generated test. The claim grammar (integers, `n`, `+ - * /`, parentheses, `ceil`, `floor`)
 * has the same precedence in Python and TypeScript, so the translation is token by token:
 * `ceil` and `floor` become `math.ceil` / `Math.ceil` and `math.floor` / `Math.floor`.
 *
 * Division is true division in both languages (Python 3's `/`, never `//`), so
 * `math.ceil(n / 500)` and `Math.ceil(n / 500)` round the same quotient and agree for every n.
 *
 * @example
 * formulaToCode('ceil(n / 500) + 2', 'python');     // "math.ceil(n / 500) + 2"
 * formulaToCode('ceil(n / 500) + 2', 'typescript'); // "Math.ceil(n / 500) + 2"
 * @throws QueryCountFormulaError when the text is not a query-count formula.
 */
export function formulaToCode(formula: string, language: CodeLanguage): string {
  parseQueryCountFormula(formula); // rejects anything outside the grammar before it becomes code
  const tokens = formula.match(/\d+|[a-z]+|[-+*/()]/g) ?? [];
  const library = language === 'python' ? 'math' : 'Math';
  let code = '';
  for (const token of tokens) {
    if (token === 'ceil' || token === 'floor') code += `${library}.${token}`;
    else if (/^[-+*/]$/.test(token)) code += ` ${token} `;
    else code += token;
  }
  return code;
}

/** True when the Python translation needs `import math`. */
export function formulaNeedsMath(formula: string): boolean {
  return /\b(?:ceil|floor)\b/.test(formula);
}
