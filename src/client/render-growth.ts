import {
  growthGeometry,
  growthTable,
  type GrowthMetric,
  type GrowthSeries,
} from '../playground/growth-chart.ts';
import { h, scrollingTable } from './dom.ts';
import { s } from './svg.ts';

const SIZE = { width: 420, height: 240 };

/**
 * "Round trips against n" and "median time against n", drawn as SVG with the claimed formulas as
 * dashed lines, followed by a table with the same numbers. Colours come from CSS variables, so the
 * charts follow the theme; the table is what a screen reader reads (the SVGs are labelled images).
 */
export function renderGrowth(
  series: readonly GrowthSeries[],
  variantOrder: readonly string[],
  caption: string,
): HTMLElement {
  const chart = (metric: GrowthMetric, title: string) => {
    const geometry = growthGeometry(series, metric, SIZE);
    const { plot } = geometry;
    const svg = s(
      'svg',
      {
        viewBox: `0 0 ${SIZE.width} ${SIZE.height}`,
        role: 'img',
        'aria-label': `${title}; the table below gives the values`,
        class: 'growth-svg',
      },
      ...geometry.yTicks.map((tick) =>
        s(
          'g',
          { class: 'tick' },
          s('line', { x1: plot.left, x2: plot.right, y1: tick.y, y2: tick.y }),
          s('text', { x: plot.left - 6, y: tick.y + 4, 'text-anchor': 'end' }, tick.label),
        ),
      ),
      ...geometry.xTicks.map((tick) =>
        s('text', { class: 'tick', x: tick.x, y: plot.bottom + 16, 'text-anchor': 'middle' }, tick.label),
      ),
      s(
        'text',
        { class: 'axis-title', x: (plot.left + plot.right) / 2, y: SIZE.height - 4, 'text-anchor': 'middle' },
        geometry.xTitle,
      ),
      ...geometry.series.flatMap((line) => {
        const index = variantOrder.indexOf(line.variantId);
        return [
          line.claimPath
            ? s('path', { class: 'claim-line', d: line.claimPath, 'data-variant-index': index })
            : null,
          s('path', { class: 'measured-line', d: line.path, 'data-variant-index': index }),
          ...line.points.map((point) =>
            s(
              'circle',
              {
                class: point.offClaim ? 'point off-claim' : 'point',
                cx: point.x,
                cy: point.y,
                r: point.offClaim ? 5 : 3.5,
                'data-variant-index': index,
                'data-n': point.n,
                'data-value': point.value,
              },
              s(
                'title',
                {},
                `${line.label}, n = ${point.n}: ${point.value}${point.offClaim ? ' (not what the formula says)' : ''}`,
              ),
            ),
          ),
        ];
      }),
    );
    return h(
      'figure',
      { class: 'growth-chart', 'data-metric': metric },
      h('figcaption', {}, title, ' ', h('span', { class: 'qualifier qualifier-measured' }, 'measured')),
      svg,
    );
  };
  const table = growthTable(series);
  return h(
    'div',
    { class: 'growth' },
    h('h4', { class: 'growth-title' }, 'Growth with n'),
    h(
      'ul',
      { class: 'growth-legend' },
      ...series.map((line) =>
        h(
          'li',
          { 'data-variant-index': String(variantOrder.indexOf(line.variantId)) },
          h('span', { class: 'legend-swatch', 'aria-hidden': 'true' }),
          line.label,
        ),
      ),
      h(
        'li',
        { class: 'legend-claim' },
        h('span', { class: 'legend-dash', 'aria-hidden': 'true' }),
        'dashed: the claimed formula',
      ),
    ),
    h(
      'div',
      { class: 'growth-charts' },
      chart('roundTrips', 'Round trips against n'),
      chart('medianMs', 'Median database time against n'),
    ),
    scrollingTable(
      h(
        'table',
        { class: 'growth-table' },
        h('caption', {}, caption),
        h('thead', {}, h('tr', {}, ...table.headers.map((text) => h('th', { scope: 'col' }, text)))),
        h(
          'tbody',
          {},
          ...table.rows.map((row) =>
            h(
              'tr',
              {},
              ...row.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell))),
            ),
          ),
        ),
      ),
      caption,
    ),
  );
}
