/**
 * Share links in a playground: opening one (the code shown, marked as shared, never run until the
 * reader presses Run) and copying one. The codec and its checks are in src/playground/share-link.ts.
 */
import { DAMAGED_NOTICES, decodeShare, encodeShare, sharedExample } from '../playground/share-link.ts';
import { copyOrSelect } from './copy-text.ts';
import type { VariantEditors } from './variant-editors.ts';

export interface ShareTarget {
  root: HTMLElement;
  example: string;
  variantIds: readonly string[];
  editors: VariantEditors;
  status: HTMLElement;
}

/** Opens the page's share link when it is for this playground; leaves other fragments alone. */
export async function openShareLink(target: ShareTarget, fragment = location.hash): Promise<void> {
  if (sharedExample(fragment) !== target.example) return;
  const notice = target.root.querySelector<HTMLElement>('[data-share-notice]')!;
  const decoded = await decodeShare(fragment, target);
  if (decoded.status === 'none') return;
  if (decoded.status === 'ok') {
    target.editors.loadShared(decoded.variants);
    notice.textContent =
      'This playground shows code from a share link, not code written by this site. Nothing has run: read the code, then press Run to run it here, in your browser, with no network access. Reset to original brings back the site’s code.';
    notice.dataset.kind = 'shared';
  } else {
    notice.textContent = `${DAMAGED_NOTICES[decoded.why]} The original code is shown.`;
    notice.dataset.kind = 'damaged';
  }
  notice.hidden = false;
  target.root.scrollIntoView({ block: 'start' });
  notice.focus({ preventScroll: true });
}

/** Puts the edited variants into a link and copies it, or shows it for copying by hand. */
export async function copyShareLink(target: ShareTarget): Promise<void> {
  const fallback = target.root.querySelector<HTMLElement>('[data-share-fallback]')!;
  const field = fallback.querySelector<HTMLInputElement>('[data-share-link]')!;
  const variants = target.editors.allEdits();
  if (Object.keys(variants).length === 0) {
    target.status.textContent = 'Nothing to share: the link carries edited code, and no variant is edited.';
    return;
  }
  let url: string;
  try {
    const fragment = await encodeShare({ example: target.example, variants });
    url = `${location.origin}${location.pathname}#${fragment}`;
  } catch (error) {
    target.status.textContent = `No link was made: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  const what = 'the link carries your code in itself; nothing is uploaded.';
  const copied = await copyOrSelect(url, () => {
    field.value = url;
    fallback.hidden = false;
    field.focus();
    field.select();
  });
  if (copied) fallback.hidden = true;
  target.status.textContent = copied ? `Link copied: ${what}` : `The link is below, selected: ${what}`;
}
