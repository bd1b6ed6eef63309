/** `excluded-control-used`: a risk's `controls` or a party's `addressed-by` names a control the SoA excludes. */
import { fieldText } from '../model';
import type { WorkspaceRule } from '../rule';
import { reportAtValue } from './placement';

export const excludedControls: WorkspaceRule = {
  name: 'excluded-controls',
  scope: 'workspace',
  codes: ['excluded-control-used'],
  check({ index, report }) {
    for (const reference of index.references) {
      const { entity, field, value, target } = reference;
      if (target?.kind !== 'control' || !reference.expected.includes('control')) continue;
      if (fieldText(target, 'applicable') !== 'no') continue;
      reportAtValue(report, entity, field, value, 'excluded-control-used', `${reference.id} is excluded from the Statement of Applicability (applicable no), yet ${entity.id?.image ?? entity.kind} relies on it`, {
        data: { actual: reference.id },
        related: [{ file: target.file, start: target.statement.start, end: target.headEnd, message: `${reference.id} is excluded here` }],
      });
    }
  },
};
