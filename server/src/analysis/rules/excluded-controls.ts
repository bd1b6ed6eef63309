/** `excluded-control-used`: a risk's `controls` or a party's `addressed-by` names a control the SoA excludes. */
import { fieldText, type Entity } from '../model';
import type { CrossFileRule } from '../rule';
import type { WorkspaceIndex } from '../workspace-index';
import { derivation, derived } from '../derived-data';
import { reportAtValue } from '../placement';

export const excludedControls: CrossFileRule = {
  name: 'excluded-controls',
  scope: 'file-in-workspace',
  codes: ['excluded-control-used'],
  // The excluded controls and where they stand (findings point at them).
  key: (index) => [...excludedIn(index).values()].map((control) => `${control.id!.image} ${control.file} ${control.statement.start} ${control.headEnd}`).join('\n'),
  check({ model, index, report }) {
    const excluded = excludedIn(index);
    if (excluded.size === 0) return;
    for (const reference of model.references) {
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

/** The controls the SoA excludes (`applicable no`), by id; the first entry of an id counts. */
const EXCLUDED = /* @__PURE__ */ derivation<WorkspaceIndex, Map<string, Entity>>('excluded controls', (index) => {
  const excluded = new Map<string, Entity>();
  for (const control of index.ofKind('control')) {
    if (control.id && fieldText(control, 'applicable') === 'no' && !excluded.has(control.id.image)) excluded.set(control.id.image, control);
  }
  return excluded;
});

function excludedIn(index: WorkspaceIndex): Map<string, Entity> {
  return derived(EXCLUDED, index);
}
