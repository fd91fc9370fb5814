/**
 * Paragraphs as a block of line comments (`# ` or `// `), wrapped at `width` characters and
 * separated by an empty comment line. A quoted phrase and an `n = 100` stay on one line; what is
 * longer than a line is kept whole.
 *
 * @example
 * commentBlock(['One paragraph.', 'Another.'], '# '); // "# One paragraph.\n#\n# Another."
 */
export function commentBlock(paragraphs: readonly string[], prefix: '# ' | '// ', width = 100): string {
  const room = width - prefix.length;
  const blank = prefix.trimEnd();
  return paragraphs
    .map((paragraph) => {
      const lines: string[] = [];
      let line = '';
      for (const word of unbreakable(paragraph)) {
        if (line && line.length + 1 + word.length > room) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      if (line) lines.push(line);
      return lines.map((text) => prefix + text).join('\n');
    })
    .join(`\n${blank}\n`);
}

/** The paragraph's words, with a quoted phrase and `a = b` each kept as one. */
function unbreakable(paragraph: string): string[] {
  const words = paragraph.match(/"[^"]*"\S*|\S+/g) ?? [];
  const units: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const previous = units.at(-1);
    if (words[i] === '=' && previous !== undefined && i + 1 < words.length) {
      units[units.length - 1] = `${previous} = ${words[++i]}`;
    } else units.push(words[i]!);
  }
  return units;
}
