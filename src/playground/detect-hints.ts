import { groupQueries } from '../analysis/group-queries.ts';
import { isSqlEntry, type LogEntry } from '../analysis/log-entry.ts';
import type { VariantError } from '../analysis/variant-error.ts';

export type HintId =
  | 'n-plus-one-by-id'
  | 'n-plus-one-by-parent'
  | 'query-per-item'
  | 'row-by-row-writes'
  | 'row-by-row-changes'
  | 'deep-offset'
  | 'parameter-limit'
  | 'one-heavy-statement'
  | 'calls-per-item';

/** A pattern the log shows, and the guideline heading that fixes it. */
export interface Hint {
  id: HintId;
  text: string;
  page: string;
  heading: string;
}

/** Where each hint points. One table, so a test can check every target exists. */
export const HINT_TARGETS: Record<HintId, { page: string; heading: string }> = {
  'n-plus-one-by-id': { page: 'n-plus-one-foreign-keys', heading: 'the-fix-one-query-with-a-join' },
  'n-plus-one-by-parent': { page: 'prefetch-related-rows', heading: 'the-fix-one-query-per-relation' },
  'query-per-item': { page: 'dont-loop-the-database', heading: 'the-fix-one-query-with-in' },
  'row-by-row-writes': { page: 'bulk-inserts', heading: 'the-fix-insert-the-rows-together' },
  'row-by-row-changes': {
    page: 'bulk-updates-and-deletes',
    heading: 'the-fix-one-update-for-rows-that-change-the-same-way',
  },
  'deep-offset': { page: 'pagination', heading: 'the-fix-slice-the-query-and-cap-the-page-size' },
  'parameter-limit': { page: 'bulk-inserts', heading: 'postgresqls-limit-of-65535-parameters' },
  'one-heavy-statement': { page: 'fetch-only-what-you-need', heading: 'asking-django-for-less' },
  'calls-per-item': {
    page: 'batch-and-defer-external-calls',
    heading: 'the-fix-one-bulk-call-instead-of-one-per-row',
  },
};

/** A group this large of the same statement shape is a loop around the database. */
export const REPEAT_THRESHOLD = 10;
/** An OFFSET this deep makes the database read and throw away that many rows first. */
export const DEEP_OFFSET = 1_000;
/** One statement carrying this share of all bytes, and at least this much, stands out. */
export const HEAVY_SHARE = 0.8;
export const HEAVY_BYTES = 50 * 1024;

/**
 * The patterns a run's log shows that a guideline fixes. Pure rules over the log, so the variant
 * that is already the fix gets no hint unless it really shows the pattern.
 */
export function detectHints(log: readonly LogEntry[], error?: VariantError): Hint[] {
  const hints: Hint[] = [];
  const add = (id: HintId, text: string) => {
    if (!hints.some((hint) => hint.id === id)) hints.push({ id, text, ...HINT_TARGETS[id] });
  };
  const request = log.filter((entry) => entry.origin === undefined);

  for (const group of groupQueries(request)) {
    if (group.count < REPEAT_THRESHOLD) continue;
    if (group.kind === 'query') {
      const sql = group.sql.replace(/\s+/g, ' ').toLowerCase();
      if (/^\s*select\b/.test(sql)) {
        const filter = /\bwhere\s+(?:"?\w+"?\.)?"?(\w+)"?\s*(?:=|in)\s*\(?\$1\b/.exec(sql)?.[1];
        if (filter === 'id') {
          add(
            'n-plus-one-by-id',
            `The same SELECT by id ran ${group.count} times: one query per row to follow a foreign key (N+1).`,
          );
        } else if (filter?.endsWith('_id')) {
          add(
            'n-plus-one-by-parent',
            `The same SELECT by ${filter} ran ${group.count} times: one query per parent row for a related list (N+1).`,
          );
        } else {
          add(
            'query-per-item',
            `The same SELECT ran ${group.count} times with different values: one query per item.`,
          );
        }
      } else if (/^\s*(insert|update|delete)\b/.test(sql)) {
        const verb = /^\s*(\w+)/.exec(sql)![1]!.toUpperCase();
        add(
          verb === 'INSERT' ? 'row-by-row-writes' : 'row-by-row-changes',
          `${group.count} single ${verb} statements of the same shape: rows written one at a time.`,
        );
      }
    } else if (group.kind === 'http') {
      add('calls-per-item', `The same outside call ran ${group.count} times: one call per item.`);
    }
  }

  for (const entry of request) {
    if (!isSqlEntry(entry)) continue;
    const offset = offsetOf(entry.sql, entry.params);
    if (offset !== undefined && offset >= DEEP_OFFSET) {
      add(
        'deep-offset',
        `A query skips ${offset.toLocaleString('en')} rows with OFFSET: the database reads them all to throw them away.`,
      );
    }
  }

  const sqlEntries = request.filter(isSqlEntry);
  const totalBytes = sqlEntries.reduce((sum, entry) => sum + entry.bytes, 0);
  const heaviest = sqlEntries.reduce<(typeof sqlEntries)[number] | undefined>(
    (best, entry) => (!best || entry.bytes > best.bytes ? entry : best),
    undefined,
  );
  if (
    heaviest &&
    sqlEntries.length > 1 &&
    heaviest.bytes >= HEAVY_BYTES &&
    heaviest.bytes >= HEAVY_SHARE * totalBytes
  ) {
    add(
      'one-heavy-statement',
      `One statement returned ${Math.round((100 * heaviest.bytes) / totalBytes)} % of all the data: check it reads only the columns it uses.`,
    );
  }

  if (error?.explanation?.includes('bind parameters')) {
    add(
      'parameter-limit',
      'A statement carried more bind parameters than PostgreSQL accepts: send it in batches.',
    );
  }
  return hints;
}

/** The OFFSET of a statement, whether written inline or passed as a parameter. */
function offsetOf(sql: string, params: readonly unknown[]): number | undefined {
  const match = /\boffset\s+(?:\$(\d+)|(\d+))/i.exec(sql);
  if (!match) return undefined;
  const value = match[1] ? params[Number(match[1]) - 1] : match[2];
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
