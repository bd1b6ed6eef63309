/**
 * `placeholder-text` (7.5.2): a text value that stands for text still to be
 * written: empty (or blank), or starting with the word TODO, TBD, FIXME or
 * XXX, or with `?`, `…` or `...` (case-insensitive). In every text field of
 * every kind; on the value. Titles are not fields and are not checked.
 *
 * Runs over every text value of the workspace: the raw image decides (the
 * first few characters after the quotes); a value is decoded only when an
 * escape or a quote stands there, or when it is reported.
 */
import { argumentText, type Argument } from '../../../../grammar/src';
import { specOf } from '../model';
import type { FileRule } from '../rule';
import { reportAtValue } from '../placement';

const WORDS = ['todo', 'tbd', 'fixme', 'xxx'];

export const placeholderText: FileRule = {
  name: 'placeholder-text',
  scope: 'file',
  codes: ['placeholder-text'],
  check({ model, report }) {
    for (const entity of model.entities) {
      for (const field of entity.fields) {
        for (const value of field.args) {
          if (value.kind !== 'string' && value.kind !== 'textblock') continue;
          const placeholder = placeholderIn(value);
          if (placeholder === undefined) continue;
          const spec = specOf(entity, field);
          if (!spec || !spec.types.some((type) => type.kind === 'text')) continue;
          const what = placeholder === '' ? 'is empty' : `starts with '${placeholder}'`;
          reportAtValue(report, entity, field, value, 'placeholder-text', `'${field.name}' ${what}: a placeholder, not the text an auditor reads`, {
            data: { field: field.name, actual: argumentText(value), ...(entity.id ? { entity: entity.id.image } : {}) },
          });
        }
      }
    }
  },
};

/**
 * The placeholder marker of a string or text block, read from its raw image
 * (the first characters after the quotes and blanks decide); only an escape
 * or a quote there makes it decode the value.
 */
function placeholderIn(value: Argument): string | undefined {
  const image = value.image;
  let i = value.kind === 'textblock' ? 3 : 1;
  while (i < image.length) {
    const c = image.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    i++;
  }
  if (i >= image.length) return '';
  const first = image.charCodeAt(i);
  if (first === 0x22 || first === 0x5c) return placeholderOf(argumentText(value)); // a quote (maybe the closing one) or an escape
  if (first === 0x2026) return '…';
  const lower = first | 32; // ASCII letters in lower case
  if (first === 0x3f || first === 0x2e || lower === 0x74 || lower === 0x66 || lower === 0x78) {
    // '?', '.', t, f, x: enough characters for the longest word and the one after it (a closing quote ends the word).
    return placeholderOf(image.slice(i, i + 7));
  }
  return undefined;
}

/** The placeholder marker a text starts with ('' for an empty text), or undefined. */
export function placeholderOf(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (trimmed.startsWith('?') || trimmed.startsWith('…')) return trimmed[0];
  if (trimmed.startsWith('...')) return '...';
  const lower = trimmed.toLowerCase();
  for (const word of WORDS) {
    if (!lower.startsWith(word)) continue;
    // The word, not the start of another one ("Todoist", "TBDs" are text).
    const next = lower.charCodeAt(word.length);
    if (Number.isNaN(next) || !isWordCharacter(next)) return trimmed.slice(0, word.length);
  }
  return undefined;
}

function isWordCharacter(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}
