/**
 * `incident-without-lessons` (A.5.27): a closed incident without the
 * `lessons` learnt from it. On the `status closed` field.
 */
import { fieldText, firstField, hasField } from '../model';
import { entityData, nameOf } from '../records';
import type { FileRule } from '../rule';
import { reportAtField } from '../placement';

export const incidentWithoutLessons: FileRule = {
  name: 'incident-without-lessons',
  scope: 'file',
  codes: ['incident-without-lessons'],
  check({ model, report }) {
    for (const incident of model.entities) {
      if (incident.kind !== 'incident' || fieldText(incident, 'status') !== 'closed' || hasField(incident, 'lessons')) continue;
      reportAtField(report, incident, firstField(incident, 'status')!, 'incident-without-lessons', `incident ${nameOf(incident)} is closed but the lessons learnt are not recorded`, {
        data: { field: 'lessons', ...entityData(incident) },
      });
    }
  },
};
