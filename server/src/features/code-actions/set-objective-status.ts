/**
 * `objective-overdue`: records the outcome of an objective past its due
 * date, `status achieved` (preferred) or `status missed`: the value of its
 * `status` is replaced, or the field added.
 */
import { describeEntity, firstField } from '../../analysis/model';
import { entityAt, insertFieldLine } from './edit-helpers';
import { quickFixAction, type QuickFix } from './quick-fix';

export const setObjectiveStatus: QuickFix = {
  codes: ['objective-overdue'],
  fixes(context) {
    const { diagnostic, model, parsed } = context;
    const objective = entityAt(model.entities, diagnostic.start);
    if (!objective || objective.kind !== 'objective') return [];
    const status = firstField(objective, 'status');
    const value = status?.args[0];
    if (status && (status.args.length !== 1 || value?.kind !== 'name')) return [];
    return ['achieved', 'missed'].flatMap((outcome, position) => {
      const edit = value ? { start: value.start, end: value.end, newText: outcome } : insertFieldLine(parsed, objective, `status ${outcome}`);
      if (!edit) return [];
      return [quickFixAction(context, `Mark ${describeEntity(objective)} ${outcome}`, [edit], { isPreferred: position === 0 })];
    });
  },
};
