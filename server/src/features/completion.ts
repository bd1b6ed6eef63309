/**
 * Completion: what may be typed at an offset, as plain data (the protocol
 * layer turns it into LSP items). The document may be mid-edit and full of
 * syntax errors, so the context comes from the text left of the cursor on its
 * (logical) line, and the enclosing block from the syntax tree:
 *
 * - at top level, at the start of a line: every kind, as a snippet of a
 *   well-formed entity with its required fields (singletons already present
 *   are left out; ids take the kind's prefix and the next free number);
 * - inside an entity's block, at the start of a line: the fields the block
 *   still lacks (list and repeatable fields always), required ones first;
 * - after a field name (or after `,` in a list field): values of the field's
 *   types — enum values, risk levels with their scale labels, ids of the
 *   kinds the field refers to (all 93 Annex A controls for control
 *   references), dates;
 * - after `control `: the Annex A controls that have no SoA entry yet.
 *
 * Cost: one pass over the entities at most (next free ids), else index
 * look-ups; the workspace analysis is expected to be cached by the host.
 */
import type { Block, ParsedFile, Statement } from '../../../grammar/src';
import { argumentText, isCalendarDate } from '../../../grammar/src';
import { ANNEX_A_CONTROLS, annexControl, type AnnexControl } from '../catalogue/annex-a';
import { entityTitle, fieldText, type Entity, type FileModel } from '../analysis/model';
import { riskCriteria } from '../analysis/risk-score';
import type { WorkspaceIndex } from '../analysis/workspace-index';
import type { Snapshot } from '../analysis/snapshot';
import { LEVEL_SCALES, clausesLine, headForm, typesDescription } from '../schema/describe';
import { plusOneYear } from '../util/dates';
import { KINDS, clauseOf, fieldSpec, kindSpec, type EntityKind, type FieldSpec, type KindSpec } from '../schema';
import { frameworkItems } from './framework-completion';
import { cursorContext } from './cursor-context';

export type CompletionKind = 'kind' | 'field' | 'enum' | 'reference' | 'annex-control' | 'date' | 'snippet';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  /** e.g. the title of a referenced entity, `Information backup · technological`. */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** May be a snippet when `snippet` is true. */
  readonly insertText: string;
  /** LSP snippet syntax (`$1`, `${1:placeholder}`, `${1|a,b|}`, `$0`). */
  readonly snippet: boolean;
  /** e.g. `A.8.13 Information backup`, so that typing the title filters. */
  readonly filterText?: string;
  readonly sortText?: string;
  /** The span the completion replaces (the word being typed), offsets in the file. */
  readonly replace: { readonly start: number; readonly end: number };
}

type Span = CompletionItem['replace'];

export function completions(snapshot: Snapshot, file: string, offset: number, today: string): CompletionItem[] {
  const model = snapshot.model(file);
  const text = model?.parsed.text;
  if (!model || text === undefined) return [];
  offset = Math.max(0, Math.min(offset, text.length));
  const chain = statementChain(model, offset);
  if (inCommentOrText(model.parsed, chain, offset)) return [];

  // The word being typed (the cursor may stand in it).
  let start = offset;
  while (start > 0 && isNameChar(text.charCodeAt(start - 1))) start--;
  let end = offset;
  while (end < text.length && isNameChar(text.charCodeAt(end))) end++;
  const replace: Span = { start, end };

  const prefix = logicalPrefix(text, start);
  if (prefix === undefined) return [];
  const lineStart = lineStartOf(text, start);
  const atColumnZero = lineStart === text.length || !/[ \t]/.test(text[lineStart]);
  const restOfLine = scanLine(text, end, lineEndOf(text, end));
  const lineIsEmpty = restOfLine.tokens.length === 0;

  const block = enclosingBlock(chain, offset, atColumnZero);
  const cursorStatement = (statements: readonly Statement[]) => statements.find((s) => offset >= s.start && offset <= s.end);

  if (prefix.length === 0) {
    const index = snapshot.analysis().index;
    if (!block) {
      const current = cursorStatement(model.parsed.statements);
      return kindItems(index, current, replace, lineIsEmpty, today);
    }
    if (!block.spec) return [];
    const present = block.block.statements.filter((s) => s !== cursorStatement(block.block.statements));
    return fieldItems(block.spec, present, replace, lineIsEmpty, today);
  }

  const [head, ...args] = prefix;
  if (head.kind !== 'word') return [];
  if (!block) {
    // The head of a top-level statement: `control A.` → the Annex A ids without an SoA entry.
    if (head.text !== 'control' || args.length !== 0) return [];
    const current = cursorStatement(model.parsed.statements);
    return missingSoaItems(snapshot.analysis().index, current, replace);
  }
  if (!block.spec) return [];
  const spec = fieldSpec(block.spec.kind, head.text);
  if (!spec) return [];
  if (args.length > 0 && !(spec.list && args[args.length - 1].kind === 'comma')) return [];
  if (args.some((a) => a.kind === 'brace')) return [];

  // Values already given to a list field (in this statement and repeated ones), bar the one being typed.
  const listed = new Set<string>();
  if (spec.list) {
    for (const a of args) if (a.kind === 'word') listed.add(a.text);
    for (const s of block.block.statements) {
      if (s.name !== spec.name) continue;
      for (const a of s.args) if (!(offset >= a.start && offset <= a.end)) listed.add(argumentText(a));
    }
  }
  const index = snapshot.analysis().index;
  const current = text.slice(start, end);
  const items =
    block.spec?.kind === 'organization' && spec.name === 'frameworks' ? frameworkItems(snapshot, replace) : valueItems(index, block, spec, current, today, replace);
  return spec.list ? items.filter((item) => !listed.has(item.label)) : items;
}

// ---------------------------------------------------------------------------
// Kinds

function kindItems(index: WorkspaceIndex, current: Statement | undefined, replace: Span, snippets: boolean, today: string): CompletionItem[] {
  const items: CompletionItem[] = [];
  KINDS.forEach((spec, position) => {
    if (spec.singleton && index.ofKind(spec.kind).some((entity) => entity.statement !== current)) return;
    const documentation = `${spec.description}\n\n${clausesLine(spec.clauses)}`;
    const base = { label: spec.kind, kind: 'kind' as const, detail: headForm(spec), documentation, sortText: sortKey(0, position), replace };
    if (!snippets) {
      items.push({ ...base, insertText: spec.kind, snippet: false });
      return;
    }
    items.push({ ...base, insertText: kindSnippet(index, spec, current, today), snippet: true });
  });
  return items;
}

function kindSnippet(index: WorkspaceIndex, spec: KindSpec, current: Statement | undefined, today: string): string {
  let stop = 1;
  let head = spec.kind;
  switch (spec.head) {
    case 'id-title':
      head += ` \${${stop++}:${escapeSnippet(newId(index, spec))}} "\${${stop++}:Title}"`;
      break;
    case 'id-optional-title': {
      const missing = ANNEX_A_CONTROLS.find((control) => !hasSoaEntry(index, control.id, current));
      head += missing ? ` \${${stop++}:${missing.id}}` : ` \${${stop++}:${escapeSnippet(newId(index, spec))}} "\${${stop++}:Title}"`;
      break;
    }
    case 'title':
      head += ` "\${${stop++}:Name}"`;
      break;
    case 'bare':
      break;
  }
  const required = spec.fields.filter((field) => field.required);
  if (required.length === 0) return `${head} {\n  $0\n}`;
  const lines = required.map((field) => `  ${field.name} ${valueSnippet(field, stop++, today)}`);
  return `${head} {\n${lines.join('\n')}\n}`;
}

/**
 * A new id for a kind: its prefix and the number after the highest one in
 * use (`R-009` after `R-008`), as wide as the existing ones (three digits by
 * default), and free across all kinds. Kinds without a prefix get `id`.
 */
export function newId(index: WorkspaceIndex, spec: KindSpec): string {
  const prefix = spec.idPrefix;
  if (!prefix) return 'id';
  let highest = 0;
  let width = 3;
  // A plain character loop: this runs over every entity of the kind (8,000 risks) on each request.
  for (const entity of index.ofKind(spec.kind)) {
    const id = entity.id?.image;
    if (id === undefined || id.length <= prefix.length || !id.startsWith(prefix)) continue;
    let n = 0;
    let i = prefix.length;
    for (; i < id.length; i++) {
      const code = id.charCodeAt(i);
      if (code < 48 || code > 57) break;
      n = n * 10 + (code - 48);
    }
    if (i < id.length) continue;
    if (n >= highest) {
      highest = n;
      width = id.length - prefix.length;
    }
  }
  for (let n = highest + 1; ; n++) {
    const candidate = `${prefix}${String(n).padStart(width, '0')}`;
    if (index.declarations(candidate).length === 0) return candidate;
  }
}

// ---------------------------------------------------------------------------
// Fields

function fieldItems(spec: KindSpec, present: readonly Statement[], replace: Span, snippets: boolean, today: string): CompletionItem[] {
  const given = new Set(present.map((s) => s.name));
  const items: CompletionItem[] = [];
  spec.fields.forEach((field, position) => {
    if (given.has(field.name) && !field.list && !field.repeatable) return;
    items.push({
      label: field.name,
      kind: 'field',
      detail: typesDescription(field),
      documentation: fieldDocumentation(spec, field),
      insertText: snippets ? `${field.name} ${valueSnippet(field, 1, today)}` : field.name,
      snippet: snippets,
      sortText: sortKey(field.required ? 0 : 1, position),
      replace,
    });
  });
  return items;
}

function fieldDocumentation(kind: KindSpec, field: FieldSpec): string {
  const required = field.required ? 'Required.' : 'Optional.';
  const arity = field.list ? ' Takes a list of values.' : field.repeatable ? ' May be repeated.' : '';
  return `${field.description}\n\n${required}${arity} ${clausesLine([clauseOf(kind, field)])}`;
}

/** The snippet of a field's value: a choice for enums, today for dates, the field name for references, the schema's placeholder else. */
function valueSnippet(field: FieldSpec, stop: number, today: string): string {
  const type = field.types[0];
  switch (type.kind) {
    case 'enum': {
      const values = [field.placeholder, ...type.values.filter((v) => v !== field.placeholder)];
      return `\${${stop}|${values.map(escapeChoice).join(',')}|}`;
    }
    case 'reference':
      return `\${${stop}:${escapeSnippet(field.name)}}`;
    case 'date':
      return `\${${stop}:${escapeSnippet(today)}}`;
    default: {
      const placeholder = field.placeholder;
      if (placeholder.length >= 2 && placeholder.startsWith('"') && placeholder.endsWith('"')) {
        return `"\${${stop}:${escapeSnippet(placeholder.slice(1, -1))}}"`;
      }
      return `\${${stop}:${escapeSnippet(placeholder)}}`;
    }
  }
}

// ---------------------------------------------------------------------------
// Values

function valueItems(
  index: WorkspaceIndex,
  block: EnclosingBlock,
  field: FieldSpec,
  current: string,
  today: string,
  replace: Span,
): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (item: CompletionItem) => {
    if (seen.has(item.label)) return;
    seen.add(item.label);
    items.push(item);
  };
  field.types.forEach((type, typePosition) => {
    const group = typePosition * 10;
    switch (type.kind) {
      case 'enum':
        type.values.forEach((value, i) => add({ label: value, kind: 'enum', insertText: value, snippet: false, sortText: sortKey(group, i), replace }));
        break;
      case 'number': {
        const scale = LEVEL_SCALES.get(field.name);
        const criteria = scale && block.spec?.kind === 'risk' ? riskCriteria(index) : undefined;
        const labels = criteria ? (scale === 'likelihood' ? criteria.likelihoodLabels : criteria.impactLabels) : [];
        labels.forEach((label, i) =>
          add({
            label: String(i + 1),
            kind: 'enum',
            detail: label,
            documentation: `${scale} level ${i + 1} of ${labels.length}: ${label}`,
            insertText: String(i + 1),
            snippet: false,
            sortText: sortKey(group, i),
            replace,
          }),
        );
        break;
      }
      case 'reference':
        for (const item of referenceItems(index, block, field, type.to, group, replace)) add(item);
        break;
      case 'date':
        for (const item of dateItems(block, field, current, today, group, replace)) add(item);
        break;
      default:
        break;
    }
  });
  return items;
}

function referenceItems(
  index: WorkspaceIndex,
  block: EnclosingBlock,
  field: FieldSpec,
  kinds: readonly EntityKind[],
  group: number,
  replace: Span,
): CompletionItem[] {
  const items: CompletionItem[] = [];
  const preferred = preferredIds(index, block, field);
  let position = 0;
  for (const kind of kinds) {
    if (kind === 'control') {
      ANNEX_A_CONTROLS.forEach((control, i) => items.push(annexItem(index, control, undefined, replace, sortKey(group + 1, i))));
    }
    for (const entity of index.ofKind(kind)) {
      const id = entity.id?.image;
      if (!id || (kind === 'control' && annexControl(id))) continue;
      const title = entityTitle(entity);
      items.push({
        label: id,
        kind: 'reference',
        detail: title ?? kind,
        documentation: `${kind} \`${id}\`${title ? ` ${escapeMarkdown(title)}` : ''}`,
        insertText: id,
        snippet: false,
        filterText: title ? `${id} ${title}` : undefined,
        sortText: sortKey(group + (preferred.has(id) ? 0 : 2), position++),
        replace,
      });
    }
  }
  return items;
}

/** Ids to list first: the risk's owner for `accepted-by`, top management for `approved-by`. */
function preferredIds(index: WorkspaceIndex, block: EnclosingBlock, field: FieldSpec): Set<string> {
  const preferred = new Set<string>();
  if (field.name === 'accepted-by') {
    const owner = block.statement.block?.statements.find((s) => s.name === 'owner')?.args[0];
    if (owner?.kind === 'name') preferred.add(owner.image);
  } else if (field.name === 'approved-by') {
    for (const role of index.ofKind('role')) if (role.id && index.isTopManagement(role.id.image)) preferred.add(role.id.image);
  }
  return preferred;
}

function annexItem(index: WorkspaceIndex, control: AnnexControl, current: Statement | undefined, replace: Span, sortText: string): CompletionItem {
  const entry = index.declarations(control.id).find((entity) => entity.kind === 'control' && entity.statement !== current);
  let soa = 'No SoA entry yet.';
  if (entry) {
    const applicable = fieldText(entry, 'applicable');
    const status = fieldText(entry, 'status');
    soa = applicable === 'no' ? 'SoA: not applicable.' : `SoA: applicable${applicable ? '' : ' (not stated)'}${status ? `, ${status}` : ''}.`;
  }
  return {
    label: control.id,
    kind: 'annex-control',
    detail: `${control.title} · ${control.theme}`,
    documentation: `**${control.id} ${control.title}**\n\nISO/IEC 27001:2022 Annex A, ${control.theme} control. ${soa}`,
    insertText: control.id,
    snippet: false,
    filterText: `${control.id} ${control.title}`,
    sortText,
    replace,
  };
}

function dateItems(block: EnclosingBlock, field: FieldSpec, current: string, today: string, group: number, replace: Span): CompletionItem[] {
  const items: CompletionItem[] = [];
  const add = (date: string, detail: string) => {
    if (!isCalendarDate(date) || items.some((item) => item.label === date)) return;
    items.push({ label: date, kind: 'date', detail, insertText: date, snippet: false, sortText: sortKey(group, items.length), replace });
  };
  add(today, 'today');
  if (isCalendarDate(current)) add(plusOneYear(current), `one year after ${current}`);
  if (field.name === 'next-review') {
    const approved = block.statement.block?.statements.find((s) => s.name === 'approved')?.args[0];
    if (approved?.kind === 'date' && isCalendarDate(approved.image)) add(plusOneYear(approved.image), 'one year after approval');
  }
  return items;
}

// ---------------------------------------------------------------------------
// `control ` heads

function missingSoaItems(index: WorkspaceIndex, current: Statement | undefined, replace: Span): CompletionItem[] {
  const items: CompletionItem[] = [];
  ANNEX_A_CONTROLS.forEach((control, i) => {
    if (hasSoaEntry(index, control.id, current)) return;
    items.push(annexItem(index, control, current, replace, sortKey(0, i)));
  });
  return items;
}

function hasSoaEntry(index: WorkspaceIndex, id: string, current: Statement | undefined): boolean {
  return index.declarations(id).some((entity: Entity) => entity.kind === 'control' && entity.statement !== current);
}

// ---------------------------------------------------------------------------
// Context

interface EnclosingBlock {
  /** The statement that owns the block (an entity, or a kind statement swallowed by an unclosed block). */
  readonly statement: Statement;
  readonly block: Block;
  /** Its kind, when its name is one. */
  readonly spec: KindSpec | undefined;
}

const inBlockSpan = (block: Block, offset: number) => offset > block.open && (!block.closed || offset < block.end);

/**
 * The statements around the offset, outermost first: the top-level one, the
 * one of its block that holds the offset, and so on (an unclosed block
 * swallows the statements after it, entities included).
 */
function statementChain(model: FileModel, offset: number): Statement[] {
  const chain: Statement[] = [];
  let statement = cursorContext(model, offset).topLevel;
  while (statement && chain.length < 64) {
    chain.push(statement);
    const block = statement.block;
    if (!block || !inBlockSpan(block, offset)) break;
    const inner = block.statements;
    let next = inner.find((s) => offset >= s.start && offset <= s.end);
    const last = inner[inner.length - 1];
    if (!next && last?.block && !last.block.closed && offset >= last.start) next = last;
    statement = next;
  }
  return chain;
}

/**
 * The innermost block around the offset. An unclosed block swallows what
 * follows it; a line typed at column 0 in it is taken as top level.
 */
function enclosingBlock(chain: readonly Statement[], offset: number, atColumnZero: boolean): EnclosingBlock | undefined {
  for (let i = chain.length - 1; i >= 0; i--) {
    const statement = chain[i];
    const block = statement.block;
    if (!block || !inBlockSpan(block, offset)) continue;
    if (!block.closed && atColumnZero) return undefined;
    return { statement, block, spec: kindSpec(statement.name) };
  }
  return undefined;
}

/** Whether the offset is in a comment, a string or a text block (where nothing is completed). */
function inCommentOrText(parsed: ParsedFile, chain: readonly Statement[], offset: number): boolean {
  for (const comment of parsed.comments) {
    if (comment.start >= offset) break;
    if (comment.kind === 'line' ? offset <= comment.end : offset < comment.end || !comment.text.endsWith('*/')) return true;
  }
  const innermost = chain[chain.length - 1];
  for (const argument of innermost?.args ?? []) {
    if ((argument.kind !== 'string' && argument.kind !== 'textblock') || offset <= argument.start || offset > argument.end) continue;
    const closed =
      argument.kind === 'string' ? argument.image.length >= 2 && argument.image.endsWith('"') : argument.image.length >= 6 && argument.image.endsWith('"""');
    if (offset < argument.end || !closed) return true;
  }
  return false;
}

interface LineToken {
  readonly kind: 'word' | 'string' | 'comma' | 'brace';
  readonly text: string;
}

interface ScannedLine {
  readonly tokens: LineToken[];
  /** The scan ended inside a string, text block or comment. */
  readonly open: boolean;
}

/** A rough tokenization of [from, to) of one line, robust to any text. */
function scanLine(text: string, from: number, to: number): ScannedLine {
  const tokens: LineToken[] = [];
  let i = from;
  while (i < to) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\u2028' || c === '\u2029' || c === '\ufeff') {
      i++;
    } else if (c === '"') {
      if (text.startsWith('"""', i)) {
        const close = text.indexOf('"""', i + 3);
        if (close < 0 || close + 3 > to) return { tokens, open: true };
        tokens.push({ kind: 'string', text: text.slice(i, close + 3) });
        i = close + 3;
        continue;
      }
      let j = i + 1;
      while (j < to && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= to) return { tokens, open: true };
      tokens.push({ kind: 'string', text: text.slice(i, j + 1) });
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      return { tokens, open: true };
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close < 0 || close + 2 > to) return { tokens, open: true };
      i = close + 2;
    } else if (c === ',') {
      tokens.push({ kind: 'comma', text: c });
      i++;
    } else if (c === '{' || c === '}') {
      tokens.push({ kind: 'brace', text: c });
      i++;
    } else {
      let j = i + 1;
      while (j < to && !/[\s,"{}]/.test(text[j]) && !(text[j] === '/' && (text[j + 1] === '/' || text[j + 1] === '*'))) j++;
      tokens.push({ kind: 'word', text: text.slice(i, j) });
      i = j;
    }
  }
  return { tokens, open: false };
}

/**
 * The tokens of the statement before `start`, over continuation lines (a line
 * ending in `,` goes on on the next), or undefined when `start` is in a
 * string or comment.
 */
function logicalPrefix(text: string, start: number): LineToken[] | undefined {
  const lineStart = lineStartOf(text, start);
  const current = scanLine(text, lineStart, start);
  if (current.open) return undefined;
  const tokens = current.tokens;
  let line = lineStart;
  for (let guard = 0; guard < 100 && line > 0; guard++) {
    const previousEnd = line - (text[line - 1] === '\n' && text[line - 2] === '\r' ? 2 : 1);
    const previousStart = lineStartOf(text, previousEnd);
    const previous = scanLine(text, previousStart, previousEnd);
    const last = previous.tokens[previous.tokens.length - 1];
    if (!last || last.kind !== 'comma') break;
    tokens.unshift(...previous.tokens);
    line = previousStart;
  }
  return tokens;
}

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function isNameChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 || // _
    code === 45 || // -
    code === 46 // .
  );
}

// ---------------------------------------------------------------------------
// Helpers

function sortKey(group: number, position: number): string {
  return `${String(group).padStart(2, '0')}-${String(position).padStart(5, '0')}`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

function escapeSnippet(value: string): string {
  return value.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function escapeChoice(value: string): string {
  return value.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}
