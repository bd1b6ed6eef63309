/**
 * `control-missing-justification` (6.1.3 d): the SoA justifies each
 * inclusion and exclusion. An excluded control needs a `reason`; an included
 * one needs a `reason` unless a risk or a party refers to it.
 */
import { fieldText, hasField, type FileModel } from '../model';
import type { WorkspaceRule } from '../rule';
import { derivation, derived } from '../derived-data';
import { reportAtHead } from '../placement';

export const controlJustification: WorkspaceRule = {
  name: 'control-justification',
  scope: 'workspace',
  codes: ['control-missing-justification'],
  check({ index, report }) {
    // The controls that a risk or a party relies on justify themselves.
    const relied = new Set<string>();
    for (const file of index.files) for (const id of reliedOnIn(file)) relied.add(id);
    for (const control of index.ofKind('control')) {
      if (hasField(control, 'reason') || !control.id) continue;
      const applicable = fieldText(control, 'applicable');
      const id = control.id.image;
      if (applicable === 'no') {
        reportAtHead(report, control, 'control-missing-justification', `${id} is excluded without a reason`, { data: { field: 'reason', entity: id } });
      } else if (applicable === 'yes') {
        if (!relied.has(id)) {
          reportAtHead(report, control, 'control-missing-justification', `${id} is included, but no risk or party refers to it and it has no reason`, {
            data: { field: 'reason', entity: id },
          });
        }
      }
    }
  },
};

/** The controls that the risks and parties of a file rely on; per file model, so an edit collects the ids of the edited file only. */
const RELIED_ON = /* @__PURE__ */ derivation<FileModel, ReadonlySet<string>>('controls relied on', (file) => {
  const ids = new Set<string>();
  for (const reference of file.references) {
    const kind = reference.entity.kind;
    if ((kind === 'risk' || kind === 'party') && reference.expected.includes('control')) ids.add(reference.value.image);
  }
  return ids;
});

function reliedOnIn(file: FileModel): ReadonlySet<string> {
  return derived(RELIED_ON, file);
}
