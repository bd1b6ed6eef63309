/**
 * Suppliers (A.5.19–A.5.22):
 * `supplier-without-agreement` (A.5.20): a `medium` or `high` criticality
 * supplier without `agreement` (at the head);
 * `supplier-review-overdue` (A.5.22): `reviewed` plus `review-interval`
 * (12 months when not given) before the as-of date (on `reviewed`), or a
 * `high` criticality supplier never reviewed (at the head).
 */
import { decodeDuration, isCalendarDate } from '../../../../grammar/src';
import { fieldText, firstField, hasField } from '../model';
import { entityData, nameOf } from '../records';
import type { ContextualFileRule } from '../rule';
import { addDuration } from '../../util/dates';
import { DEFAULT_INTERVAL } from '../default-interval';
import { reportAtHead, reportAtValue } from '../placement';


export const supplierChecks: ContextualFileRule = {
  name: 'supplier-checks',
  scope: 'file-in-context',
  codes: ['supplier-without-agreement', 'supplier-review-overdue'],
  check({ model, facts, report }) {
    const asOf = facts.asOf;
    for (const supplier of model.entities) {
      if (supplier.kind !== 'supplier') continue;
      const criticality = fieldText(supplier, 'criticality');
      if ((criticality === 'medium' || criticality === 'high') && !hasField(supplier, 'agreement')) {
        reportAtHead(report, supplier, 'supplier-without-agreement', `supplier ${nameOf(supplier)} is of ${criticality} criticality but no agreement is recorded`, {
          data: { field: 'agreement', ...entityData(supplier) },
        });
      }
      const field = firstField(supplier, 'reviewed');
      const value = field?.args[0];
      if (!field) {
        if (criticality === 'high') {
          reportAtHead(report, supplier, 'supplier-review-overdue', `supplier ${nameOf(supplier)} is of high criticality and has never been reviewed`, {
            data: { field: 'reviewed', ...entityData(supplier) },
          });
        }
        continue;
      }
      if (value?.kind !== 'date' || !isCalendarDate(value.image)) continue;
      const intervalValue = firstField(supplier, 'review-interval')?.args[0];
      const interval = intervalValue?.kind === 'duration' ? decodeDuration(intervalValue.image) : DEFAULT_INTERVAL;
      const due = addDuration(value.image, interval);
      if (due >= asOf) continue;
      reportAtValue(report, supplier, field, value, 'supplier-review-overdue', `supplier ${nameOf(supplier)} was last reviewed on ${value.image}; the next review was due on ${due} (as of ${asOf})`, {
        data: { field: 'reviewed', actual: value.image, ...entityData(supplier) },
      });
    }
  },
};
