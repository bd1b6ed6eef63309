/**
 * The language schema as data: every kind of LANGUAGE.md §3 and §7 (v2) with
 * its head, fields, types, required fields and clauses. Change the language here.
 */
import type { EntityKind, FieldSpec, KindSpec, ValueType } from './schema-types';

const text: ValueType = { kind: 'text' };
const date: ValueType = { kind: 'date' };
const duration: ValueType = { kind: 'duration' };
const number: ValueType = { kind: 'number' };
const level: ValueType = { kind: 'number', integer: true, min: 1 };
const percent: ValueType = { kind: 'percent' };
const oneOf = (...values: string[]): ValueType => ({ kind: 'enum', values });
const ref = (...to: EntityKind[]): ValueType & { kind: 'reference' } => ({ kind: 'reference', to });
const yesNo = oneOf('yes', 'no');
const CLASSIFICATION = oneOf('public', 'internal', 'confidential', 'restricted');

/** The inputs of a management review (9.3.2 a–g), as `considered` names them, with their letter and what they are. */
export const REVIEW_INPUTS: readonly (readonly [name: string, letter: string, description: string])[] = [
  ['previous-actions', 'a', 'the status of actions from previous management reviews'],
  ['external-internal-changes', 'b', 'changes in external and internal issues relevant to the ISMS'],
  ['interested-party-changes', 'c', 'changes in needs and expectations of interested parties'],
  ['performance', 'd', 'feedback on information security performance'],
  ['feedback', 'e', 'feedback from interested parties'],
  ['risk-results', 'f', 'results of risk assessment and status of the risk treatment plan'],
  ['improvement', 'g', 'opportunities for continual improvement'],
];

interface FieldOptions {
  required?: boolean;
  list?: boolean;
  repeatable?: boolean;
  clause?: string;
  placeholder?: string;
  missingCode?: FieldSpec['missingCode'];
}

function field(name: string, types: ValueType | ValueType[], description: string, options: FieldOptions = {}): FieldSpec {
  const typeList = Array.isArray(types) ? types : [types];
  return {
    name,
    types: typeList,
    required: options.required ?? false,
    list: options.list ?? false,
    repeatable: options.repeatable ?? false,
    clause: options.clause,
    description,
    placeholder: options.placeholder ?? defaultPlaceholder(typeList[0]),
    missingCode: options.missingCode,
    references: typeList.find((type) => type.kind === 'reference')?.to,
  };
}

function defaultPlaceholder(type: ValueType): string {
  switch (type.kind) {
    case 'text':
      return '"TODO"';
    case 'date':
      return '2026-01-01';
    case 'duration':
      return '12 months';
    case 'number':
      return '1';
    case 'percent':
      return '100%';
    case 'enum':
      return type.values[0];
    case 'reference':
      return 'TODO';
  }
}

export const KINDS: readonly KindSpec[] = [
  {
    kind: 'organization',
    head: 'title',
    singleton: true,
    clauses: ['4'],
    description: 'The organization whose ISMS this is; whole-ISMS findings are reported at its head.',
    fields: [
      field('top-management', ref('role'), 'The roles that form top management (clause 5.1).', { list: true, clause: '5.1' }),
      field('climate-change', oneOf('relevant', 'not-relevant'), 'Whether climate change is a relevant issue (clause 4.1, Amendment 1:2024).', {
        clause: '4.1',
        placeholder: 'not-relevant',
      }),
      field('review-interval', duration, 'How often management reviews are held at least (9.3.1); 12 months when not given.', { clause: '9.3.1' }),
      field('frameworks', oneOf('nist-csf-2.0', 'nis2'), 'Other frameworks to measure the ISMS against (coverage from the SoA; a mapping pack adds its own id).', { list: true, placeholder: 'nis2' }),
      field('review-interval', duration, 'How often management reviews are held at least (9.3.1); 12 months when not given.', { clause: '9.3.1' }),
    ],
  },
  {
    kind: 'scope',
    head: 'bare',
    singleton: true,
    clauses: ['4.3'],
    description: 'The boundaries and applicability of the ISMS.',
    fields: [
      field('statement', text, 'The scope statement itself.', { required: true }),
      field('includes', text, 'What the scope includes (sites, services, teams).', { list: true }),
      field('excludes', text, 'What the scope leaves out, and why.', { list: true }),
      field('interfaces', text, 'Interfaces and dependencies with activities outside the scope (4.3 c).', { list: true }),
    ],
  },
  {
    kind: 'issue',
    head: 'id-title',
    singleton: false,
    clauses: ['4.1'],
    idPrefix: 'I-',
    description: 'An internal or external issue relevant to the ISMS.',
    fields: [
      field('type', oneOf('internal', 'external'), 'Whether the issue is internal or external.', { required: true }),
      field('note', text, 'How the issue bears on information security.'),
    ],
  },
  {
    kind: 'party',
    head: 'id-title',
    singleton: false,
    clauses: ['4.2'],
    idPrefix: 'P-',
    description: 'An interested party and its requirements.',
    fields: [
      field('requirement', text, 'A requirement of the party relevant to information security.', { repeatable: true }),
      field('addressed-by', ref('control'), 'The controls that address the requirements.', { list: true, clause: '4.2 c' }),
    ],
  },
  {
    kind: 'role',
    head: 'id-title',
    singleton: false,
    clauses: ['5.3', '7.2'],
    description: 'An organizational role with ISMS responsibilities.',
    fields: [
      field('holder', text, 'Who holds the role.'),
      field('top-management', yesNo, 'Whether the role belongs to top management.', { clause: '5.1' }),
      field('responsibilities', text, 'The ISMS responsibilities and authorities of the role.', { clause: '5.3' }),
      field('competence', text, 'The competence the role needs.', { clause: '7.2' }),
      field('competence-evidence', text, 'Documented evidence of competence (7.2 d).', { list: true, clause: '7.2' }),
    ],
  },
  {
    kind: 'policy',
    head: 'id-title',
    singleton: false,
    clauses: ['5.2'],
    description:
      'A policy: the information security policy (5.2), approved by top management, or a topic-specific policy (A.5.1), approved by appropriate management.',
    fields: [
      field('type', oneOf('information-security', 'topic-specific'), 'Whether this is the information security policy (5.2) or a topic-specific policy (A.5.1).', {
        placeholder: 'information-security',
      }),
      field('version', text, 'The version of the policy document (7.5.2).', { clause: '7.5.2', placeholder: '"1.0"' }),
      field('owner', ref('role'), 'The role that maintains the policy.'),
      field('approved-by', ref('role'), 'The roles that approved the policy (top management for the information security policy).', {
        required: true,
        list: true,
        clause: '5.1',
      }),
      field('approved', date, 'When the policy was approved.', { required: true }),
      field('next-review', date, 'When the policy is next reviewed.'),
      field('statement', text, 'The policy itself, when written inline.'),
      field('document', text, 'The file that holds the policy, relative to this file.', { placeholder: '"policies/TODO.md"' }),
      field('objectives', ref('objective'), 'The objectives the policy sets (5.2 b).', { list: true, clause: '5.2 b' }),
      field('objectives-framework', text, 'How the policy frames the setting of objectives (5.2 b).', { clause: '5.2 b' }),
      field('commits-to', oneOf('requirements', 'continual-improvement'), 'Commitments to satisfy requirements (5.2 c) and to improve (5.2 d).', {
        list: true,
        clause: '5.2 c',
      }),
      field('communicated-to', text, 'Who the policy is communicated to (5.2 f, g).', { list: true, clause: '5.2' }),
    ],
  },
  {
    kind: 'risk-criteria',
    head: 'bare',
    singleton: true,
    clauses: ['6.1.2'],
    description: 'The risk scales and acceptance criteria.',
    fields: [
      field('likelihood-scale', text, 'One label per likelihood level, level 1 first.', { required: true, list: true }),
      field('impact-scale', text, 'One label per impact level, level 1 first.', { required: true, list: true }),
      field('acceptance', number, 'Scores (likelihood × impact) at or below this are acceptable.', { required: true, placeholder: '6' }),
      field('assessment-interval', duration, 'How often each risk is reassessed (8.2); 12 months when not given.', { clause: '8.2' }),
    ],
  },
  {
    kind: 'asset',
    head: 'id-title',
    singleton: false,
    clauses: ['A.5.9'],
    description: 'An information asset in the inventory, with its owner.',
    fields: [
      field('owner', ref('role'), 'The role that owns the asset.', { required: true }),
      field('type', oneOf('information', 'software', 'hardware', 'service', 'people', 'site'), 'The kind of asset.'),
      field('classification', CLASSIFICATION, 'The classification of the information (A.5.12).', {
        clause: 'A.5.12',
      }),
    ],
  },
  {
    kind: 'risk',
    head: 'id-title',
    singleton: false,
    clauses: ['6.1.2', '6.1.3', '8.2', '8.3'],
    idPrefix: 'R-',
    description: 'An information security risk: its analysis, evaluation and treatment.',
    fields: [
      field('owner', ref('role'), 'The risk owner (6.1.2 c).', { required: true, clause: '6.1.2' }),
      field('asset', ref('asset'), 'The assets at risk.', { list: true }),
      field('threat', text, 'What could cause harm.'),
      field('vulnerability', text, 'The weakness the threat exploits.'),
      field('likelihood', level, 'Inherent likelihood level, on the likelihood scale.', { required: true, placeholder: '3' }),
      field('impact', level, 'Inherent impact level, on the impact scale.', { required: true, placeholder: '3' }),
      field('treatment', oneOf('mitigate', 'accept', 'avoid', 'transfer'), 'The chosen risk treatment option (6.1.3 a).', { clause: '6.1.3' }),
      field('controls', ref('control'), 'The controls that treat the risk (6.1.3 b).', { list: true, clause: '6.1.3' }),
      field('residual-likelihood', level, 'Likelihood level after treatment.', { clause: '6.1.3', placeholder: '2' }),
      field('residual-impact', level, 'Impact level after treatment.', { clause: '6.1.3', placeholder: '2' }),
      field('accepted-by', ref('role'), 'The roles that accept the residual risk: the risk owner, and top management above the criteria (6.1.3 f).', {
        list: true,
        clause: '6.1.3 f',
      }),
      field('affects', oneOf('confidentiality', 'integrity', 'availability'), 'The properties whose loss the risk is about (6.1.2 c).', {
        list: true,
        clause: '6.1.2 c',
      }),
      field('assessed', date, 'When the risk was last assessed (8.2).', { clause: '8.2' }),
    ],
  },
  {
    kind: 'control',
    head: 'id-optional-title',
    singleton: false,
    clauses: ['6.1.3 d'],
    description: 'A Statement of Applicability entry: an Annex A control (A.5.1–A.8.34) or a custom control.',
    fields: [
      field('applicable', yesNo, 'Whether the control is applicable.', { required: true }),
      field('reason', text, 'Why the control is included or excluded (the justification).'),
      field('implementation', text, 'How the control is implemented.'),
      field('status', oneOf('implemented', 'partial', 'planned', 'not-implemented'), 'Whether the control is implemented.', {
        placeholder: 'planned',
      }),
      field('owner', ref('role'), 'The role responsible for the control.'),
      field('evidence', text, 'Evidence of implementation: a file relative to this one, or a description.', { list: true }),
      field('due', date, 'When implementation is due.', { clause: '6.1.3 e' }),
      field('verified', date, 'When the effectiveness of the control was last checked.', { clause: '9.1' }),
    ],
  },
  {
    kind: 'objective',
    head: 'id-title',
    singleton: false,
    clauses: ['6.2'],
    idPrefix: 'O-',
    description: 'An information security objective and how it is planned and measured.',
    fields: [
      field('measure', text, 'How achievement is measured (6.2 b).', { required: true }),
      field('target', [text, number, percent], 'The level to reach.', { required: true }),
      field('owner', ref('role'), 'Who is responsible (6.2 h).', { required: true }),
      field('due', date, 'When it will be completed (6.2 i).', { required: true }),
      field('policy', ref('policy'), 'The policy the objective serves.'),
      field('resources', text, 'The resources required (6.2 g).'),
      field('evaluation', text, 'How the results will be evaluated (6.2 j).'),
      field('status', oneOf('open', 'achieved', 'missed'), 'Whether the objective is still open, achieved or missed; open when not given.'),
    ],
  },
  {
    kind: 'measurement',
    head: 'id-title',
    singleton: false,
    clauses: ['9.1'],
    idPrefix: 'M-',
    description: 'Monitoring and measurement of ISMS performance.',
    fields: [
      field('objective', ref('objective'), 'The objective measured.'),
      field('method', text, 'The method of measurement.'),
      field('frequency', [text, duration], 'How often it is measured.'),
      field('result', [text, number, percent], 'The latest result.'),
      field('date', date, 'When it was measured.'),
    ],
  },
  {
    kind: 'audit',
    head: 'id-title',
    singleton: false,
    clauses: ['9.2'],
    idPrefix: 'IA-',
    description: 'An internal audit.',
    fields: [
      field('date', date, 'When the audit took place.', { required: true }),
      field('auditor', [text, ref('role')], 'Who audited (objective and impartial): a role, or a name in quotes.', { required: true }),
      field('scope', text, 'What the audit covered.'),
      field('result', text, 'The audit conclusion.'),
      field('findings', ref('nonconformity'), 'The nonconformities raised.', { list: true }),
    ],
  },
  {
    kind: 'review',
    head: 'id-title',
    singleton: false,
    clauses: ['9.3'],
    idPrefix: 'MR-',
    description: 'A management review.',
    fields: [
      field('date', date, 'When the review took place.', { required: true }),
      field('attendees', ref('role'), 'The roles that attended.', { list: true }),
      field('inputs', text, 'Notes on the inputs considered (9.3.2).', { list: true, clause: '9.3.2' }),
      field(
        'considered',
        oneOf(...REVIEW_INPUTS.map(([name]) => name)),
        'The inputs of 9.3.2 that the review covered: previous-actions (a), external-internal-changes (b), interested-party-changes (c), performance (d), feedback (e), risk-results (f), improvement (g).',
        { list: true, clause: '9.3.2', placeholder: 'previous-actions' },
      ),
      field('decisions', text, 'The decisions taken (9.3.3).', { required: true }),
    ],
  },
  {
    kind: 'nonconformity',
    head: 'id-title',
    singleton: false,
    clauses: ['10.2'],
    idPrefix: 'NC-',
    description: 'A nonconformity and its corrective action.',
    fields: [
      field('raised', date, 'When it was raised.'),
      field('source', ref('audit', 'review'), 'The audit or review that found it.'),
      field('cause', text, 'Its root cause (10.2 b).'),
      field('correction', text, 'The immediate correction (10.2 a).'),
      field('corrective-action', text, 'The action that removes the cause (10.2 c).', {
        required: true,
        missingCode: 'nonconformity-without-action',
      }),
      field('status', oneOf('open', 'closed'), 'Whether it is still open.'),
      field('effectiveness', text, 'How the corrective action was shown effective (10.2 d); required once closed.'),
      field('due', date, 'When the corrective action is due.'),
    ],
  },
  {
    kind: 'soa',
    head: 'bare',
    singleton: true,
    clauses: ['6.1.3 d', '7.5.2'],
    description: 'The Statement of Applicability as a controlled document: its version, approval and date (its entries are the `control` statements).',
    fields: [
      field('version', text, 'The version of the Statement of Applicability.', { required: true, clause: '7.5.2', placeholder: '"1.0"' }),
      field('approved-by', ref('role'), 'The roles that approved the Statement of Applicability.', { required: true, list: true, clause: '7.5.2' }),
      field('approved', date, 'When the Statement of Applicability was approved.', { required: true, clause: '7.5.2' }),
      field('owner', ref('role'), 'The role that maintains the Statement of Applicability.'),
      field('classification', CLASSIFICATION, 'The classification of the document (A.5.12).', { clause: 'A.5.12' }),
    ],
  },
  {
    kind: 'audit-programme',
    head: 'bare',
    singleton: true,
    clauses: ['9.2.2'],
    description: 'The internal audit programme: who plans it, how often each part of the ISMS is audited, by which criteria and methods.',
    fields: [
      field('owner', ref('role'), 'The role that plans and maintains the programme.', { required: true }),
      field('interval', duration, 'Each part of the ISMS is audited at least this often.', { required: true }),
      field('criteria', text, 'The audit criteria (9.2.2 b).'),
      field('methods', text, 'The audit methods (9.2.2 a).'),
    ],
  },
  {
    kind: 'supplier',
    head: 'id-title',
    singleton: false,
    clauses: ['A.5.19', 'A.5.20', 'A.5.21', 'A.5.22'],
    idPrefix: 'S-',
    description: 'A supplier, with its agreement and its monitoring and review.',
    fields: [
      field('owner', ref('role'), 'The role that manages the supplier relationship.', { required: true }),
      field('criticality', oneOf('low', 'medium', 'high'), 'How critical the supplier is to information security.', { required: true, placeholder: 'medium' }),
      field('provides', text, 'What the supplier provides.'),
      field('assets', ref('asset'), 'The assets the supplier handles or provides.', { list: true }),
      field('agreement', text, 'The contract or data processing agreement: a path or a reference (A.5.20).', { clause: 'A.5.20' }),
      field('certifications', text, 'The supplier\'s certifications (ISO/IEC 27001, SOC 2, …).', { list: true }),
      field('reviewed', date, 'When the supplier was last reviewed (A.5.22).', { clause: 'A.5.22' }),
      field('review-interval', duration, 'How often the supplier is reviewed; 12 months when not given (A.5.22).', { clause: 'A.5.22' }),
      field('risks', ref('risk'), 'The risks the supplier brings.', { list: true }),
    ],
  },
  {
    kind: 'obligation',
    head: 'id-title',
    singleton: false,
    clauses: ['4.2 b', 'A.5.31'],
    idPrefix: 'OB-',
    description: 'A legal, regulatory, contractual or other requirement relevant to information security.',
    fields: [
      field('type', oneOf('legal', 'regulatory', 'contractual', 'other'), 'Where the obligation comes from.', { required: true }),
      field('source', text, 'The law, regulation, contract or clause it comes from.'),
      field('party', ref('party'), 'The interested party that has the requirement.'),
      field('addressed-by', ref('control'), 'The controls that address the obligation (4.2 c).', { list: true, clause: '4.2 c' }),
    ],
  },
  {
    kind: 'incident',
    head: 'id-title',
    singleton: false,
    clauses: ['A.5.24', 'A.5.25', 'A.5.26', 'A.5.27', 'A.5.28', '10.2'],
    idPrefix: 'INC-',
    description: 'An information security incident: its assessment, response and the lessons learnt.',
    fields: [
      field('reported', date, 'When the incident was reported.', { required: true }),
      field('severity', oneOf('low', 'medium', 'high', 'critical'), 'How severe the incident is (A.5.25).', { required: true, clause: 'A.5.25', placeholder: 'medium' }),
      field('status', oneOf('open', 'closed'), 'Whether the incident is still being handled.', { required: true }),
      field('assets', ref('asset'), 'The assets affected.', { list: true }),
      field('closed', date, 'When the incident was closed.'),
      field('lessons', text, 'What was learnt from the incident (A.5.27).', { clause: 'A.5.27' }),
      field('nonconformity', ref('nonconformity'), 'The nonconformity raised for it (10.2).', { clause: '10.2' }),
    ],
  },
  {
    kind: 'training',
    head: 'id-title',
    singleton: false,
    clauses: ['7.2', '7.3'],
    idPrefix: 'T-',
    description: 'An awareness session (7.3) or a competence training (7.2), held or planned.',
    fields: [
      field('type', oneOf('awareness', 'competence'), 'Awareness (7.3) or competence (7.2).', { required: true }),
      field('date', date, 'When it is held; after the as-of date it is a plan.', { required: true }),
      field('roles', ref('role'), 'The roles it is for.', { list: true }),
      field('attendees', text, 'Who attended.', { list: true }),
      field('topics', text, 'What it covered.', { list: true }),
      field('evidence', text, 'Evidence that it took place: a file relative to this one, or a description.', { list: true }),
    ],
  },
  {
    kind: 'change',
    head: 'id-title',
    singleton: false,
    clauses: ['6.3'],
    idPrefix: 'CH-',
    description: 'A planned change to the ISMS (6.3): its purpose, consequences and resources.',
    fields: [
      field('date', date, 'When the change takes effect; after the as-of date it is a plan.', { required: true }),
      field('purpose', text, 'Why the change is made (6.3 a).', { required: true }),
      field('consequences', text, 'Its potential consequences (6.3 a).'),
      field('resources', text, 'The resources it needs (6.3 c).'),
      field('approved-by', ref('role'), 'The roles that approved the change.', { list: true }),
      field('status', oneOf('planned', 'done'), 'Whether the change is planned or done.', { placeholder: 'planned' }),
    ],
  },
  {
    kind: 'communication',
    head: 'id-title',
    singleton: false,
    clauses: ['7.4'],
    idPrefix: 'C-',
    description: 'Internal or external communication relevant to the ISMS (7.4): what, when, with whom, by whom and how.',
    fields: [
      field('what', text, 'What is communicated (7.4 a).', { required: true }),
      field('when', [text, duration], 'When or how often it is communicated (7.4 b).', { required: true, placeholder: '"Quarterly"' }),
      field('with', text, 'With whom (7.4 c).', { required: true, list: true }),
      field('by', ref('role'), 'Who communicates (7.4 d).', { required: true }),
      field('how', text, 'How it is communicated (7.4 e).'),
    ],
  },
];

const kindsByName: ReadonlyMap<string, KindSpec> = new Map(KINDS.map((spec) => [spec.kind, spec]));

/** The schema of a top-level statement name, if it is a kind. */
export function kindSpec(name: string): KindSpec | undefined {
  return kindsByName.get(name);
}

const fieldsByKind: ReadonlyMap<string, ReadonlyMap<string, FieldSpec>> = new Map(
  KINDS.map((spec) => [spec.kind, new Map(spec.fields.map((f) => [f.name, f]))]),
);

/** A field of a kind, if the kind has it. */
export function fieldSpec(kind: EntityKind, name: string): FieldSpec | undefined {
  return fieldsByKind.get(kind)?.get(name);
}

/** The clause a diagnostic at a field names: the field's own, else its kind's first. */
export function clauseOf(kind: KindSpec, field?: FieldSpec): string {
  return field?.clause ?? kind.clauses[0];
}

/** Kinds whose ids are declared in the workspace (all but the bare singletons and `organization`). */
export function hasId(spec: KindSpec): boolean {
  return spec.head === 'id-title' || spec.head === 'id-optional-title';
}
