/**
 * `unknown-framework`: each id in an organization's `frameworks` names a
 * shipped framework (`nist-csf-2.0`, `nis2`) or one of the workspace's
 * mapping packs, with the nearest id as suggestion.
 */
import { frameworkSetOf } from '../framework-sets';
import { nearestName } from '../../util/nearest-name';
import type { WorkspaceRule } from '../rule';
import { reportAtValue } from '../placement';

export const frameworks: WorkspaceRule = {
  name: 'frameworks',
  scope: 'workspace',
  codes: ['unknown-framework'],
  check({ index, frameworks, report }) {
    const organizations = index.ofKind('organization');
    if (organizations.length === 0) return;
    const set = frameworks ?? frameworkSetOf();
    for (const organization of organizations) {
      for (const field of organization.fields) {
        if (field.name !== 'frameworks') continue;
        for (const value of field.args) {
          if (value.kind !== 'name' || set.get(value.image)) continue;
          const ids = set.ids();
          // A pack of that name that could not be read: say why, rather than suggest another id.
          const broken = set.errors.find((error) => error.file.slice(error.file.lastIndexOf('/') + 1).replace(/\.tsv$/i, '') === value.image);
          const suggestion = broken ? undefined : nearestName(value.image, ids);
          const hint = broken
            ? `its mapping pack ${broken.file} is malformed (line ${broken.line}, column ${broken.column}: ${broken.message})`
            : suggestion
              ? `did you mean '${suggestion}'?`
              : `known: ${ids.map((id) => `'${id}'`).join(', ')}`;
          reportAtValue(report, organization, field, value, 'unknown-framework', `no framework '${value.image}': ${hint}`, {
            data: { actual: value.image, field: 'frameworks', ...(suggestion ? { suggestion } : {}) },
          });
        }
      }
    }
  },
};
