/**
 * The Node twin of the content loaders: reads a file of content/ from disk and hands its text to
 * the same pure parse function the site uses (the site imports the text with `?raw` instead).
 * For scripts, tests, Playwright specs and astro.config.mjs.
 */
import { readFileSync } from 'node:fs';
import { parseChecklist, type ChecklistGroup } from '../checklist/checklist-schema.ts';
import { parseLedger, type LedgerEntry } from '../checklist/checklist-ledger.ts';
import { parseGuidelineSlugs, type GuidelineSlugs } from './guideline-slugs.ts';

/** The repository root; pass another (a fixture folder, or the config's own URL) to read elsewhere. */
export const defaultRoot = new URL('../../', import.meta.url);

const read = (root: URL, file: string) => readFileSync(new URL(file, root), 'utf8');

/** `content/checklist.yaml`, validated, groups in their declared order. */
export const readChecklist = (root: URL = defaultRoot): ChecklistGroup[] =>
  parseChecklist(read(root, 'content/checklist.yaml'));

/** `content/checklist-ledger.yaml`, validated. */
export const readLedger = (root: URL = defaultRoot): LedgerEntry[] =>
  parseLedger(read(root, 'content/checklist-ledger.yaml'));

/** `content/guideline-slugs.yaml`, validated. */
export const readGuidelineSlugs = (root: URL = defaultRoot): GuidelineSlugs =>
  parseGuidelineSlugs(read(root, 'content/guideline-slugs.yaml'));
