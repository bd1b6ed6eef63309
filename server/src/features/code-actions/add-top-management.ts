/**
 * Top management where v2 requires it: `review-without-top-management` adds
 * a top management role to the review's `attendees`;
 * `acceptance-above-criteria` adds one to the risk's `accepted-by`. The role
 * is `data.suggestion` (the first top management role); it is appended to
 * the last occurrence of the field (`attendees it-admin` → `attendees
 * it-admin, ceo`), or the field is added when the entity has none.
 */
import { describeEntity, type Entity, type Field } from '../../analysis/model';
import type { TextEdit } from '../feature-types';
import { entityAt, insertFieldLine } from './edit-helpers';
import { quickFixAction, type QuickFix } from './quick-fix';

export const addTopManagement: QuickFix = {
  codes: ['review-without-top-management', 'acceptance-above-criteria'],
  fixes(context) {
    const { diagnostic, model, parsed } = context;
    const role = diagnostic.data?.suggestion;
    const name = diagnostic.data?.field;
    if (!role || !name) return [];
    const entity = entityAt(model.entities, diagnostic.start);
    if (!entity || (entity.kind !== 'review' && entity.kind !== 'risk')) return [];
    const edit = appendValues(parsed, entity, name, [role]);
    if (!edit) return [];
    const what = entity.kind === 'review' ? 'as an attendee' : 'as an acceptor';
    return [quickFixAction(context, `Add top management role '${role}' ${what} of ${describeEntity(entity)}`, [edit], { isPreferred: true })];
  },
};

/**
 * Appends values to the last occurrence of a list field (`, a, b` after its
 * last value), or adds the field with them as the block's last line.
 */
export function appendValues(parsed: Parameters<typeof insertFieldLine>[0], entity: Entity, name: string, values: readonly string[]): TextEdit | undefined {
  let last: Field | undefined;
  for (const field of entity.fields) if (field.name === name) last = field;
  if (!last) return insertFieldLine(parsed, entity, `${name} ${values.join(', ')}`);
  const lastValue = last.args[last.args.length - 1];
  if (!lastValue) return { start: last.nameEnd, end: last.nameEnd, newText: ` ${values.join(', ')}` };
  // A trailing comma would continue the field on the next line: the text is odd there, leave it.
  if (lastValue.comma) return undefined;
  return { start: lastValue.end, end: lastValue.end, newText: `, ${values.join(', ')}` };
}
