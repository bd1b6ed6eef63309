/** `excluded-control-used`: a risk's `controls` or a party's `addressed-by` names a control the SoA excludes. */
import { fieldText, type Entity } from '../model';
import type { WorkspaceRule } from '../rule';
import { reportAtValue } from './placement';

export const excludedControls: WorkspaceRule = {
  name: 'excluded-controls',
  scope: 'workspace',
  codes: ['excluded-control-used'],
  check({ index, report }) {
    const excluded = new Map<string, Entity>();
    for (const control of index.ofKind('control')) {
      if (control.id && fieldText(control, 'applicable') === 'no' && !excluded.has(control.id.image)) excluded.set(control.id.image, control);
    }
    if (excluded.size === 0) return;
    for (const reference of index.allReferences()) {
      const control = excluded.get(reference.value.image);
      if (!control || !reference.expected.includes('control')) continue;
      const { entity, field, value } = reference;
      reportAtValue(report, entity, field, value, 'excluded-control-used', `${value.image} is excluded from the Statement of Applicability (applicable no), yet ${entity.id?.image ?? entity.kind} relies on it`, {
        data: { actual: value.image },
        related: [{ file: control.file, start: control.statement.start, end: control.headEnd, message: `${value.image} is excluded here` }],
      });
    }
  },
};
