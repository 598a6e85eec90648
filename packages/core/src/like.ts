/** A LIKE pattern matching text that contains `text` literally: its own `%`, `_` and `\` do not act as wildcards. */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
