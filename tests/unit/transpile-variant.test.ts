import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQueryCountFormula } from '../../src/analysis/query-count-formula.ts';
import { variantToJavaScript } from '../../src/client/transpile-variant.ts';
import { PlaygroundEngine } from '../../src/engine/playground-engine.ts';
import { projectRoot } from '../support/content-files.ts';
import { nodeEngineDependencies, readExamples } from '../support/node-engine.ts';

// Edited code takes another path than the shipped modules: TypeScript → JavaScript in the page,
// then import() from source in the worker. Every shipped variant, taken that way, must behave
// exactly as the module does.
const engine = new PlaygroundEngine(nodeEngineDependencies());

describe('edited code path', () => {
  for (const { id, definition } of readExamples()) {
    it(`${id}: every variant transpiled from its source makes the claimed queries`, async () => {
      const n = Math.min(...definition.n.choices);
      for (const variant of definition.variants) {
        const typescript = readFileSync(
          new URL(`content/examples/${id}/${variant.id}.ts`, projectRoot),
          'utf8',
        );
        const source = await variantToJavaScript(typescript);
        expect(source).not.toMatch(/import type/);
        const response = await engine.handle({
          type: 'run',
          id: 1,
          dataset: definition.dataset,
          example: id,
          variant: variant.id,
          n,
          autocommit: definition.autocommit,
          source,
        });
        if (response.type !== 'ran') throw new Error(JSON.stringify(response));
        if (!response.report.result.ok)
          throw new Error(`${variant.id}: ${response.report.result.error.message}`);
        expect(response.report.log.length, variant.id).toBe(
          parseQueryCountFormula(variant.queries).evaluate(n),
        );
      }
    });
  }
});
