// Writes an issue's front matter the way the editor guide shows it: one key a line,
// lists one item a line, values quoted only where YAML needs it, optional comments.
import { stringify } from 'yaml';

export interface FrontMatterField {
  key: string;
  value: string | number | boolean | readonly string[] | null;
  /** Written after the value, as "# comment". */
  comment?: string;
}

function scalar(value: string | number | boolean): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

export function formatFrontMatter(fields: readonly FrontMatterField[]): string {
  const lines = ['---'];
  for (const { key, value, comment } of fields) {
    const note = comment ? `  # ${comment}` : '';
    if (Array.isArray(value)) {
      lines.push(`${key}:${note}`, ...value.map((item) => `  - ${scalar(item)}`));
    } else if (value === null) {
      lines.push(`${key}:${note}`);
    } else {
      lines.push(`${key}: ${scalar(value as string | number | boolean)}${note}`);
    }
  }
  lines.push('---');
  return `${lines.join('\n')}\n`;
}
