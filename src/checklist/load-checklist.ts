import { getCollection } from 'astro:content';
import type { ChecklistGroup, ChecklistItem } from './checklist-schema.ts';

/** Checklist groups in their declared order, as the site renders them. */
export async function loadChecklist(): Promise<ChecklistGroup[]> {
  const entries = await getCollection('checklist');
  return entries.map((entry) => entry.data).sort((a, b) => a.order - b.order);
}

/** Every item by id, with the group it belongs to. */
export async function checklistItemsById(): Promise<Map<string, ChecklistItem & { group: ChecklistGroup }>> {
  const groups = await loadChecklist();
  return new Map(
    groups.flatMap((group) => group.items.map((item) => [item.id, { ...item, group }] as const)),
  );
}
