// Read through Vite, so editing the checklist rebuilds the pages that use it. Node reads the same
// file through src/content/content-fs.ts; both hand the text to parseChecklist.
import checklistSource from '../../content/checklist.yaml?raw';
import { parseChecklist, type ChecklistGroup, type ChecklistItem } from './checklist-schema.ts';

/** Checklist groups in their declared order, validated. Bad content fails the build with the reason. */
export const loadChecklist = (): ChecklistGroup[] => parseChecklist(checklistSource);

/** Every item by id, with the group it belongs to. */
export function checklistItemsById(): Map<string, ChecklistItem & { group: ChecklistGroup }> {
  return new Map(
    loadChecklist().flatMap((group) => group.items.map((item) => [item.id, { ...item, group }] as const)),
  );
}
