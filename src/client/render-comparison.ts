import type { Comparison } from '../playground/compare-variants.ts';
import { h } from './dom.ts';

/**
 * The comparison above the panes: one sentence per variant, then one small bar chart per figure.
 * Bars are HTML (a labelled meter-like row each), so they scale with the text and read well in
 * both themes and to screen readers: every bar carries its number as text.
 */
export function renderComparison(comparison: Comparison, variantOrder: readonly string[]): HTMLElement {
  return h(
    'div',
    { class: 'comparison' },
    h('h4', { class: 'comparison-title' }, 'The comparison at a glance'),
    ...comparison.sentences.map((sentence) => h('p', { class: 'comparison-sentence' }, sentence)),
    h(
      'div',
      { class: 'comparison-figures' },
      ...comparison.figures.map((figure) => {
        const max = Math.max(...figure.bars.map((bar) => bar.value), 0);
        return h(
          'figure',
          { class: 'comparison-figure', 'data-figure': figure.id },
          h(
            'figcaption',
            {},
            figure.title,
            ' ',
            h('span', { class: `qualifier qualifier-${figure.qualifier}` }, figure.qualifier),
          ),
          h(
            'ul',
            { class: 'bars' },
            ...figure.bars.map((bar) =>
              h(
                'li',
                { class: 'bar', 'data-variant-index': String(variantOrder.indexOf(bar.variantId)) },
                h('span', { class: 'bar-label' }, bar.label),
                h(
                  'span',
                  { class: 'bar-track', 'aria-hidden': 'true' },
                  h('span', {
                    class: 'bar-fill',
                    style: `width: ${max > 0 ? Math.max(0.5, (100 * bar.value) / max) : 0}%`,
                  }),
                ),
                h('span', { class: 'bar-value' }, bar.display),
              ),
            ),
          ),
        );
      }),
    ),
  );
}
