import type { LibraryContext } from '../../datasets/library/library-database.ts';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

// The EXISTS-style query (`qs.exists()`) under EXPLAIN (ANALYZE, FORMAT JSON), sent as
// one statement: it runs the query and returns the plan with what each step actually did.
export default async function plan({ db, n, sql }: LibraryContext) {
  const [explained] = await db
    .selectFrom('books')
    .select(sql<number>`1`.as('a'))
    .where('id', '<=', n)
    .where('price_cents', '<', 3000)
    .limit(1)
    .explain<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
      'json',
      sql`analyze, costs off, timing off, summary off`,
    );

  // Each step of the plan with the rows it returned; a table scan also says how many rows it
  // read, counting the ones its filter threw away.
  const steps: string[] = [];
  let rowsRead = 0;
  const visit = (node: PlanNode, depth: number) => {
    const returned = Math.round(node['Actual Rows'] * node['Actual Loops']);
    let step = `${'  '.repeat(depth)}${node['Node Type']}`;
    if (node['Relation Name']) {
      const read = returned + Math.round((node['Rows Removed by Filter'] ?? 0) * node['Actual Loops']);
      rowsRead += read;
      step += ` on ${node['Relation Name']}: read ${read},`;
    } else {
      step += ':';
    }
    steps.push(`${step} returned ${returned}`);
    for (const child of node.Plans ?? []) visit(child, depth + 1);
  };
  visit(explained!['QUERY PLAN'][0]!.Plan, 0);
  return { rowsRead, steps };
}
