/**
 * A small SQL tokenizer for the query log. The log is built at run time, so Shiki (build time
 * only) cannot colour it, and a full highlighter would be far heavier than the log needs.
 */
export type SqlTokenKind = 'keyword' | 'string' | 'number' | 'parameter' | 'identifier' | 'plain';

export interface SqlToken {
  kind: SqlTokenKind;
  text: string;
}

const KEYWORDS = new Set(
  `select from where and or not in is null as on join inner left right full outer cross order by group
  having limit offset insert into values update set delete returning with distinct exists case when then
  else end asc desc union all begin commit rollback savepoint release create drop index table explain
  analyze declare cursor fetch close for count sum avg min max coalesce any between like ilike true false
  conflict do nothing lateral interval over partition`.split(/\s+/),
);

const TOKEN =
  /('(?:[^']|'')*')|("(?:[^"]|"")*")|(\$\d+)|(\b\d+(?:\.\d+)?\b)|([A-Za-z_][A-Za-z0-9_]*)|(\s+|.)/g;

export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  for (const match of sql.matchAll(TOKEN)) {
    const [text, string, quoted, parameter, number, word] = match;
    let kind: SqlTokenKind = 'plain';
    if (string) kind = 'string';
    else if (quoted) kind = 'identifier';
    else if (parameter) kind = 'parameter';
    else if (number) kind = 'number';
    else if (word) kind = KEYWORDS.has(word.toLowerCase()) ? 'keyword' : 'plain';
    const last = tokens[tokens.length - 1];
    if (last && last.kind === kind && kind === 'plain') last.text += text;
    else tokens.push({ kind, text });
  }
  return tokens;
}
