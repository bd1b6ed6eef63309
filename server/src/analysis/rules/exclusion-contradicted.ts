/**
 * `exclusion-contradicted` (6.1.3 d): an Annex A control is excluded
 * (`applicable no`) while the ISMS records what it governs: A.5.1 and
 * policies, A.5.9 and assets, A.5.19 and suppliers, A.5.24 and incidents,
 * A.5.31 and obligations, A.6.3 and awareness trainings (LANGUAGE.md §7.4).
 * On the control's head; the message names one record, which is the related
 * location.
 *
 * The same holds for the controls that govern the same records whatever they
 * are, so their exclusion is contradicted alike: A.5.12 by an asset with a
 * classification; A.5.20 (security in supplier agreements) and A.5.22
 * (monitoring of supplier services) by any supplier; A.5.25–A.5.27
 * (assessing, responding to and learning from incidents) and A.6.8 (event
 * reporting) by any incident. A.5.21 and A.5.23 are left out: they concern
 * ICT and cloud suppliers only, which a supplier record does not tell apart.
 *
 * A workspace rule, but a cheap one: a dozen id lookups, and the first record
 * of a kind.
 */
import type { EntityKind } from '../../schema';
import { describeEntity, fieldText, hasField, type Entity } from '../model';
import type { WorkspaceRule } from '../rule';
import type { WorkspaceIndex } from '../workspace-index';
import { reportAtHead } from '../placement';

/** Which records contradict an exclusion: a kind, and which of its records count (all when absent). */
interface Governed {
  readonly kind: EntityKind;
  readonly what: string;
  readonly counts?: (record: Entity) => boolean;
}

const POLICIES: Governed = { kind: 'policy', what: 'policies' };
const ASSETS: Governed = { kind: 'asset', what: 'assets' };
const CLASSIFIED_ASSETS: Governed = { kind: 'asset', what: 'classified assets', counts: (asset) => hasField(asset, 'classification') };
const SUPPLIERS: Governed = { kind: 'supplier', what: 'suppliers' };
const INCIDENTS: Governed = { kind: 'incident', what: 'incidents' };
const OBLIGATIONS: Governed = { kind: 'obligation', what: 'obligations' };
const AWARENESS: Governed = { kind: 'training', what: 'awareness trainings', counts: (training) => fieldText(training, 'type') === 'awareness' };

const GOVERNED: readonly (readonly [string, Governed])[] = [
  ['A.5.1', POLICIES],
  ['A.5.9', ASSETS],
  ['A.5.12', CLASSIFIED_ASSETS],
  ['A.5.19', SUPPLIERS],
  ['A.5.20', SUPPLIERS],
  ['A.5.22', SUPPLIERS],
  ['A.5.24', INCIDENTS],
  ['A.5.25', INCIDENTS],
  ['A.5.26', INCIDENTS],
  ['A.5.27', INCIDENTS],
  ['A.5.31', OBLIGATIONS],
  ['A.6.3', AWARENESS],
  ['A.6.8', INCIDENTS],
];

export const exclusionContradicted: WorkspaceRule = {
  name: 'exclusion-contradicted',
  scope: 'workspace',
  codes: ['exclusion-contradicted'],
  check({ index, report }) {
    for (const [id, governed] of GOVERNED) {
      for (const control of index.declarations(id)) {
        if (control.kind !== 'control' || fieldText(control, 'applicable') !== 'no') continue;
        const record = firstRecord(index, governed);
        if (!record) continue;
        const { kind, what } = governed;
        reportAtHead(report, control, 'exclusion-contradicted', `${id} is excluded, yet the ISMS records ${what} it governs, such as ${describeEntity(record)}`, {
          data: { entity: id, kind },
          related: [{ file: record.file, start: record.statement.start, end: record.headEnd, message: `${describeEntity(record)} is recorded here` }],
        });
      }
    }
  },
};

function firstRecord(index: WorkspaceIndex, { kind, counts }: Governed): Entity | undefined {
  if (!counts) return index.first(kind);
  for (const record of index.ofKind(kind)) if (counts(record)) return record;
  return undefined;
}
