import { hasField } from '../model';
import type { FileRule } from '../rule';
import { reportAtHead } from '../placement';

/** `missing-competence-evidence` (7.2 d): a role with responsibilities but no documented evidence of competence. */
export const competenceEvidence: FileRule = {
  name: 'competence-evidence',
  scope: 'file',
  codes: ['missing-competence-evidence'],
  check({ model, report }) {
    for (const role of model.entities) {
      if (role.kind !== 'role' || !hasField(role, 'responsibilities') || hasField(role, 'competence-evidence')) continue;
      reportAtHead(report, role, 'missing-competence-evidence', `role ${role.id?.image ?? ''} has responsibilities but no competence-evidence`.replace('  ', ' '), {
        data: { field: 'competence-evidence', ...(role.id ? { entity: role.id.image } : {}) },
      });
    }
  },
};
