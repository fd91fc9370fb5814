import { formatMs } from '../analysis/format-figures.ts';
import type { LoadRecord } from '../simulation/load-simulation.ts';
import { loadTimeline } from '../playground/load-timeline.ts';
import { h, scrollingTable } from './dom.ts';
import { s } from './svg.ts';

const SIZE = { width: 420, height: 150 };

/** A small timeline of a load run (busy workers over simulated time, failures marked) and its table. */
export function renderLoadTimeline(records: readonly LoadRecord[], workers: number): HTMLElement {
  const { rows } = loadTimeline(records, 30);
  const plot = { left: 36, right: SIZE.width - 8, top: 8, bottom: SIZE.height - 28 };
  const width = (plot.right - plot.left) / Math.max(rows.length, 1);
  const y = (busy: number) => plot.bottom - (busy / workers) * (plot.bottom - plot.top);
  const svg = s(
    'svg',
    {
      viewBox: `0 0 ${SIZE.width} ${SIZE.height}`,
      role: 'img',
      'aria-label': 'Busy workers over simulated time; the table below gives the values',
      class: 'load-svg',
    },
    s('line', { class: 'tick', x1: plot.left, x2: plot.right, y1: y(workers), y2: y(workers) }),
    s('text', { class: 'tick', x: plot.left - 4, y: y(workers) + 4, 'text-anchor': 'end' }, String(workers)),
    s('text', { class: 'tick', x: plot.left - 4, y: plot.bottom + 4, 'text-anchor': 'end' }, '0'),
    ...rows.map((row, i) =>
      s('rect', {
        class: 'busy-bar',
        x: plot.left + i * width + 1,
        width: Math.max(1, width - 2),
        y: y(row.busyWorkers),
        height: plot.bottom - y(row.busyWorkers),
      }),
    ),
    ...rows.flatMap((row, i) =>
      row.failed + row.timedOut > 0
        ? [
            s('rect', {
              class: 'failure-mark',
              x: plot.left + i * width + 1,
              width: Math.max(1, width - 2),
              y: plot.bottom + 3,
              height: 5,
            }),
          ]
        : [],
    ),
    s(
      'text',
      { class: 'axis-title', x: (plot.left + plot.right) / 2, y: SIZE.height - 4, 'text-anchor': 'middle' },
      `simulated time, 0 to ${formatMs(rows.at(-1)?.toMs ?? 0)}; red marks: failures`,
    ),
  );
  const table = h(
    'table',
    {},
    h('caption', {}, 'Load over time, in slices of simulated time'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['From', 'Arrived', 'Answered', 'Failed', 'Timed out', 'Busy workers'].map((text) =>
          h('th', { scope: 'col' }, text),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, formatMs(row.fromMs)),
          h('td', {}, String(row.arrived)),
          h('td', {}, String(row.ok)),
          h('td', {}, String(row.failed)),
          h('td', {}, String(row.timedOut)),
          h('td', {}, (Math.round(row.busyWorkers * 10) / 10).toString()),
        ),
      ),
    ),
  );
  const details = h(
    'details',
    { class: 'load-table' },
    h('summary', {}, 'Load over time as a table'),
    scrollingTable(table, 'Load over time'),
  );
  return h(
    'figure',
    { class: 'load-timeline' },
    h(
      'figcaption',
      {},
      `Workers busy over time (of ${workers}) `,
      h('span', { class: 'qualifier qualifier-simulated' }, 'simulated'),
    ),
    svg,
    details,
  );
}
