/**
 * `unknown-reference`: "Create asset 'x'": declares the missing entity, of
 * the kind the reference expects (`data.kind`), right after the entity that
 * refers to it (at the end of the file when that cannot be found).
 *
 * The stub has a title to fill in and the kind's required fields with the
 * schema's placeholders. A reference field names an existing entity (for a
 * role, the owner of the referring entity, else top management, else the
 * first role) and is left out when there is none, so that the fix never
 * trades one unknown reference for another. A control is a custom one (an
 * Annex A id is never an unknown reference): it gets a title and is laid
 * out like a new SoA entry.
 */
import { fieldArguments } from '../../analysis/model';
import { hasId, kindSpec } from '../../schema';
import { appendToFile, entityAt, insertAfterCode, lineBreakOf } from './edit-helpers';
import { quickFixAction, rangeIs, type QuickFix } from './quick-fix';
import { controlStub, renderEntity, stubFields, TITLE_PLACEHOLDER } from './stubs';

export const createMissingEntity: QuickFix = {
  codes: ['unknown-reference'],
  fixes(context) {
    const { diagnostic, index, model, parsed } = context;
    const id = diagnostic.data?.actual;
    const spec = kindSpec(diagnostic.data?.kind ?? '');
    if (!id || !spec || !hasId(spec) || !rangeIs(context, id)) return [];
    if (index.declarations(id).length > 0) return [];

    const eol = lineBreakOf(parsed.text);
    const referrer = entityAt(model.entities, diagnostic.start);
    const owner = referrer ? fieldArguments(referrer, 'owner')[0] : undefined;
    let stub: string;
    if (spec.kind === 'control') {
      stub = controlStub(id, eol, TITLE_PLACEHOLDER);
    } else {
      const fields = stubFields(index, spec.kind, {
        // A kind without required fields still gets a line to fill in (a role its holder).
        extra: spec.fields.some((f) => f.required) ? [] : spec.fields.slice(0, 1).map((f) => f.name),
        preferredRole: owner?.kind === 'name' ? owner.image : undefined,
        placeholderReferences: false,
      });
      stub = renderEntity(`${spec.kind} ${id} ${TITLE_PLACEHOLDER}`, fields, eol);
    }
    const edit = referrer ? insertAfterCode(parsed, referrer.statement.end, stub) : appendToFile(parsed, stub);
    return [quickFixAction(context, `Create ${spec.kind} '${id}'`, [edit])];
  },
};
