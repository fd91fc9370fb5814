/** One node of a query plan, with what matters about it marked. */
export interface PlanNode {
  type: string;
  /** `on books` / `using books_author_id_idx on books`, as EXPLAIN's text format says it. */
  target?: string;
  /** Rows it returned, per loop, and how many loops. */
  actualRows: number;
  loops: number;
  estimatedRows: number;
  /** Time of this node and its children, all loops (ms). */
  totalMs: number;
  /** Filter, index condition, sort key and such, as text. */
  details: string[];
  flags: PlanFlag[];
  children: PlanNode[];
}

export interface PlanFlag {
  id: 'seq-scan' | 'sort' | 'removed-by-filter' | 'many-loops';
  text: string;
}

export interface PlanTree {
  root: PlanNode;
  planningMs?: number;
  executionMs?: number;
}

/** A sequential scan that reads at least this many rows is worth a look. */
export const LARGE_SCAN_ROWS = 1_000;

/**
 * A readable plan from `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)`: the nodes as a tree, and on
 * each the facts that usually explain a slow query: a sequential scan over many rows, a sort, a
 * filter that throws most of what it reads away, a node that runs once per outer row.
 */
export function planTree(json: unknown): PlanTree {
  const top = (Array.isArray(json) ? json[0] : json) as Record<string, unknown> | undefined;
  const plan = top?.Plan as Record<string, unknown> | undefined;
  if (!plan) throw new Error('Not an EXPLAIN (FORMAT JSON) plan');
  return {
    root: nodeOf(plan),
    ...(typeof top!['Planning Time'] === 'number' ? { planningMs: top!['Planning Time'] as number } : {}),
    ...(typeof top!['Execution Time'] === 'number' ? { executionMs: top!['Execution Time'] as number } : {}),
  };
}

function nodeOf(plan: Record<string, unknown>): PlanNode {
  const number = (key: string) => (typeof plan[key] === 'number' ? (plan[key] as number) : 0);
  const text = (key: string) => (typeof plan[key] === 'string' ? (plan[key] as string) : undefined);
  const type = text('Node Type') ?? 'Unknown';
  const relation = text('Relation Name');
  const index = text('Index Name');
  const target =
    [index ? `using ${index}` : '', relation ? `on ${relation}` : ''].filter(Boolean).join(' ') || undefined;
  const actualRows = number('Actual Rows');
  const loops = Math.max(1, number('Actual Loops'));
  const removed = number('Rows Removed by Filter') + number('Rows Removed by Index Recheck');
  const details = [
    ['Index Cond', 'Index condition'],
    ['Recheck Cond', 'Recheck'],
    ['Filter', 'Filter'],
    ['Hash Cond', 'Hash condition'],
    ['Merge Cond', 'Merge condition'],
    ['Join Filter', 'Join filter'],
    ['Sort Method', 'Sort method'],
  ].flatMap(([key, label]) => (text(key!) ? [`${label}: ${text(key!)}`] : []));
  const sortKey = plan['Sort Key'];
  if (Array.isArray(sortKey)) details.push(`Sort key: ${sortKey.join(', ')}`);
  if (removed > 0) details.push(`Rows removed by filter: ${(removed * loops).toLocaleString('en')}`);

  const flags: PlanFlag[] = [];
  const read = (actualRows + removed) * loops;
  if (type === 'Seq Scan' && read >= LARGE_SCAN_ROWS) {
    flags.push({
      id: 'seq-scan',
      text: `Reads every row of ${relation ?? 'the table'}: ${read.toLocaleString('en')} rows`,
    });
  }
  if (type === 'Sort' || type === 'Incremental Sort') {
    const disk = text('Sort Space Type') === 'Disk' ? ', spilling to disk' : '';
    flags.push({ id: 'sort', text: `Sorts ${(actualRows * loops).toLocaleString('en')} rows${disk}` });
  }
  if (removed > 0 && removed * loops >= 100 && removed >= 10 * actualRows) {
    flags.push({
      id: 'removed-by-filter',
      text: `Throws away ${(removed * loops).toLocaleString('en')} of ${read.toLocaleString('en')} rows it read`,
    });
  }
  if (loops > 1 && actualRows * loops >= LARGE_SCAN_ROWS) {
    flags.push({
      id: 'many-loops',
      text: `Runs ${loops.toLocaleString('en')} times, ${(actualRows * loops).toLocaleString('en')} rows in all`,
    });
  }
  const children = Array.isArray(plan.Plans) ? (plan.Plans as Record<string, unknown>[]).map(nodeOf) : [];
  return {
    type,
    ...(target ? { target } : {}),
    actualRows,
    loops,
    estimatedRows: number('Plan Rows'),
    totalMs: number('Actual Total Time') * loops,
    details,
    flags,
    children,
  };
}

/** Whether a logged statement can be explained on request: a query, or a write the sandbox undoes. */
export function isExplainable(sql: string): boolean {
  return /^\s*(?:\/\*[\s\S]*?\*\/\s*|--[^\n]*\n\s*)*(select|with|insert|update|delete|values|table)\b/i.test(
    sql,
  );
}
