/**
 * A missing field, inserted with a placeholder as the last line of the
 * entity's block (indented like its other fields; the block is created when
 * the entity has none). Answers `missing-field`, and the codes that name the
 * absent field in `data.field`: `nonconformity-without-action`
 * (`corrective-action`, `effectiveness`), `control-missing-justification`
 * (`reason`), `missing-competence-evidence` (`competence-evidence`) and
 * `missing-climate-change-decision` (`climate-change`, on `organization`).
 *
 * A field with a few allowed values gets one action per value, the schema's
 * placeholder preferred (`climate-change not-relevant`, `type internal`). A
 * policy's `approved-by` names a top management role when there is one.
 */
import { describeEntity, hasField, type Entity } from '../../analysis/model';
import { fieldSpec, type FieldSpec } from '../../schema';
import type { CodeAction } from './quick-fix';
import { entityAt, insertFieldLine } from './edit-helpers';
import { quickFixAction, type QuickFix, type QuickFixContext } from './quick-fix';
import { existingReference, placeholderValue, referenceKinds } from './stubs';

export const insertMissingField: QuickFix = {
  codes: ['missing-field', 'nonconformity-without-action', 'control-missing-justification', 'missing-competence-evidence', 'missing-climate-change-decision'],
  fixes(context) {
    const { diagnostic, index, model } = context;
    const name = diagnostic.data?.field;
    if (!name) return [];
    const entity =
      diagnostic.code === 'missing-climate-change-decision'
        ? model.entities.find((e) => e.kind === 'organization' && e === index.first('organization'))
        : entityAt(model.entities, diagnostic.start);
    if (!entity) return [];
    const spec = fieldSpec(entity.kind, name);
    if (!spec || hasField(entity, name)) return [];
    return fieldActions(context, entity, spec, candidateValues(context, entity, spec));
  },
};

/** The values to offer for a missing field, the first preferred. */
function candidateValues(context: QuickFixContext, entity: Entity, spec: FieldSpec): string[] {
  const placeholder = placeholderValue(entity.kind, spec);
  const enumType = spec.types.length === 1 ? spec.types[0] : undefined;
  if (enumType?.kind === 'enum' && !spec.list) return [placeholder, ...enumType.values.filter((value) => value !== placeholder)];
  const kinds = referenceKinds(spec);
  if (kinds && entity.kind === 'policy' && spec.name === 'approved-by') {
    return [existingReference(context.index, kinds, { topManagementOnly: true }) ?? placeholder];
  }
  return [placeholder];
}

/** One action per value, each adding `field value` as the last line of the entity's block; the first is preferred. */
export function fieldActions(context: QuickFixContext, entity: Entity, spec: FieldSpec, values: readonly string[]): CodeAction[] {
  const actions: CodeAction[] = [];
  values.forEach((value, position) => {
    const line = `${spec.name} ${value}`;
    const edit = insertFieldLine(context.parsed, entity, line);
    if (!edit) return;
    actions.push(quickFixAction(context, `Add '${line}' to ${describeEntity(entity)}`, [edit], { isPreferred: position === 0 }));
  });
  return actions;
}
