/**
 * The one way a YAML file of content/ is read: parse the text, validate it with its zod schema,
 * and on failure throw a ContentError that names the file and every problem, one per line.
 * Pure (no file system): the site hands it a `?raw` import, Node a file's text (content-fs.ts).
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';

export class ContentError extends Error {
  override name = 'ContentError';
}

/** zod issues as lines, `path: message`, the path as in the YAML (`2.items.0.fix`). */
export function formatIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/** The validated data of one YAML file; `file` names it in errors (`content/checklist.yaml`). */
export function parseYamlSource<Schema extends z.ZodType>(
  schema: Schema,
  source: string,
  file: string,
): z.output<Schema> {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    throw new ContentError(`${file} is not valid YAML: ${error instanceof Error ? error.message : error}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new ContentError(`${file} is invalid:\n- ${formatIssues(parsed.error.issues).join('\n- ')}`);
  }
  return parsed.data;
}
