/**
 * The example of the first `<Playground example="…" />` in a guideline's MDX, the one a reader
 * arriving on the page meets first; undefined for a page without a playground.
 *
 * @example
 * firstPlaygroundExample('Text\n\n<Playground example="books-with-tags" />'); // 'books-with-tags'
 */
export function firstPlaygroundExample(mdx: string): string | undefined {
  return /<Playground\s+example=["']([^"']+)["']/.exec(mdx)?.[1];
}
