/**
 * Inline suppressions (LANGUAGE.md §7.7): a line comment
 *
 *     // isms-ignore CODE[, CODE…]: reason
 *
 * suppresses the findings with those codes whose range starts on the next
 * line that is neither blank nor a comment. For a whole-ISMS finding that is
 * the head of `organization`, where those findings stand. The reason is
 * required: without one (or with a placeholder such as `TODO`, as for
 * `placeholder-text`) the comment suppresses nothing and is reported
 * (`suppression-without-reason`); a code of a comment with a reason that
 * matches no finding is reported too (`unused-suppression`), on that code.
 *
 * Applied once over the workspace's findings, after all rules ran and before
 * severity overrides, so that the CLI and the language server both honour
 * them. Cheap: files without an `isms-ignore` comment cost one scan of their
 * comments, memoized per parsed file.
 */
import type { ParsedFile } from '../../../grammar/src';
import { derivation, derived } from './derived-data';
import type { DiagnosticCode } from './diagnostic-codes';
import type { Diagnostic, Location } from './diagnostic';

/** One `// isms-ignore` comment. */
export interface Suppression extends Location {
  /** The codes as written, with their offsets in the file. */
  readonly codes: readonly { readonly code: string; readonly start: number; readonly end: number }[];
  /** The reason, trimmed; empty when absent. */
  readonly reason: string;
  /** Whether the reason counts: present and no placeholder (`TODO`, `TBD`, `FIXME`, `XXX`, `?`, `…`). */
  readonly justified: boolean;
  /** The line it applies to, as offsets `[targetStart, targetEnd)`; both -1 when no line follows. */
  readonly targetStart: number;
  readonly targetEnd: number;
}

/** A finding that a suppression took out of the results. */
export interface SuppressedFinding {
  readonly diagnostic: Diagnostic;
  readonly reason: string;
  /** The `isms-ignore` comment. */
  readonly suppression: Location;
}

const PREFIX = /^\/\/[ \t]*isms-ignore(?![\w-])/;
const CODE = /[A-Za-z0-9_.-]+/g;
/** A reason that only holds a place (as `placeholder-text` judges text values). */
const PLACEHOLDER = /^(?:todo|tbd|fixme|xxx)(?![a-z])|^[?…]/i;

/** A file's suppressions, per parse (the file name is the same for every parse of a model). */
const suppressionsByParse = derivation<ParsedFile, readonly Suppression[]>('suppressions', () => []);

/** The suppressions of one file, in text order. */
export function suppressionsOf(file: string, parsed: ParsedFile): readonly Suppression[] {
  return derived(suppressionsByParse, parsed, () => scan(file, parsed));
}

function scan(file: string, parsed: ParsedFile): readonly Suppression[] {
  const result: Suppression[] = [];
  for (const comment of parsed.comments) {
    if (comment.kind !== 'line') continue;
    const prefix = PREFIX.exec(comment.text);
    if (!prefix) continue;
    const rest = comment.text.slice(prefix[0].length);
    const colon = rest.indexOf(':');
    const codesText = colon < 0 ? rest : rest.slice(0, colon);
    const reason = colon < 0 ? '' : rest.slice(colon + 1).trim();
    const base = comment.start + prefix[0].length;
    const codes = [...codesText.matchAll(CODE)].map((match) => ({ code: match[0], start: base + match.index, end: base + match.index + match[0].length }));
    const [targetStart, targetEnd] = targetLine(parsed, comment.end);
    result.push({ file, start: comment.start, end: comment.end, codes, reason, justified: reason !== '' && !PLACEHOLDER.test(reason), targetStart, targetEnd });
  }
  return result;
}

/** The next line after `from` (the end of the comment) that holds something other than blanks and comments. */
function targetLine(parsed: ParsedFile, from: number): [number, number] {
  const text = parsed.text;
  const comments = parsed.comments;
  let pos = nextLineStart(text, from);
  while (pos >= 0) {
    let at = pos;
    for (;;) {
      while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\uFEFF')) at++;
      const comment = text[at] === '/' ? commentAt(comments, at) : undefined;
      if (!comment) break;
      if (comment.kind === 'line') {
        at = comment.end;
        break;
      }
      at = comment.end; // a block comment: what follows it on its last line counts
    }
    if (at < text.length && text[at] !== '\n' && text[at] !== '\r') return [lineStartOf(text, at), lineEnd(text, at)];
    pos = nextLineStart(text, at);
  }
  return [-1, -1];
}

function commentAt(comments: ParsedFile['comments'], offset: number) {
  let lo = 0;
  let hi = comments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = comments[mid];
    if (c.start === offset) return c;
    if (c.start < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

function nextLineStart(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') return i + 1;
    if (c === '\r') return text[i + 1] === '\n' ? i + 2 : i + 1;
  }
  return -1;
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** What reporting the suppressions adds: the findings on the comments themselves. */
export interface SuppressionFinding {
  readonly code: Extract<DiagnosticCode, 'suppression-without-reason' | 'unused-suppression'>;
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly data: { readonly actual?: string };
}

export interface SuppressionResult {
  /** The findings that stand. */
  readonly kept: Diagnostic[];
  readonly suppressed: SuppressedFinding[];
  /** Findings about the suppressions (to report through the usual collector). */
  readonly problems: SuppressionFinding[];
}

/**
 * Splits `diagnostics` into the findings kept and those suppressed by the
 * `isms-ignore` comments of `files`, and lists the problems of the comments.
 */
export function applySuppressions(diagnostics: Diagnostic[], files: readonly { readonly file: string; readonly parsed: ParsedFile }[]): SuppressionResult {
  const byFile = new Map<string, readonly Suppression[]>();
  for (const { file, parsed } of files) {
    const suppressions = suppressionsOf(file, parsed);
    if (suppressions.length > 0) byFile.set(file, suppressions);
  }
  if (byFile.size === 0) return { kept: diagnostics, suppressed: [], problems: [] };

  const used = new Set<string>(); // `${suppression.start}:${code}` per file
  const usedKey = (s: Suppression, code: string) => `${s.file}\u0000${s.start}\u0000${code}`;
  const kept: Diagnostic[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const diagnostic of diagnostics) {
    const suppressions = byFile.get(diagnostic.file);
    const by = suppressions?.find(
      (s) => s.justified && s.targetStart >= 0 && diagnostic.start >= s.targetStart && diagnostic.start <= s.targetEnd && s.codes.some((c) => c.code === diagnostic.code),
    );
    if (!by) {
      kept.push(diagnostic);
      continue;
    }
    used.add(usedKey(by, diagnostic.code));
    suppressed.push({ diagnostic, reason: by.reason, suppression: { file: by.file, start: by.start, end: by.end } });
  }

  const problems: SuppressionFinding[] = [];
  for (const suppressions of byFile.values()) {
    for (const s of suppressions) {
      if (!s.justified) {
        const what = s.reason === '' ? 'has no reason' : `gives a placeholder ('${s.reason.length > 20 ? `${s.reason.slice(0, 19)}…` : s.reason}') for its reason`;
        problems.push({
          code: 'suppression-without-reason',
          file: s.file,
          start: s.start,
          end: s.end,
          message: `this suppression ${what}, so it suppresses nothing: write '// isms-ignore ${s.codes.map((c) => c.code).join(', ') || 'CODE'}: reason'`,
          data: {},
        });
        continue;
      }
      if (s.codes.length === 0) {
        problems.push({ code: 'unused-suppression', file: s.file, start: s.start, end: s.end, message: 'this suppression names no diagnostic code, so it suppresses nothing', data: {} });
        continue;
      }
      for (const c of s.codes) {
        if (used.has(usedKey(s, c.code))) continue;
        const where = s.targetStart < 0 ? 'no line follows the comment' : `no ${c.code} finding starts on the next line`;
        problems.push({ code: 'unused-suppression', file: s.file, start: c.start, end: c.end, message: `unused suppression of '${c.code}': ${where}`, data: { actual: c.code } });
      }
    }
  }
  return { kept, suppressed, problems };
}
