/**
 * The SoA entry as a plan (6.1.3 d, e):
 * `control-without-due`: an applicable control that is `partial`, `planned`
 * or `not-implemented` without a `due` date (at the head);
 * `contradictory-control`: an excluded control (`applicable no`) with a
 * `status` other than `not-implemented`, a `due` or an `implementation`
 * (on each contradicting field).
 */
import { fieldText, hasField } from '../model';
import { entityData, nameOf } from '../records';
import type { FileRule } from '../rule';
import { reportAtField, reportAtHead } from '../placement';

const UNFINISHED = new Set(['partial', 'planned', 'not-implemented']);
const CONTRADICTING_STATUS = new Set(['implemented', 'partial', 'planned']);

export const controlPlan: FileRule = {
  name: 'control-plan',
  scope: 'file',
  codes: ['control-without-due', 'contradictory-control'],
  check({ model, report }) {
    for (const control of model.entities) {
      if (control.kind !== 'control') continue;
      const applicable = fieldText(control, 'applicable');
      if (applicable === 'yes') {
        const status = fieldText(control, 'status');
        if (status !== undefined && UNFINISHED.has(status) && !hasField(control, 'due')) {
          reportAtHead(report, control, 'control-without-due', `${nameOf(control)} is ${status} but has no due date: the risk treatment plan needs a date`, {
            data: { field: 'due', ...entityData(control) },
          });
        }
      } else if (applicable === 'no') {
        for (const field of control.fields) {
          const value = field.args[0];
          let what: string | undefined;
          if (field.name === 'status' && value?.kind === 'name' && CONTRADICTING_STATUS.has(value.image)) what = `status ${value.image}`;
          else if (field.name === 'due') what = 'a due date';
          else if (field.name === 'implementation') what = 'an implementation';
          if (!what) continue;
          reportAtField(report, control, field, 'contradictory-control', `${nameOf(control)} is excluded (applicable no) but has ${what}: either include it or remove '${field.name}'`, {
            data: { field: field.name, ...entityData(control) },
          });
        }
      }
    }
  },
};
