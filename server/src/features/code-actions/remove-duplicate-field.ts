/**
 * `duplicate-field`: removes the repeated field (the diagnostic stands on
 * the second occurrence; the first is kept): its whole line with the line
 * break. A comment on the same line stays, on its own line; the fix is not
 * offered when a comment lies inside the field's statement.
 */
import { entityAt, statementRemoval } from './edit-helpers';
import { quickFixAction, type QuickFix } from './quick-fix';

export const removeDuplicateField: QuickFix = {
  codes: ['duplicate-field'],
  fixes(context) {
    const { diagnostic, model, parsed } = context;
    const entity = entityAt(model.entities, diagnostic.start);
    const field = entity?.fields.find((f) => f.start === diagnostic.start);
    if (!field || field.name !== diagnostic.data?.field) return [];
    const span = statementRemoval(parsed, field.start, field.end);
    if (!span) return [];
    const shown = context.text.slice(field.start, field.end);
    const title = shown.length <= 60 && !/[\r\n]/.test(shown) ? `Remove the duplicate '${shown}'` : `Remove the duplicate '${field.name}'`;
    return [quickFixAction(context, title, [{ ...span, newText: '' }], { isPreferred: true })];
  },
};
