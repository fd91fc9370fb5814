import { describe, expect, it } from 'vitest';
import {
  budgetInputProblem,
  budgetReport,
  connectionBudget,
  DEFAULT_BUDGET_INPUT,
  type ConnectionBudgetInput,
} from '../../src/analysis/connection-budget.ts';

const input = (changes: Partial<ConnectionBudgetInput> = {}): ConnectionBudgetInput => ({
  ...DEFAULT_BUDGET_INPUT,
  ...changes,
});

describe('connectionBudget', () => {
  it('without a pool, every thread of every process of every instance holds a connection', () => {
    const budget = connectionBudget(
      input({ instances: 3, workersPerInstance: 5, threadsPerWorker: 2, poolSizePerWorker: 0 }),
    );
    expect(budget.perWorker).toBe(2);
    expect(budget.needed).toBe(30);
    expect(budget.threadsWaitingPerWorker).toBe(0);
  });

  it("with a pool, a process holds at most the pool's size, whatever its threads", () => {
    const budget = connectionBudget(
      input({ instances: 3, workersPerInstance: 5, threadsPerWorker: 8, poolSizePerWorker: 2 }),
    );
    expect(budget.perWorker).toBe(2);
    expect(budget.needed).toBe(30);
    // Six of the eight threads can find both connections taken and wait.
    expect(budget.threadsWaitingPerWorker).toBe(6);
    // A pool larger than the threads is still opened in full (min_size = max_size by default).
    expect(
      connectionBudget(input({ threadsPerWorker: 1, poolSizePerWorker: 4 })).threadsWaitingPerWorker,
    ).toBe(0);
  });

  it('compares with max_connections minus the reserved slots', () => {
    const fits = connectionBudget(input({ instances: 2, workersPerInstance: 4, threadsPerWorker: 4 }));
    expect(fits).toMatchObject({ needed: 32, available: 97, headroom: 65, state: 'fits', refused: 0 });

    // 80% of the available slots or more is tight, not yet over.
    const tight = connectionBudget(input({ instances: 6, workersPerInstance: 4, threadsPerWorker: 4 }));
    expect(tight).toMatchObject({ needed: 96, available: 97, headroom: 1, state: 'tight', refused: 0 });

    // Exactly every slot still fits; one more is refused.
    expect(
      connectionBudget(input({ instances: 97, workersPerInstance: 1, threadsPerWorker: 1 })),
    ).toMatchObject({ needed: 97, state: 'tight', refused: 0 });
    const over = connectionBudget(input({ instances: 98, workersPerInstance: 1, threadsPerWorker: 1 }));
    expect(over).toMatchObject({ needed: 98, headroom: -1, state: 'over', refused: 1 });
  });

  it('counts a rolling deploy as every instance twice, and calls it tight when that does not fit', () => {
    const budget = connectionBudget(input());
    expect(budget).toMatchObject({ needed: 64, neededDuringDeploy: 128, state: 'tight' });
    // 48 of 97 slots, 96 during a deploy: fits.
    expect(connectionBudget(input({ instances: 3 }))).toMatchObject({
      neededDuringDeploy: 96,
      state: 'fits',
    });
    expect(budgetReport(input({ instances: 9, workersPerInstance: 1, threadsPerWorker: 10 })).verdict).toBe(
      'Fits, with 7 slots to spare. That is little: a burst, a migration or a console session can take the rest. ' +
        'A rolling deploy that starts the new instances before stopping the old ones needs 180, and is refused connections.',
    );
  });

  it('refuses inputs that are not whole numbers within their limits', () => {
    expect(budgetInputProblem(input())).toBeUndefined();
    expect(budgetInputProblem(input({ instances: 0 }))).toEqual({
      field: 'instances',
      message: 'a whole number from 1 to 1,000',
    });
    expect(budgetInputProblem(input({ threadsPerWorker: 1.5 }))?.field).toBe('threadsPerWorker');
    expect(budgetInputProblem(input({ poolSizePerWorker: Number.NaN }))?.field).toBe('poolSizePerWorker');
    expect(budgetInputProblem(input({ maxConnections: 10, reservedConnections: 10 }))).toEqual({
      field: 'reservedConnections',
      message: 'fewer than max_connections',
    });
    expect(() => connectionBudget(input({ workersPerInstance: -1 }))).toThrow(RangeError);
  });
});

describe('budgetReport', () => {
  it('the defaults: 64 of 97 slots, and a rolling deploy that does not fit', () => {
    const { rows, verdict } = budgetReport(DEFAULT_BUDGET_INPUT);
    expect(rows.map((row) => row.value)).toEqual([
      '4 (one per thread)',
      '4 × 4 × 4 = 64',
      '100 − 3 = 97',
      '66%',
      '128',
    ]);
    expect(verdict).toBe(
      'Fits, with 33 slots to spare. A rolling deploy that starts the new instances before stopping the old ones needs 128, and is refused connections.',
    );
  });

  it('over the limit: says how many are refused and with which error', () => {
    const { verdict } = budgetReport(input({ instances: 10 }));
    expect(verdict).toMatch(/^Over the limit by 63: once 97 connections are open/);
    expect(verdict).toContain('sorry, too many clients already');
  });

  it('a pool smaller than the threads: says the threads wait', () => {
    const { rows, verdict } = budgetReport(input({ threadsPerWorker: 8, poolSizePerWorker: 2 }));
    expect(rows[0]!.value).toBe("2 (the pool's size)");
    expect(verdict).toContain('up to 6 threads wait for one');
  });
});
