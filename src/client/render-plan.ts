import { formatMs } from '../analysis/format-figures.ts';
import type { PlanNode, PlanTree } from '../playground/plan-tree.ts';
import { h } from './dom.ts';

/** A plan as a nested list: each node with its rows and time, the facts that matter marked. */
export function renderPlan(tree: PlanTree, heading: string): HTMLElement {
  const timing = [
    tree.planningMs !== undefined ? `planning ${formatMs(tree.planningMs)}` : '',
    tree.executionMs !== undefined ? `execution ${formatMs(tree.executionMs)}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return h(
    'div',
    { class: 'plan' },
    h('p', { class: 'plan-title' }, heading, timing ? ` (${timing}, measured)` : ''),
    h('ul', { class: 'plan-tree' }, renderNode(tree.root)),
  );
}

function renderNode(node: PlanNode): HTMLLIElement {
  const rows =
    node.loops > 1
      ? `${node.actualRows.toLocaleString('en')} rows × ${node.loops.toLocaleString('en')} loops`
      : `${node.actualRows.toLocaleString('en')} rows`;
  return h(
    'li',
    { class: node.flags.length > 0 ? 'plan-node flagged' : 'plan-node' },
    h(
      'p',
      { class: 'plan-node-head' },
      h('strong', {}, node.type),
      node.target ? ` ${node.target}` : '',
      h(
        'span',
        { class: 'plan-node-figures' },
        ` · ${rows} (estimated ${node.estimatedRows.toLocaleString('en')}) · ${formatMs(node.totalMs)}`,
      ),
    ),
    ...node.flags.map((flag) => h('p', { class: 'plan-flag', 'data-flag': flag.id }, `⚑ ${flag.text}`)),
    node.details.length > 0 ? h('p', { class: 'plan-details' }, node.details.join(' · ')) : null,
    node.children.length > 0 ? h('ul', {}, ...node.children.map(renderNode)) : null,
  );
}
