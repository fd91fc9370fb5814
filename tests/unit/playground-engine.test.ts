import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { datasetFingerprint } from '../../src/engine/dataset-fingerprint.ts';
import { PlaygroundEngine } from '../../src/engine/playground-engine.ts';
import type { EngineResponse } from '../../src/engine/protocol.ts';
import { nodeEngineDependencies, seededPGlite } from '../support/node-engine.ts';

const runRequest = (id: number, extra: Partial<{ variant: string; n: number; source: string }> = {}) =>
  ({
    type: 'run',
    id,
    dataset: 'library',
    example: 'books-with-authors',
    variant: 'good',
    n: 5,
    ...extra,
  }) as const;

function expectRan(response: EngineResponse) {
  if (response.type !== 'ran') throw new Error(`expected a run, got ${JSON.stringify(response)}`);
  return response.report;
}

describe('PlaygroundEngine', () => {
  it('boots from a pre-seeded data directory to the same data as seeding from SQL', async () => {
    const seeded = await seededPGlite('library');
    const fromSql = await datasetFingerprint(seeded, 'library');
    const archive = await seeded.dumpDataDir('gzip');
    await seeded.close();

    const engine = new PlaygroundEngine(nodeEngineDependencies({ library: archive }));
    const prepared = await engine.handle({ type: 'prepare', id: 1, dataset: 'library' });
    expect(prepared).toMatchObject({ type: 'prepared', id: 1, timings: { fromArchive: true, seedMs: 0 } });

    const fromArchive = await PGlite.create({ loadDataDir: archive });
    expect(await datasetFingerprint(fromArchive, 'library')).toBe(fromSql);
    await fromArchive.close();
  });

  it('seeds from SQL when there is no archive, once, and answers runs in order with their ids', async () => {
    const engine = new PlaygroundEngine(nodeEngineDependencies());
    const [first, second, third] = await Promise.all([
      engine.handle({ type: 'prepare', id: 7, dataset: 'library' }),
      engine.handle(runRequest(8, { variant: 'bad', n: 5 })),
      engine.handle(runRequest(9, { variant: 'good', n: 5 })),
    ]);
    expect(first).toMatchObject({ type: 'prepared', id: 7, timings: { fromArchive: false } });
    const bad = expectRan(second!);
    const good = expectRan(third!);
    expect([second!.id, third!.id]).toEqual([8, 9]);
    expect(bad.log).toHaveLength(6);
    expect(good.log).toHaveLength(1);
    expect(bad.result.ok && good.result.ok && bad.result.hash === good.result.hash).toBe(true);
    expect(good.result).toMatchObject({ ok: true, items: 5 });
  });

  it('runs edited JavaScript source in place of a variant module', async () => {
    const engine = new PlaygroundEngine(nodeEngineDependencies());
    const source = `export default async ({ db, n }) => db.selectFrom('tags').select('name').orderBy('id').limit(n).execute();`;
    const report = expectRan(await engine.handle(runRequest(1, { source, n: 2 })));
    expect(report.log).toHaveLength(1);
    expect(report.result).toMatchObject({ ok: true, preview: '[{"name":"classic"},{"name":"crime"}]' });
  });

  it('answers an unknown variant or dataset with an error, as data', async () => {
    const engine = new PlaygroundEngine(nodeEngineDependencies());
    const unknownVariant = await engine.handle(runRequest(3, { variant: 'nope' }));
    expect(unknownVariant).toMatchObject({ type: 'error', id: 3 });
    const unknownDataset = await engine.handle({ type: 'prepare', id: 4, dataset: 'nowhere' });
    expect(unknownDataset).toMatchObject({ type: 'error', id: 4 });
    // And the engine still works afterwards.
    expect(expectRan(await engine.handle(runRequest(5))).log).toHaveLength(1);
  });
});

describe('PlaygroundEngine measure', () => {
  it('reports raw and recorded per-query times and the reset cost', async () => {
    const engine = new PlaygroundEngine(nodeEngineDependencies());
    const response = await engine.handle({ type: 'measure', id: 1, dataset: 'library', queries: 20 });
    if (response.type !== 'measured') throw new Error(JSON.stringify(response));
    for (const value of Object.values(response.figures)) expect(value).toBeGreaterThan(0);
  });
});
