/** Markdown helpers for tooltips (pure). */

/** Escapes text so that Markdown shows it literally (titles and free text come from the user). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&').replace(/\r?\n|\r/g, ' ');
}

/** Inline code; backticks in the text get a longer fence. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** `**label:** value` lines, skipping absent values; one paragraph per line. */
export function facts(lines: readonly (readonly [label: string, value: string | undefined])[]): string {
  return lines
    .filter((line): line is readonly [string, string] => line[1] !== undefined && line[1] !== '')
    .map(([label, value]) => `**${label}:** ${value}`)
    .join('  \n');
}
