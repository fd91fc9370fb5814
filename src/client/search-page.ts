/**
 * The search page: reads `?q=`, asks Pagefind's index (built after `astro build`) and lists
 * the hits. Only this page loads search code; guideline pages stay free of it.
 */
import { h } from './dom.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

export async function runSearchPage(): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('#search-page-input');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  if (!input || !status || !list) return;

  const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  input.value = query;
  if (!query) {
    status.textContent = 'Type a word to search every guideline.';
    return;
  }

  status.textContent = 'Searching…';
  let pagefind: Pagefind;
  try {
    const url = `${import.meta.env.BASE_URL}pagefind/pagefind.js`;
    pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  } catch {
    status.textContent = 'The search index is not available. It is built by `npm run build`.';
    return;
  }
  const search = await pagefind.search(query);
  const hits = await Promise.all(search.results.slice(0, 20).map((result) => result.data()));
  list.replaceChildren(...hits.map(renderHit));
  status.textContent =
    hits.length === 0
      ? `No guideline mentions “${query}”.`
      : `${hits.length} ${hits.length === 1 ? 'page' : 'pages'} for “${query}”.`;
}

function renderHit(hit: PagefindResultData): HTMLLIElement {
  const excerpt = h('p');
  // Pagefind's excerpt is escaped text with <mark> around the hits.
  excerpt.innerHTML = hit.excerpt;
  return h('li', {}, h('a', { href: hit.url }, hit.meta.title ?? hit.url), excerpt);
}
