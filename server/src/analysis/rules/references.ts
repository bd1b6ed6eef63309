/**
 * References: `unknown-reference` (with the nearest id of the expected kind
 * as suggestion) and `wrong-reference-kind`. A 2022 Annex A id is always a
 * known control (the catalogue declares it); other Annex-shaped ids are
 * reported by annex-ids.ts.
 */
import { annexControl, looksLikeAnnexId } from '../../catalogue/annex-a';
import { nearestName, withArticle } from '../../util/nearest-name';
import type { FileReference } from '../model';
import type { WorkspaceIndex } from '../workspace-index';
import type { CrossFileRule } from '../rule';
import { reportAtValue } from '../placement';

export const references: CrossFileRule = {
  name: 'references',
  scope: 'file-in-workspace',
  codes: ['unknown-reference', 'wrong-reference-kind'],
  // What a reference resolves to, and the suggestions, depend on the declared ids and kinds only.
  key: (index) => index.declarationsKey(),
  check({ model, index, report }) {
    for (const reference of model.references) {
      const { entity, field, value, expected } = reference;
      const id = value.image;
      const target = index.resolve(reference);
      if (!target) {
        if (expected.includes('control') && looksLikeAnnexId(id)) continue;
        const suggestion = nearestName(id, candidateIds(index, reference));
        const hint = suggestion ? `; did you mean '${suggestion}'?` : '';
        reportAtValue(report, entity, field, value, 'unknown-reference', `no ${expected.join(' or ')} '${id}' is declared${hint}`, {
          data: { actual: id, kind: expected[0], field: field.name, ...(suggestion ? { suggestion } : {}) },
        });
      } else if (!expected.includes(target.kind) && !(expected.includes('control') && annexControl(id))) {
        reportAtValue(report, entity, field, value, 'wrong-reference-kind', `'${id}' is ${withArticle(target.kind)}, but '${field.name}' expects ${withArticle(expected.join(' or '))}`, {
          data: { actual: id, kind: expected[0], field: field.name },
          related: [{ file: target.file, start: target.id!.start, end: target.id!.end, message: `'${id}' is declared here` }],
        });
      }
    }
  },
};

function candidateIds(index: WorkspaceIndex, reference: FileReference): string[] {
  const ids: string[] = [];
  for (const kind of reference.expected) for (const entity of index.ofKind(kind)) if (entity.id) ids.push(entity.id.image);
  return ids;
}
