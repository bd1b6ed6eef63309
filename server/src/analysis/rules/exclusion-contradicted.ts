/**
 * `exclusion-contradicted` (6.1.3 d): an Annex A control is excluded
 * (`applicable no`) while the ISMS records what it governs: A.5.1 and
 * policies, A.5.9 and assets, A.5.19 and suppliers, A.5.24 and incidents,
 * A.5.31 and obligations, A.6.3 and awareness trainings. On the control's
 * head; the message names one record, which is the related location.
 *
 * A workspace rule, but a cheap one: six id lookups, and the first record of
 * a kind.
 */
import type { EntityKind } from '../../schema';
import { describeEntity, fieldText, type Entity } from '../model';
import type { WorkspaceRule } from '../rule';
import type { WorkspaceIndex } from '../workspace-index';
import { reportAtHead } from '../placement';

const GOVERNED: readonly (readonly [string, EntityKind, string])[] = [
  ['A.5.1', 'policy', 'policies'],
  ['A.5.9', 'asset', 'assets'],
  ['A.5.19', 'supplier', 'suppliers'],
  ['A.5.24', 'incident', 'incidents'],
  ['A.5.31', 'obligation', 'obligations'],
  ['A.6.3', 'training', 'awareness trainings'],
];

export const exclusionContradicted: WorkspaceRule = {
  name: 'exclusion-contradicted',
  scope: 'workspace',
  codes: ['exclusion-contradicted'],
  check({ index, report }) {
    for (const [id, kind, what] of GOVERNED) {
      for (const control of index.declarations(id)) {
        if (control.kind !== 'control' || fieldText(control, 'applicable') !== 'no') continue;
        const record = firstRecord(index, kind);
        if (!record) continue;
        reportAtHead(report, control, 'exclusion-contradicted', `${id} is excluded, yet the ISMS records ${what} it governs, such as ${describeEntity(record)}`, {
          data: { entity: id, kind },
          related: [{ file: record.file, start: record.statement.start, end: record.headEnd, message: `${describeEntity(record)} is recorded here` }],
        });
      }
    }
  },
};

function firstRecord(index: WorkspaceIndex, kind: EntityKind): Entity | undefined {
  if (kind !== 'training') return index.first(kind);
  for (const training of index.ofKind('training')) if (fieldText(training, 'type') === 'awareness') return training;
  return undefined;
}
