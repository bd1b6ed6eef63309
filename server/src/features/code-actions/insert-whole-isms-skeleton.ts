/**
 * The whole-ISMS findings of a missing element (`missing-scope`,
 * `missing-policy`, …): appends a well-formed skeleton of that element, with
 * its required fields as placeholders, at the end of the file holding
 * `organization` (else the first file in path order).
 *
 * - `risk-criteria`: a 5×5 scale, acceptance 6, a yearly reassessment;
 * - `policy`: the information security policy (`type information-security`),
 *   approved by a top management role (the schema's placeholder when there
 *   is none), with an objectives framework, both commitments of 5.2 and
 *   `communicated-to`, so that it is complete;
 * - v2: a risk, the `audit-programme` (12 months), the `soa` statement, an
 *   awareness `training` (also when older trainings exist);
 * - roles named elsewhere (an objective's owner) are top management, else the
 *   first role; ids are fresh (`O-1`, `IA-1`, `infosec`, …).
 */
import type { DiagnosticCode } from '../../analysis/diagnostic-codes';
import type { WorkspaceIndex } from '../../analysis/workspace-index';
import { kindSpec, type EntityKind } from '../../schema';
import { appendToFile, lineBreakOf } from './edit-helpers';
import { quickFixAction, type QuickFix } from './quick-fix';
import { freshId, freshPrefixedId, renderEntity, stubFields, TITLE_PLACEHOLDER } from './stubs';

interface Skeleton {
  readonly kind: EntityKind;
  readonly title: string;
  /** The entity's title in its head (for kinds with one). */
  readonly name?: string;
  /** The id when the kind has no prefix (`infosec`). */
  readonly id?: string;
  /** Fields beyond the required ones. */
  readonly extra?: readonly string[];
  /** Offered even when the workspace has entities of the kind (they are not enough: e.g. no recent awareness training). */
  readonly always?: boolean;
}

const SKELETONS: Partial<Record<DiagnosticCode, Skeleton>> = {
  'missing-scope': { kind: 'scope', title: 'Add a scope' },
  'missing-policy': {
    kind: 'policy',
    title: 'Add an information security policy',
    name: '"Information Security Policy"',
    id: 'infosec',
    extra: ['type', 'objectives-framework', 'commits-to', 'communicated-to'],
  },
  'missing-risk-criteria': { kind: 'risk-criteria', title: 'Add risk criteria (5×5 scales, acceptance 6)', extra: ['assessment-interval'] },
  'missing-objectives': { kind: 'objective', title: 'Add an information security objective' },
  'missing-internal-audit': { kind: 'audit', title: 'Add an internal audit', name: '"Internal audit"' },
  'missing-management-review': { kind: 'review', title: 'Add a management review', name: '"Management review"' },
  'missing-context': { kind: 'issue', title: 'Add an internal or external issue' },
  'missing-interested-parties': { kind: 'party', title: 'Add an interested party', extra: ['requirement'] },
  'missing-measurement': { kind: 'measurement', title: 'Add a measurement', extra: ['objective', 'method', 'frequency'] },
  // v2 (LANGUAGE.md §7.4)
  'missing-risk-assessment': { kind: 'risk', title: 'Add a risk', name: '"TODO: title"', extra: ['assessed'] },
  'missing-audit-programme': { kind: 'audit-programme', title: 'Add an audit programme (every part audited yearly)', extra: ['criteria'] },
  'soa-not-approved': { kind: 'soa', title: 'Add the soa statement (version, approvers, approval date)' },
  'missing-awareness': { kind: 'training', title: 'Add an awareness training', name: '"Security awareness"', extra: ['attendees'], always: true },
};

export const insertWholeIsmsSkeleton: QuickFix = {
  codes: Object.keys(SKELETONS) as DiagnosticCode[],
  fixes(context) {
    const { diagnostic, index } = context;
    const skeleton = SKELETONS[diagnostic.code];
    if (!skeleton || (!skeleton.always && index.ofKind(skeleton.kind).length > 0)) return [];
    const targetFile = index.first('organization')?.file ?? index.files[0]?.file;
    const model = index.files.find((file) => file.file === targetFile);
    if (!model) return [];
    const eol = lineBreakOf(model.parsed.text);
    const text = renderEntity(head(index, skeleton), stubFields(index, skeleton.kind, { extra: skeleton.extra, placeholderReferences: true }), eol);
    return [quickFixAction(context, skeleton.title, [appendToFile(model.parsed, text)], { file: model.file, isPreferred: true })];
  },
};

function head(index: WorkspaceIndex, skeleton: Skeleton): string {
  const spec = kindSpec(skeleton.kind)!;
  if (spec.head === 'bare') return spec.kind;
  if (spec.head === 'title') return `${spec.kind} ${skeleton.name ?? TITLE_PLACEHOLDER}`;
  const id = spec.idPrefix ? freshPrefixedId(index, spec.idPrefix) : freshId(index, skeleton.id ?? spec.kind);
  return `${spec.kind} ${id} ${skeleton.name ?? TITLE_PLACEHOLDER}`;
}
