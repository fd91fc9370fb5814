type Child = Node | string | null | undefined | false;

/** Builds an element: `h('p', { class: 'x' }, 'text', child)`. Text is always set as text, never HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) element.append(child);
  }
  return element;
}

/**
 * A table in a box that scrolls when the table is wider or taller than the pane. The box is a
 * labelled group in the tab order (a group, not a region: two panes' tables
 * may share a name, and landmarks must not), so a keyboard user can scroll it too (axe:
 * scrollable-region-focusable); a table that fits costs one tab stop.
 */
export function scrollingTable(table: HTMLTableElement, label: string): HTMLDivElement {
  return h('div', { class: 'table-scroll', role: 'group', tabindex: '0', 'aria-label': label }, table);
}
