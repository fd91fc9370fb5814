import { retiredTargets, type LedgerEntry } from './checklist-ledger.ts';
import type { ChecklistGroup } from './checklist-schema.ts';
import type { VerifierChecklist } from './checklist-verify.ts';
import { checklistUrl, orderedGroups } from './checklist-markdown.ts';

/**
 * What the verifier needs to know, from the checklist and its ledger: group and item ids and
 * texts, and where each retired id now leads. The downloadable verifier embeds exactly this.
 */
export function verifierChecklist(
  groups: readonly ChecklistGroup[],
  ledger: readonly LedgerEntry[],
  siteBase: string,
): VerifierChecklist {
  return {
    checklistUrl: checklistUrl(siteBase),
    groups: orderedGroups(groups).map((group) => ({
      id: group.id,
      title: group.title,
      items: group.items.map((item) => ({ id: item.id, text: item.text })),
    })),
    retired: retiredTargets(ledger, groups),
  };
}
