/**
 * `content/checklist-ledger.yaml`: every checklist item id ever published. Ids are URLs that pull
 * requests link to (`/c/<id>/`), so an id never disappears: an item that is removed or split stays
 * here with `retired: true` and `replacedBy`, and its short URL redirects to the replacement.
 */
import { z } from 'astro/zod';
import { kebabId } from '../content/guideline-schema.ts';
import { parseYamlSource } from '../content/yaml-source.ts';
import type { ChecklistGroup } from './checklist-schema.ts';

export const ledgerEntrySchema = z
  .object({
    id: kebabId,
    retired: z.boolean().default(false),
    /** The item that took over a retired id; it may itself be retired, as long as the chain ends. */
    replacedBy: kebabId.optional(),
  })
  .strict()
  .refine((entry) => entry.retired === (entry.replacedBy !== undefined), {
    message: 'a retired id names the item that replaced it (replacedBy), and only a retired id does',
  });

export const ledgerSchema = z.array(ledgerEntrySchema).superRefine((entries, context) => {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id))
      context.addIssue({ code: 'custom', message: `"${entry.id}" is in the ledger twice` });
    seen.add(entry.id);
  }
});

export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/** The ledger from the text of `content/checklist-ledger.yaml`, validated. */
export const parseLedger = (source: string): LedgerEntry[] =>
  parseYamlSource(ledgerSchema, source, 'content/checklist-ledger.yaml');

/** One `/c/<id>/` page: the id in the URL and the current item it lands on. */
export interface ShortLink {
  readonly id: string;
  readonly target: string;
  readonly retired: boolean;
}

const currentIdsOf = (groups: readonly ChecklistGroup[]) =>
  new Set(groups.flatMap((group) => group.items.map((item) => item.id)));

/**
 * The current item an id lands on: itself while it is in the checklist, else the end of its
 * `replacedBy` chain. Undefined when the chain breaks or loops, or the id was never published.
 */
export function resolveLedgerId(
  ledger: readonly LedgerEntry[],
  groups: readonly ChecklistGroup[],
  id: string,
): string | undefined {
  const current = currentIdsOf(groups);
  const byId = new Map(ledger.map((entry) => [entry.id, entry]));
  const visited = new Set<string>();
  let at: string | undefined = id;
  while (at !== undefined && !visited.has(at)) {
    visited.add(at);
    const entry = byId.get(at);
    if (entry?.retired) at = entry.replacedBy;
    else return current.has(at) ? at : undefined;
  }
  return undefined;
}

/** Every disagreement between the ledger and the checklist, as sentences; empty when they agree. */
export function ledgerProblems(ledger: readonly LedgerEntry[], groups: readonly ChecklistGroup[]): string[] {
  const current = currentIdsOf(groups);
  const inLedger = new Set(ledger.map((entry) => entry.id));
  const problems: string[] = [];
  for (const entry of ledger) {
    if (entry.retired) {
      if (current.has(entry.id)) {
        problems.push(`"${entry.id}" is retired in the ledger but still in content/checklist.yaml.`);
      } else if (!resolveLedgerId(ledger, groups, entry.id)) {
        problems.push(
          `"${entry.id}" is retired, but its replacedBy chain does not end at an item of the checklist.`,
        );
      }
    } else if (!current.has(entry.id)) {
      problems.push(
        `"${entry.id}" is in content/checklist-ledger.yaml but missing from content/checklist.yaml. ` +
          'Ids are permanent links: put the item back, or mark it retired: true with replacedBy: <id>.',
      );
    }
  }
  for (const id of current) {
    if (!inLedger.has(id)) {
      problems.push(
        `"${id}" is in content/checklist.yaml but not in content/checklist-ledger.yaml: add it there.`,
      );
    }
  }
  return problems;
}

/** The short URLs to publish, one per ledger id. Throws, naming each problem, when the ledger and checklist disagree. */
export function shortLinks(ledger: readonly LedgerEntry[], groups: readonly ChecklistGroup[]): ShortLink[] {
  const problems = ledgerProblems(ledger, groups);
  if (problems.length > 0) throw new Error(`Checklist ledger:\n- ${problems.join('\n- ')}`);
  return ledger.map((entry) => ({
    id: entry.id,
    target: resolveLedgerId(ledger, groups, entry.id)!,
    retired: entry.retired,
  }));
}

/** Retired id → the current item that replaced it, for old `#anchors` on the checklist page. */
export function retiredTargets(
  ledger: readonly LedgerEntry[],
  groups: readonly ChecklistGroup[],
): Record<string, string> {
  return Object.fromEntries(
    ledger.flatMap((entry) => {
      const target = entry.retired ? resolveLedgerId(ledger, groups, entry.id) : undefined;
      return target ? [[entry.id, target]] : [];
    }),
  );
}
