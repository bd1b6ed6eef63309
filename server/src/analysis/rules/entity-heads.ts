/**
 * Entity heads: `kind ID "Title"` as the kind's schema wants it.
 * `missing-title`, and `invalid-value` for a missing id and extra arguments.
 * Annex A ids of control heads are checked by annex-ids.ts.
 */
import { looksLikeAnnexId } from '../../catalogue/annex-a';
import { headArgumentCount, type Entity } from '../model';
import type { FileRule, Report } from '../rule';
import { reportAtHead } from '../placement';

export const entityHeads: FileRule = {
  name: 'entity-heads',
  scope: 'file',
  codes: ['missing-title', 'invalid-value'],
  check({ model, report }) {
    for (const entity of model.entities) checkHead(entity, report);
  },
};

function checkHead(entity: Entity, report: Report): void {
  const { spec } = entity;
  const args = entity.statement.args;
  const clause = spec.clauses[0];
  let used = headArgumentCount(entity);
  const wantsId = spec.head === 'id-title' || spec.head === 'id-optional-title';
  if (wantsId && !entity.id) {
    const first = args[0];
    if (first && first !== entity.title) {
      report('invalid-value', entity.file, first.start, first.end, `${spec.kind} needs an id here: ${spec.kind} ID "Title"`, { clause });
      used = Math.max(used, 1);
    } else {
      reportAtHead(report, entity, 'invalid-value', `${spec.kind} needs an id: ${spec.kind} ID "Title"`);
    }
  }
  if (needsTitle(entity) && !entity.title) {
    const what = spec.kind === 'control' ? 'a custom control' : spec.kind;
    const where = entity.id ? ` after '${entity.id.image}'` : '';
    reportAtHead(report, entity, 'missing-title', `${what} needs a title in quotes${where}`, {
      data: { kind: spec.kind, ...(entity.id ? { entity: entity.id.image } : {}) },
    });
  }
  for (const value of args.slice(used)) {
    const message = spec.head === 'bare' ? `${spec.kind} takes no id or title` : `unexpected '${value.image}' after the head of ${spec.kind}`;
    report('invalid-value', entity.file, value.start, value.end, message, { clause });
  }
}

/** Every kind with a title in its head needs it, but an Annex A control takes its title from the catalogue. */
function needsTitle(entity: Entity): boolean {
  switch (entity.spec.head) {
    case 'id-title':
    case 'title':
      return true;
    case 'id-optional-title':
      return entity.id !== undefined && !looksLikeAnnexId(entity.id.image);
    case 'bare':
      return false;
  }
}
