/**
 * Plans past their dates, on the `due` value:
 * `control-overdue` (6.1.3 e, 8.3): an applicable control not `implemented`;
 * `nonconformity-overdue` (10.2): a nonconformity not `closed`;
 * `objective-overdue` (6.2): an objective still `open` (the default).
 */
import { isCalendarDate } from '../../../../grammar/src';
import type { DiagnosticCode } from '../diagnostic-codes';
import { fieldText, firstField, type Entity } from '../model';
import { entityData, nameOf } from '../records';
import type { ContextualFileRule, Report } from '../rule';
import { reportAtValue } from '../placement';

export const overduePlans: ContextualFileRule = {
  name: 'overdue-plans',
  scope: 'file-in-context',
  codes: ['control-overdue', 'nonconformity-overdue', 'objective-overdue'],
  check({ model, facts, report }) {
    const asOf = facts.asOf;
    for (const entity of model.entities) {
      switch (entity.kind) {
        case 'control': {
          if (fieldText(entity, 'applicable') !== 'yes') break;
          const status = fieldText(entity, 'status');
          if (status === 'implemented') break;
          overdue(entity, 'control-overdue', asOf, report, (due) => `${nameOf(entity)} was due on ${due} and is ${status ? `still ${status}` : 'not implemented'} (as of ${asOf})`);
          break;
        }
        case 'nonconformity':
          if (fieldText(entity, 'status') === 'closed') break;
          overdue(entity, 'nonconformity-overdue', asOf, report, (due) => `${nameOf(entity)} is still open; its corrective action was due on ${due} (as of ${asOf})`);
          break;
        case 'objective': {
          const status = fieldText(entity, 'status') ?? 'open';
          if (status !== 'open') break;
          overdue(entity, 'objective-overdue', asOf, report, (due) => `objective ${nameOf(entity)} was due on ${due} and is still open: record whether it was achieved or missed (as of ${asOf})`);
          break;
        }
      }
    }
  },
};

function overdue(entity: Entity, code: DiagnosticCode, asOf: string, report: Report, message: (due: string) => string): void {
  const field = firstField(entity, 'due');
  const value = field?.args[0];
  if (!field || value?.kind !== 'date' || value.image >= asOf || !isCalendarDate(value.image)) return;
  reportAtValue(report, entity, field, value, code, message(value.image), { data: { field: 'due', actual: value.image, ...entityData(entity) } });
}
