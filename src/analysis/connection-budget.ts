/**
 * The connection arithmetic of the pooling page: how many PostgreSQL connections a deployment
 * opens, against how many the server accepts. Pure: the page's calculator
 * (`<rt-connection-calculator>`) runs it on every input, and the build runs it once for the
 * defaults, so the page reads the same without JavaScript.
 */
import { formatInteger } from './format-figures.ts';

export interface ConnectionBudgetInput {
  /** Application servers, containers or pods running the app. */
  instances: number;
  /** Processes per instance (gunicorn or uWSGI workers, Celery worker children). */
  workersPerInstance: number;
  /** Threads per process that may use the database at the same time. */
  threadsPerWorker: number;
  /**
   * Connections each process keeps in its own pool (Django's `OPTIONS["pool"]`), or 0 for no
   * pool: then every thread holds a connection of its own (persistent with `CONN_MAX_AGE`).
   */
  poolSizePerWorker: number;
  /** The server's `max_connections` (PostgreSQL's default is 100). */
  maxConnections: number;
  /** Slots kept back for superusers and other clients (`superuser_reserved_connections` is 3 by default). */
  reservedConnections: number;
}

export type BudgetState = 'fits' | 'tight' | 'over';

export interface ConnectionBudget {
  /** Connections one process opens at most. */
  perWorker: number;
  /** Connections the whole deployment opens at most: instances × workers × per process. */
  needed: number;
  /** What the app may use: max_connections minus the reserved slots. */
  available: number;
  /** Available minus needed (negative when over). */
  headroom: number;
  /** Needed as a share of available (1 = every slot). */
  share: number;
  /** During a rolling deploy that starts every new instance before stopping an old one. */
  neededDuringDeploy: number;
  /** Threads that can find every connection of their process taken, per process (pool smaller than threads). */
  threadsWaitingPerWorker: number;
  /**
   * over: some connections are refused; tight: it fits, but with 80% of the slots or more in
   * use, or not during a rolling deploy; fits: otherwise.
   */
  state: BudgetState;
  /** How many connections the server refuses when every process opens all of its own (0 when it fits). */
  refused: number;
}

/** Above this share of the available slots, a deploy or a burst can reach the limit. */
export const TIGHT_SHARE = 0.8;

export const DEFAULT_BUDGET_INPUT: Readonly<ConnectionBudgetInput> = {
  instances: 4,
  workersPerInstance: 4,
  threadsPerWorker: 4,
  poolSizePerWorker: 0,
  maxConnections: 100,
  reservedConnections: 3,
};

/** The limits each input accepts; the calculator's inputs carry the same min and max. */
export const BUDGET_INPUT_LIMITS: Readonly<
  Record<keyof ConnectionBudgetInput, { min: number; max: number }>
> = {
  instances: { min: 1, max: 1000 },
  workersPerInstance: { min: 1, max: 256 },
  threadsPerWorker: { min: 1, max: 256 },
  poolSizePerWorker: { min: 0, max: 256 },
  maxConnections: { min: 1, max: 100_000 },
  reservedConnections: { min: 0, max: 100_000 },
};

export interface BudgetInputProblem {
  /** The input at fault, when one input is. */
  field?: keyof ConnectionBudgetInput;
  message: string;
}

/** Why the inputs are unusable, or undefined when each is a whole number within its limits. */
export function budgetInputProblem(input: ConnectionBudgetInput): BudgetInputProblem | undefined {
  for (const [name, { min, max }] of Object.entries(BUDGET_INPUT_LIMITS)) {
    const field = name as keyof ConnectionBudgetInput;
    const value = input[field];
    if (!Number.isInteger(value) || value < min || value > max) {
      return { field, message: `a whole number from ${formatInteger(min)} to ${formatInteger(max)}` };
    }
  }
  if (input.reservedConnections >= input.maxConnections) {
    return { field: 'reservedConnections', message: 'fewer than max_connections' };
  }
  return undefined;
}

export function connectionBudget(input: ConnectionBudgetInput): ConnectionBudget {
  const problem = budgetInputProblem(input);
  if (problem) throw new RangeError(`${problem.field}: ${problem.message}`);
  // Without a pool each thread opens its own connection (Django's connections are per thread);
  // with one, the process never holds more than the pool's size, and the threads share them.
  const perWorker = input.poolSizePerWorker === 0 ? input.threadsPerWorker : input.poolSizePerWorker;
  const needed = input.instances * input.workersPerInstance * perWorker;
  const available = input.maxConnections - input.reservedConnections;
  const share = needed / available;
  return {
    perWorker,
    needed,
    available,
    headroom: available - needed,
    share,
    neededDuringDeploy: needed * 2,
    threadsWaitingPerWorker:
      input.poolSizePerWorker === 0 ? 0 : Math.max(0, input.threadsPerWorker - input.poolSizePerWorker),
    state: needed > available ? 'over' : share >= TIGHT_SHARE || needed * 2 > available ? 'tight' : 'fits',
    refused: Math.max(0, needed - available),
  };
}

export interface BudgetRow {
  label: string;
  value: string;
}

/** What the calculator shows, as text: the same rows at build time and in the browser. */
export function budgetReport(input: ConnectionBudgetInput): { rows: BudgetRow[]; verdict: string } {
  const budget = connectionBudget(input);
  const count = (value: number) => formatInteger(value);
  const perWorker =
    input.poolSizePerWorker === 0
      ? `${count(budget.perWorker)} (one per thread)`
      : `${count(budget.perWorker)} (the pool's size)`;
  const rows: BudgetRow[] = [
    { label: 'Connections per process', value: perWorker },
    {
      label: 'Connections the app opens at most',
      value: `${count(input.instances)} × ${count(input.workersPerInstance)} × ${count(budget.perWorker)} = ${count(budget.needed)}`,
    },
    {
      label: 'Slots the app may use',
      value: `${count(input.maxConnections)} − ${count(input.reservedConnections)} = ${count(budget.available)}`,
    },
    { label: 'Share of the slots in use', value: `${Math.round(budget.share * 100)}%` },
    { label: 'During a rolling deploy (old and new instances)', value: count(budget.neededDuringDeploy) },
  ];
  const deploy =
    budget.neededDuringDeploy > budget.available
      ? ` A rolling deploy that starts the new instances before stopping the old ones needs ${count(budget.neededDuringDeploy)}, and is refused connections.`
      : '';
  const waiting =
    budget.threadsWaitingPerWorker > 0
      ? ` Each process has more threads than pooled connections: when all ${count(budget.perWorker)} are taken, up to ${count(budget.threadsWaitingPerWorker)} threads wait for one (psycopg_pool waits 30 seconds by default, then raises PoolTimeout).`
      : '';
  const little =
    budget.share >= TIGHT_SHARE
      ? ' That is little: a burst, a migration or a console session can take the rest.'
      : '';
  const verdict =
    budget.state === 'over'
      ? `Over the limit by ${count(budget.refused)}: once ${count(budget.available)} connections are open, PostgreSQL refuses the next with "sorry, too many clients already", and those requests fail.${waiting}`
      : `Fits, with ${count(budget.headroom)} slots to spare.${little}${deploy}${waiting}`;
  return { rows, verdict };
}
