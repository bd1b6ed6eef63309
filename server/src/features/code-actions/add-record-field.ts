/**
 * Language v2 records: the field a per-statement check found missing, added
 * as the last line of the entity's block (`data.field` names it). Dates get
 * a value that puts the check right: `assessed` the as-of date, a control's
 * `due` three months after it; text fields (an incident's `lessons`, a
 * supplier's `agreement`, …) a `"TODO"` placeholder (which
 * `placeholder-text` then flags until it is written), a policy's `document`
 * a path to fill in.
 */
import { describeEntity, hasField, type Entity } from '../../analysis/model';
import { addDuration } from '../../util/dates';
import type { DiagnosticCode } from '../../analysis/diagnostic-codes';
import { fieldSpec } from '../../schema';
import { entityAt, insertFieldLine } from './edit-helpers';
import { quickFixAction, type QuickFix, type QuickFixContext } from './quick-fix';
import { placeholderValue } from './stubs';

/** The codes answered, with the field each adds. */
const FIELDS: Partial<Record<DiagnosticCode, string>> = {
  'missing-assessment-date': 'assessed',
  'control-without-due': 'due',
  'policy-without-text': 'document',
  'audit-without-result': 'result',
  'nonconformity-without-cause': 'cause',
  'incident-without-lessons': 'lessons',
  'supplier-without-agreement': 'agreement',
};

export const addRecordField: QuickFix = {
  codes: Object.keys(FIELDS) as DiagnosticCode[],
  fixes(context) {
    const { diagnostic, model, parsed } = context;
    const name = FIELDS[diagnostic.code];
    if (!name || diagnostic.data?.field !== name) return [];
    const entity = entityAt(model.entities, diagnostic.start);
    const spec = entity ? fieldSpec(entity.kind, name) : undefined;
    if (!entity || !spec || hasField(entity, name)) return [];
    const line = `${name} ${valueFor(context, entity, name) ?? placeholderValue(entity.kind, spec)}`;
    const edit = insertFieldLine(parsed, entity, line);
    if (!edit) return [];
    return [quickFixAction(context, `Add '${line}' to ${describeEntity(entity)}`, [edit], { isPreferred: true })];
  },
};

function valueFor(context: QuickFixContext, entity: Entity, name: string): string | undefined {
  const asOf = context.snapshot.asOf;
  if (name === 'assessed') return asOf;
  if (name === 'due') return addDuration(asOf, { amount: 3, unit: 'month' });
  if (name === 'document') return `"policies/${entity.id?.image ?? 'policy'}.md"`;
  return undefined;
}
