/**
 * `legacy-annex-control`: replaces a 2013 Annex A id with its 2022
 * successor(s) (`data.controls`).
 *
 * - In a `control` head: one action per 2022 id (an SoA entry is one
 *   control); preferred when there is a single successor that has no entry
 *   yet. When the successor has an entry already, renaming would declare it
 *   twice: the action removes the 2013 entry instead ("A.8.13 is already
 *   declared") and moves into the successor's entry the fields it lacks (and
 *   evidence it does not list); fields that conflict keep the successor's value.
 * - In a reference list (`controls`, `addressed-by`): all successors,
 *   comma-separated, leaving out those the list already names; when it names
 *   them all, the legacy id is removed with its comma.
 */
import { annexControl } from '../../catalogue/annex-a';
import { fieldArguments } from '../../analysis/model';
import type { Entity } from '../../analysis/model';
import type { TextEdit } from '../feature-types';
import { entityAt, fieldIndent, hasCommentIn, indentOf, insertFieldLine, lineBreakOf, statementRemoval } from './edit-helpers';
import { quickFixAction, rangeIs, type QuickFix, type QuickFixContext } from './quick-fix';
import type { CodeAction } from './quick-fix';

export const replaceLegacyControl: QuickFix = {
  codes: ['legacy-annex-control'],
  fixes(context) {
    const { diagnostic, model } = context;
    const actual = diagnostic.data?.actual;
    const targets = [...new Set(diagnostic.data?.controls ?? [])];
    if (!actual || targets.length === 0 || !rangeIs(context, actual)) return [];
    const entity = entityAt(model.entities, diagnostic.start);
    if (!entity) return [];
    if (entity.kind === 'control' && entity.id?.start === diagnostic.start) return headFixes(context, actual, targets);
    return listFixes(context, actual, targets);
  },
};

function describe(id: string): string {
  const title = annexControl(id)?.title;
  return title ? `${id} (${title})` : id;
}

function headFixes(context: QuickFixContext, actual: string, targets: readonly string[]): CodeAction[] {
  const { diagnostic, index } = context;
  return targets.map((target) => {
    const entry = index.declarations(target).find((entity) => entity.kind === 'control');
    if (entry) return mergeInto(context, actual, target, entry, targets.length === 1);
    return quickFixAction(context, `Replace ${actual} with ${describe(target)}`, [{ start: diagnostic.start, end: diagnostic.end, newText: target }], {
      isPreferred: targets.length === 1,
    });
  });
}

/**
 * "Remove A.12.3.1: A.8.13 is already declared": removes the 2013 entry and
 * adds to the successor's entry the fields it lacks (repeatable fields: the
 * values it does not have). A field that both give differently keeps the
 * successor's value and is named in the title.
 */
function mergeInto(context: QuickFixContext, actual: string, target: string, entry: Entity, preferred: boolean): CodeAction {
  const { diagnostic, model, parsed, snapshot } = context;
  const legacy = entityAt(model.entities, diagnostic.start)!;
  const removal = { ...(statementRemoval(parsed, legacy.statement.start, legacy.statement.end) ?? { start: legacy.statement.start, end: legacy.statement.end }) };
  // A blank line on both sides: take the one after with the entry, so that one remains.
  const after = /^[ \t]*(?:\r\n|\n|\r)/.exec(parsed.text.slice(removal.end));
  if (after && /(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)$/.test(parsed.text.slice(0, removal.start))) removal.end += after[0].length;
  const targetParsed = entry.file === context.file ? parsed : snapshot.parsed(entry.file);
  const sourceText = parsed.text;
  const moved: string[] = [];
  const kept: string[] = [];
  if (targetParsed) {
    const targetText = targetParsed.text;
    const own = (name: string) => entry.fields.filter((field) => field.name === name).map((field) => targetText.slice(field.start, field.end));
    for (const field of legacy.fields) {
      const written = sourceText.slice(field.start, field.end);
      const theirs = own(field.name);
      const repeatable = legacy.spec.fields.find((spec) => spec.name === field.name)?.repeatable ?? false;
      if (theirs.includes(written)) continue;
      if (theirs.length === 0 || repeatable) moved.push(written);
      else if (!kept.includes(field.name)) kept.push(field.name);
    }
  }
  const edits: Record<string, TextEdit[]> = { [context.file]: [{ ...removal, newText: '' }] };
  if (moved.length > 0 && targetParsed) {
    const eol = lineBreakOf(targetParsed.text);
    const indent = fieldIndent(targetParsed.text, entry) ?? `${indentOf(targetParsed.text, entry.statement.start)}  `;
    const insert = insertFieldLine(targetParsed, entry, moved.join(`${eol}${indent}`));
    if (insert) (edits[entry.file] ??= []).push(insert);
    else moved.length = 0;
  }
  const names = [...new Set(moved.map((line) => line.split(/\s/, 1)[0]))];
  const details = [names.length > 0 ? `moving ${names.join(', ')}` : '', kept.length > 0 ? `keeping ${target}'s ${kept.join(', ')}` : ''].filter((d) => d !== '');
  const title = `Remove ${actual}: ${target} is already declared${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
  return {
    title,
    kind: 'quickfix',
    diagnostic,
    edit: { changes: edits },
    ...(preferred ? { isPreferred: true } : {}),
  };
}

function listFixes(context: QuickFixContext, actual: string, targets: readonly string[]): CodeAction[] {
  const { diagnostic, model, parsed } = context;
  const entity = entityAt(model.entities, diagnostic.start)!;
  const field = entity.fields.find((f) => f.args.some((value) => value.start === diagnostic.start));
  if (!field) return [];
  const listed = new Set(fieldArguments(entity, field.name).filter((value) => value.start !== diagnostic.start).map((value) => value.image));
  const wanted = targets.filter((target) => !listed.has(target));
  const replace = (ids: readonly string[]) =>
    quickFixAction(context, `Replace ${actual} with ${ids.join(', ')}`, [{ start: diagnostic.start, end: diagnostic.end, newText: ids.join(', ') }], {
      isPreferred: true,
    });
  if (wanted.length > 0) return [replace(wanted)];

  // Every successor is listed already: drop the legacy id and its comma.
  const values = field.args;
  const position = values.findIndex((value) => value.start === diagnostic.start);
  const value = values[position];
  let span: { start: number; end: number } | undefined;
  if (position + 1 < values.length && value.comma) span = { start: value.start, end: values[position + 1].start };
  else if (position > 0 && values[position - 1].comma && !value.comma) span = { start: values[position - 1].end, end: value.end };
  if (!span || hasCommentIn(parsed, span.start, span.end)) return [replace(targets)];
  return [quickFixAction(context, `Remove ${actual} (${targets.join(', ')} already listed)`, [{ ...span, newText: '' }], { isPreferred: true })];
}
