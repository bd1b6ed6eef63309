/**
 * Characters that make a file mean something other than what it shows
 * (issue 14):
 * - `bidi-control-character`: a bidirectional control character (U+202A–U+202E,
 *   U+2066–U+2069), the Trojan Source attack (CVE-2021-42574), on the character;
 * - `invalid-encoding`: U+FFFD, what bytes that are not UTF-8 become when the
 *   host decodes the file; one finding per file, at the first.
 * A workspace rule over the texts (a scan per file version, memoized on the
 * parsed file, so an edit rescans the edited file only).
 */
import type { ParsedFile } from '../../../../grammar/src';
import { derivation, derived } from '../derived-data';
import type { WorkspaceRule } from '../rule';

const BIDI_NAMES: Record<string, string> = {
  '\u202a': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202b': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202c': 'POP DIRECTIONAL FORMATTING',
  '\u202d': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202e': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};

const HAZARD = /[\u202a-\u202e\u2066-\u2069\ufffd]/g;

interface Hazards {
  /** Offsets of bidi control characters. */
  readonly bidi: readonly number[];
  /** Offset of the first U+FFFD (-1: none) and how many there are. */
  readonly replacementAt: number;
  readonly replacements: number;
}

const NONE: Hazards = { bidi: [], replacementAt: -1, replacements: 0 };
const hazardsByParse = derivation<ParsedFile, Hazards>('text-hazards', scanText);

function scan(parsed: ParsedFile): Hazards {
  return derived(hazardsByParse, parsed);
}

function scanText(parsed: ParsedFile): Hazards {
  let hazards: Hazards;
  const text = parsed.text;
  HAZARD.lastIndex = 0;
  if (!HAZARD.test(text)) {
    hazards = NONE;
  } else {
    const bidi: number[] = [];
    let replacementAt = -1;
    let replacements = 0;
    HAZARD.lastIndex = 0;
    for (let match = HAZARD.exec(text); match; match = HAZARD.exec(text)) {
      if (match[0] === '\ufffd') {
        if (replacementAt < 0) replacementAt = match.index;
        replacements++;
      } else {
        bidi.push(match.index);
      }
    }
    hazards = { bidi, replacementAt, replacements };
  }
  return hazards;
}

export function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export const textHazards: WorkspaceRule = {
  name: 'text-hazards',
  scope: 'workspace',
  codes: ['bidi-control-character', 'invalid-encoding'],
  check({ index, report }) {
    for (const model of index.files) {
      const hazards = scan(model.parsed);
      if (hazards === NONE) continue;
      if (hazards.replacementAt >= 0) {
        const count = hazards.replacements;
        report(
          'invalid-encoding',
          model.file,
          hazards.replacementAt,
          hazards.replacementAt + 1,
          `the file is not valid UTF-8: ${count} character${count === 1 ? '' : 's'} could not be decoded (shown as U+FFFD); save it as UTF-8`,
        );
      }
      for (const at of hazards.bidi) {
        const character = model.parsed.text[at];
        report(
          'bidi-control-character',
          model.file,
          at,
          at + 1,
          `bidirectional control character ${codePoint(character)} (${BIDI_NAMES[character]}): the text may read differently from how it is shown (Trojan Source); remove it`,
          { data: { actual: codePoint(character) } },
        );
      }
    }
  },
};
