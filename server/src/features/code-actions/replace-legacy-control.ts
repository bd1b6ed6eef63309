/**
 * `legacy-annex-control`: replaces a 2013 Annex A id with its 2022
 * successor(s) (`data.controls`).
 *
 * - In a `control` head: one action per 2022 id (an SoA entry is one
 *   control); preferred when there is a single successor that has no entry
 *   yet.
 * - In a reference list (`controls`, `addressed-by`): all successors,
 *   comma-separated, leaving out those the list already names; when it names
 *   them all, the legacy id is removed with its comma.
 */
import { annexControl } from '../../catalogue/annex-a';
import { fieldArguments } from '../../analysis/model';
import { entityAt, hasCommentIn } from './edit-helpers';
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
    const hasEntry = index.declarations(target).some((entity) => entity.kind === 'control');
    const note = hasEntry ? `; ${target} already has an entry` : '';
    return quickFixAction(context, `Replace ${actual} with ${describe(target)}${note}`, [{ start: diagnostic.start, end: diagnostic.end, newText: target }], {
      isPreferred: targets.length === 1 && !hasEntry,
    });
  });
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
