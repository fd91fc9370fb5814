import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

export const projectRoot = new URL('../../', import.meta.url);

/** Frontmatter of every guideline, by slug (the file name without .mdx). */
export function readGuidelineFrontmatter(): Map<string, unknown> {
  const dir = new URL('content/guidelines/', projectRoot);
  const pages = new Map<string, unknown>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.mdx'))) {
    pages.set(file.replace(/\.mdx$/, ''), frontmatterOf(readFileSync(new URL(file, dir), 'utf8')));
  }
  return pages;
}

export function frontmatterOf(source: string): unknown {
  const match = /^---\n([\s\S]*?)\n---/.exec(source);
  if (!match) throw new Error('no frontmatter block');
  return parseYaml(match[1]!);
}
