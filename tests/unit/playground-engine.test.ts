import { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { BackgroundWarmUp } from '../../src/engine/background-warm-up.ts';
import { datasetFingerprint } from '../../src/engine/dataset-fingerprint.ts';
import type { EngineArgs, EngineMethod, EngineResult, RunArgs } from '../../src/engine/engine-api.ts';
import { serveEngine, type EngineCall, type EngineMessage } from '../../src/engine/engine-protocol.ts';
import { PlaygroundEngine, type EngineDependencies } from '../../src/engine/playground-engine.ts';
import { variantToJavaScript } from '../../src/client/transpile-variant.ts';
import { nodeEngineDependencies, seededPGlite } from '../support/node-engine.ts';

const hooks = () => {
  const events: string[] = [];
  return { events, hooks: { started: () => events.push('started') } };
};

const call = <M extends EngineMethod>(
  engine: PlaygroundEngine,
  method: M,
  args: EngineArgs<M>,
): Promise<EngineResult<M>> => engine.call(method, args, hooks().hooks);

const runArgs = (extra: Partial<RunArgs> = {}): RunArgs => ({
  dataset: 'library',
  example: 'books-with-authors',
  variant: 'good',
  n: 5,
  repetitions: { min: 3, max: 3, budgetMs: 0 },
  ...extra,
});

// Engines boot from one pre-seeded archive, as in the browser: much faster than initdb + seed.
let archive: Blob;
let fromSql: string;
const deps = (): EngineDependencies => nodeEngineDependencies({ library: archive });

/** An engine whose variants tell `record` each time they run (warm-up and timed runs alike). */
const countingEngine = (
  record: (variant: string, n: number) => void,
  options?: ConstructorParameters<typeof PlaygroundEngine>[1],
) => {
  const base = deps();
  return new PlaygroundEngine(
    {
      ...base,
      variantModule: async (example, variant) => {
        const module = await base.variantModule(example, variant);
        return async (context) => {
          record(variant, context.n);
          return module(context);
        };
      },
    },
    options,
  );
};

const until = async (done: () => boolean) => {
  for (let i = 0; i < 4_000 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

beforeAll(async () => {
  const seeded = await seededPGlite('library');
  fromSql = await datasetFingerprint(seeded, 'library');
  archive = await seeded.dumpDataDir('none');
  await seeded.close();
}, 120_000);

describe('PlaygroundEngine', () => {
  it('boots from a pre-seeded data directory to the same data as seeding from SQL', async () => {
    const engine = new PlaygroundEngine(deps());
    expect(await call(engine, 'prepare', { dataset: 'library' })).toMatchObject({
      fromArchive: true,
      seedMs: 0,
    });
    // A second prepare costs nothing.
    expect(await call(engine, 'prepare', { dataset: 'library' })).toMatchObject({ bootMs: 0, seedMs: 0 });

    const fromArchive = await PGlite.create({ loadDataDir: archive });
    expect(await datasetFingerprint(fromArchive, 'library')).toBe(fromSql);
    await fromArchive.close();
  });

  it('takes calls in order, says when it starts each, and times a run as one warm-up and the recorded repetitions', async () => {
    const first = hooks();
    const second = hooks();
    const invocations: number[] = [];
    const counting = countingEngine((_variant, n) => invocations.push(n));
    const [bad, good] = await Promise.all([
      counting.call('run', runArgs({ variant: 'bad' }), first.hooks),
      counting.call('run', runArgs({ variant: 'good' }), second.hooks),
    ]);
    expect(first.events).toEqual(['started']);
    expect(second.events).toEqual(['started']);
    // One unrecorded warm-up run and three recorded ones, per variant.
    expect(invocations).toHaveLength(8);
    expect(bad.repetitions).toHaveLength(3);
    expect(bad.counts).toEqual({ sql: 6, http: 0, cache: 0, job: 0 });
    expect(bad.log).toHaveLength(6);
    expect(good.counts.sql).toBe(1);
    expect(bad.result.ok && good.result.ok && bad.result.hash === good.result.hash).toBe(true);
    expect(good.result).toMatchObject({ ok: true, items: 5 });
    expect(bad.countsDiffer).toBeUndefined();
    for (const figures of bad.repetitions) expect(figures.dbMs).toBeGreaterThan(0);
  });

  it('warms a run up once per engine: the same run again skips it; another size, code, setting or a failure does not count', async () => {
    const invocations: string[] = [];
    const record = (variant: string, n: number) => invocations.push(`${variant} n=${n}`);
    const engine = countingEngine(record);
    const firstPass = { min: 1, max: 1, budgetMs: 0 };
    const runs = async (extra: Partial<RunArgs>, on = engine) => {
      const before = invocations.length;
      const report = await call(on, 'run', runArgs({ repetitions: firstPass, ...extra }));
      return { runs: invocations.length - before, report };
    };
    // First time: a warm-up and one timed run. The same run again: the timed run only.
    expect((await runs({ variant: 'bad' })).runs).toBe(2);
    const again = await runs({ variant: 'bad' });
    expect(again.runs).toBe(1);
    expect(again.report.repetitions).toHaveLength(1);
    expect(again.report.counts.sql).toBe(6);
    // Another variant, another size, other settings: each warms up once.
    expect((await runs({ variant: 'good' })).runs).toBe(2);
    expect((await runs({ variant: 'bad', n: 6 })).runs).toBe(2);
    expect((await runs({ variant: 'bad', autocommit: true })).runs).toBe(2);
    expect((await runs({ variant: 'bad', autocommit: true })).runs).toBe(1);
    // A failing run is never remembered: its warm-up fails again, ending the run before any
    // timed repetition (a skipped warm-up would have made one).
    const broken = await variantToJavaScript(`export default async () => { throw new Error('no'); };`);
    for (let i = 0; i < 2; i++) {
      const failed = await call(engine, 'run', runArgs({ source: broken, repetitions: firstPass }));
      expect(failed.result.ok).toBe(false);
      expect(failed.repetitions).toHaveLength(0);
    }
    // A new engine (a new worker after Stop) remembers nothing.
    expect((await runs({ variant: 'bad' }, countingEngine(record))).runs).toBe(2);
  });

  it('warms runs up ahead, in idle time, so a later Run of the same run goes straight to its timed run', async () => {
    const invocations: string[] = [];
    // The extra runs after a first one have a test of their own, below.
    const engine = countingEngine((variant, n) => invocations.push(`${variant} n=${n}`), {
      extraWarmUpRuns: 0,
    });
    const firstPass = { min: 1, max: 1, budgetMs: 0 };
    const edited = await variantToJavaScript(`export default async () => 1;`);
    const { queued } = await call(engine, 'warmVariants', {
      runs: [
        runArgs({ variant: 'bad' }),
        runArgs({ variant: 'good' }),
        runArgs({ variant: 'bad' }), // already waiting
        runArgs({ variant: 'good', source: edited }), // edited code: its own worker
        runArgs({
          variant: 'good',
          load: { workers: 1, arrivalsPerSecond: 1, requestTimeoutMs: 1, routes: [] },
        }),
      ],
    });
    expect(queued).toBe(2);
    // The call answers before the warm-up runs; they happen when the engine is idle.
    for (let i = 0; i < 2_000 && invocations.length < 2; i++) await new Promise((r) => setTimeout(r, 5));
    expect(invocations).toEqual(['bad n=5', 'good n=5']);
    // The same runs now skip their warm-up: one timed run each.
    await call(engine, 'run', runArgs({ variant: 'bad', repetitions: firstPass }));
    await call(engine, 'run', runArgs({ variant: 'good', repetitions: firstPass }));
    expect(invocations).toEqual(['bad n=5', 'good n=5', 'bad n=5', 'good n=5']);
    // Warmed runs are not queued again; another size is, and its Run skips the warm-up too.
    expect(await call(engine, 'warmVariants', { runs: [runArgs({ variant: 'bad' })] })).toEqual({
      queued: 0,
    });
    expect(await call(engine, 'warmVariants', { runs: [runArgs({ variant: 'bad', n: 7 })] })).toEqual({
      queued: 1,
    });
    await call(engine, 'run', runArgs({ variant: 'bad', n: 7, repetitions: firstPass }));
    expect(invocations.slice(4)).toEqual(['bad n=7', 'bad n=7']);
    // `only` drops what was waiting (calls are taken before any warm-up ahead starts, so all three
    // are answered first): n=8 was dropped, so asking for it again queues it anew.
    const settled = invocations.length;
    const [, , again] = await Promise.all([
      call(engine, 'warmVariants', { runs: [runArgs({ variant: 'bad', n: 8 })] }),
      call(engine, 'warmVariants', { runs: [runArgs({ variant: 'bad', n: 9 })], only: true }),
      call(engine, 'warmVariants', { runs: [runArgs({ variant: 'bad', n: 8 })] }),
    ]);
    expect(again).toEqual({ queued: 1 });
    for (let i = 0; i < 2_000 && invocations.length < settled + 2; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect(invocations.slice(settled)).toEqual(['bad n=9', 'bad n=8']);
  });

  it('makes extra warm-up runs after the first ones, in idle time; a Run drops those still to come', async () => {
    const invocations: string[] = [];
    const engine = countingEngine((variant, n) => invocations.push(`${variant} n=${n}`), {
      extraWarmUpRuns: 2,
    });
    await call(engine, 'warmVariants', { runs: [runArgs({ variant: 'bad' }), runArgs({ variant: 'good' })] });
    await until(() => invocations.length >= 6);
    // Every first run before any extra one, then the extra ones in turn.
    expect(invocations).toEqual(['bad n=5', 'good n=5', 'bad n=5', 'good n=5', 'bad n=5', 'good n=5']);
    await call(engine, 'prepare', { dataset: 'library' });
    expect(invocations).toHaveLength(6);

    // A Run's `only` drops the extra runs still waiting, with the first runs (n = 200: a run long
    // enough that `only` arrives during the first one or the first extra one).
    invocations.length = 0;
    await call(engine, 'warmVariants', { runs: [runArgs({ variant: 'bad', n: 200 })] });
    await until(() => invocations.length >= 1);
    await call(engine, 'warmVariants', { runs: [], only: true });
    await call(engine, 'prepare', { dataset: 'library' });
    expect(invocations.filter((entry) => entry === 'bad n=200').length).toBeLessThanOrEqual(2);
    const settled = invocations.length;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(invocations).toHaveLength(settled);
  });

  it('stops an extra warm-up run at its next statement when a call arrives, and makes it again later', async () => {
    const events: string[] = [];
    let statements = 0;
    const engine = new PlaygroundEngine(
      {
        ...deps(),
        variantModule:
          async () =>
          async ({ db, sql }) => {
            events.push('run');
            for (let i = 0; i < 300; i++) {
              await sql`SELECT 1`.execute(db);
              statements += 1;
            }
            events.push('end');
          },
      },
      { extraWarmUpRuns: 1 },
    );
    await call(engine, 'warmVariants', { runs: [runArgs()] });
    // The first run has ended (300 statements) and the extra one is under way.
    await until(() => statements >= 320);
    expect(events).toEqual(['run', 'end', 'run']);
    let startedAfter = -1;
    await engine.call('prepare', { dataset: 'library' }, { started: () => (startedAfter = statements) });
    // The call started in the middle of the extra run, not after its remaining statements.
    expect(startedAfter).toBeGreaterThanOrEqual(320);
    expect(startedAfter).toBeLessThan(600);
    expect(events).toEqual(['run', 'end', 'run']);
    // Made again from its start once the engine is idle, and this time to its end.
    await until(() => events.length >= 5);
    expect(events).toEqual(['run', 'end', 'run', 'run', 'end']);
  });

  it('a warm-up ahead that fails, or asks for extra sessions, is not remembered: the Run warms up itself', async () => {
    let invocations = 0;
    const engine = new PlaygroundEngine({
      ...deps(),
      variantModule:
        async () =>
        async ({ sessions, db }) => {
          invocations += 1;
          // Sessions are opened for a Run, not for a warm-up ahead of one.
          await sessions.open(1);
          return db.selectFrom('tags').select('id').execute();
        },
    });
    expect(await call(engine, 'warmVariants', { runs: [runArgs()] })).toEqual({ queued: 1 });
    for (let i = 0; i < 2_000 && invocations < 1; i++) await new Promise((r) => setTimeout(r, 5));
    const report = await call(engine, 'run', runArgs({ repetitions: { min: 1, max: 1, budgetMs: 0 } }));
    expect(report.result.ok).toBe(true);
    // The failed warm-up ahead, then the Run's own warm-up and its timed run.
    expect(invocations).toBe(3);
  });

  it('stops repeating once the budget is spent, but never below the minimum', async () => {
    const engine = new PlaygroundEngine(deps());
    const report = await call(engine, 'run', runArgs({ repetitions: { min: 2, max: 50, budgetMs: 0 } }));
    expect(report.repetitions).toHaveLength(2);
  });

  it('reports a variant whose round trips change between repetitions instead of hiding it in a median', async () => {
    let runs = 0;
    const engine = new PlaygroundEngine({
      ...deps(),
      variantModule:
        async () =>
        async ({ db }) => {
          runs += 1;
          for (let i = 0; i < (runs === 3 ? 2 : 1); i++) await db.selectFrom('tags').select('id').execute();
          return runs === 4 ? 'other' : 'same';
        },
    });
    const report = await call(engine, 'run', runArgs({ repetitions: { min: 3, max: 3, budgetMs: 0 } }));
    // Run 1 is the warm-up; run 3 is the second recorded one.
    expect(report.countsDiffer).toEqual({
      repetition: 1,
      counts: { sql: 2, http: 0, cache: 0, job: 0 },
      first: { sql: 1, http: 0, cache: 0, job: 0 },
    });
    expect(report.resultsDiffer).toBe(true);
  });

  it('runs edited JavaScript source in place of a variant module', async () => {
    const engine = new PlaygroundEngine(deps());
    const source = `export default async ({ db, n }) => db.selectFrom('tags').select('name').orderBy('id').limit(n).execute();`;
    const report = await call(engine, 'run', runArgs({ source: await variantToJavaScript(source), n: 2 }));
    expect(report.counts.sql).toBe(1);
    expect(report.result).toMatchObject({ ok: true, preview: '[{"name":"classic"},{"name":"crime"}]' });
  });

  it('fails an unknown variant or dataset, and still works afterwards', async () => {
    const engine = new PlaygroundEngine(deps());
    await expect(call(engine, 'run', runArgs({ variant: 'nope' }))).rejects.toThrow(
      /Unknown variant|Unknown variable dynamic import|Cannot find/,
    );
    await expect(call(engine, 'prepare', { dataset: 'nowhere' })).rejects.toThrow();
    expect((await call(engine, 'run', runArgs())).counts.sql).toBe(1);
  });

  it('warms up in the gaps between calls, and a run before the target says the engine was warming', async () => {
    const warmUp = new BackgroundWarmUp({ queries: 300, sliceMs: 2 });
    const engine = new PlaygroundEngine(deps(), { warmUp });
    await call(engine, 'prepare', { dataset: 'library' });
    const early = await call(engine, 'run', runArgs({ repetitions: { min: 1, max: 1, budgetMs: 0 } }));
    expect(early.engineWarm).toBe(false);
    for (let i = 0; i < 10_000 && !engine.warm; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(warmUp.queries).toBe(300);
    const later = await call(engine, 'run', runArgs({ repetitions: { min: 1, max: 1, budgetMs: 0 } }));
    expect(later.engineWarm).toBe(true);
  });

  it('finishes the warm-up on request, and later runs say they ran warm', async () => {
    const warmUp = new BackgroundWarmUp({ queries: 200, sliceMs: 2 });
    const engine = new PlaygroundEngine(deps(), { warmUp });
    await call(engine, 'prepare', { dataset: 'library' });
    expect(await call(engine, 'warmUp', { dataset: 'library' })).toEqual({ queries: 200, warm: true });
    expect(
      (await call(engine, 'run', runArgs({ repetitions: { min: 1, max: 1, budgetMs: 0 } }))).engineWarm,
    ).toBe(true);
  });

  it('explains one statement of a run from the log, in the same data state', async () => {
    const engine = new PlaygroundEngine(deps());
    const { repetitions: _, ...args } = runArgs({ variant: 'bad' });
    const report = await call(engine, 'explain', { ...args, statement: 2 });
    expect(report.sql).toMatch(/from "authors" where "id" = \$1/);
    expect(report.params).toHaveLength(1);
    const plan = report.plan as {
      Plan: { 'Node Type': string; 'Relation Name'?: string; 'Actual Rows': number };
    };
    expect(plan.Plan['Relation Name']).toBe('authors');
    expect(plan.Plan['Actual Rows']).toBe(1);
    await expect(call(engine, 'explain', { ...args, statement: 99 })).rejects.toThrow(/fewer than 100/);
  });

  it('runs a load simulation once, with no warm-up, and carries its summary', async () => {
    const source = `export default async ({ clock, request }) => { await clock.sleep(request.route === 'slow' ? 1000 : 10); }`;
    const engine = new PlaygroundEngine(deps());
    const report = await call(
      engine,
      'run',
      runArgs({
        source: await variantToJavaScript(source),
        n: 50,
        load: {
          workers: 2,
          arrivalsPerSecond: 20,
          requestTimeoutMs: 5_000,
          routes: [
            { name: 'slow', share: 1 },
            { name: 'fast', share: 3 },
          ],
        },
      }),
    );
    expect(report.repetitions).toHaveLength(1);
    expect(report.load?.summary.requests).toBe(50);
    expect(report.load?.records).toHaveLength(50);
  });

  it('reports the recorder and sandbox costs for the bench', async () => {
    const engine = new PlaygroundEngine(deps());
    const figures = await call(engine, 'measure', { dataset: 'library', queries: 20 });
    for (const value of Object.values(figures)) expect(value).toBeGreaterThan(0);
  });
});

describe('serveEngine', () => {
  function endpoint() {
    const sent: EngineMessage[] = [];
    let listener: ((event: MessageEvent<EngineCall>) => void) | undefined;
    return {
      sent,
      deliver: (data: unknown) => listener!({ data } as MessageEvent<EngineCall>),
      endpoint: {
        postMessage: (message: EngineMessage) => sent.push(message),
        addEventListener: (_: 'message', handler: (event: MessageEvent<EngineCall>) => void) =>
          (listener = handler),
      },
    };
  }

  it('answers started then done for a call, and failed as data for an unknown method or a failure', async () => {
    const fake = endpoint();
    serveEngine(new PlaygroundEngine(deps()), fake.endpoint);
    fake.deliver({ id: 1, method: 'prepare', args: { dataset: 'library' } });
    fake.deliver({ id: 2, method: 'drop', args: {} });
    fake.deliver({ id: 3, method: 'prepare', args: { dataset: 'no-such' } });
    for (
      let i = 0;
      i < 2000 && fake.sent.filter((m) => m.type === 'done' || m.type === 'failed').length < 3;
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(fake.sent.map((m) => `${m.id}:${m.type}`)).toEqual([
      '1:started',
      '2:failed',
      '1:done',
      '3:started',
      '3:failed',
    ]);
    expect(fake.sent[1]).toMatchObject({ error: { message: 'Unknown engine method "drop"' } });
  });
});
