/**
 * The starter ISMS that the editor's `isms.createSkeleton` writes (asked
 * for with `isms/skeleton`; pure, no `vscode`): a
 * well-formed, canonically formatted ISMS with every element ISO/IEC
 * 27001:2022 asks for, TODOs where only the organization can answer, and all
 * 93 Annex A controls in the Statement of Applicability. The control ids come
 * from the catalogue (data, not parsing).
 */
import { ANNEX_A_CONTROLS, THEMES } from '../catalogue/annex-a';
import { addMonths } from '../util/dates';

export { addMonths, todayUtc } from '../util/dates';

export interface SkeletonFile {
  /** Workspace-relative POSIX path. */
  readonly path: string;
  readonly text: string;
}

export interface SkeletonOptions {
  /** The organization's name (e.g. the workspace folder's name). */
  readonly organization: string;
  /** `YYYY-MM-DD`: the approval, assessment and measurement dates; reviews and due dates follow from it. */
  readonly today: string;
}

/** The folder the skeleton goes into, and the file opened after writing it. */
export const SKELETON_FOLDER = 'isms';
export const SKELETON_MAIN_FILE = `${SKELETON_FOLDER}/organization.isms`;

/** A string literal of the language: `"` and `\` escaped, line breaks and tabs as escapes. */
export function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

export function skeletonFiles(options: SkeletonOptions): SkeletonFile[] {
  return [
    { path: SKELETON_MAIN_FILE, text: organizationFile(options) },
    { path: `${SKELETON_FOLDER}/risks.isms`, text: risksFile(options) },
    { path: `${SKELETON_FOLDER}/soa.isms`, text: soaFile(options) },
    { path: `${SKELETON_FOLDER}/performance.isms`, text: performanceFile(options) },
  ];
}

function organizationFile({ organization, today }: SkeletonOptions): string {
  const name = organization.trim() || 'TODO: organization name';
  return `// ${oneLine(name)}: information security management system (ISO/IEC 27001:2022).
// Created by ISMS Studio on ${today}. Replace every TODO; the Problems panel
// and the ISMS views show what the standard still asks for.
//
// Context of the organization (4), leadership (5) and support (7).

organization ${quote(name)} {
  top-management ceo
  // Decide whether climate change is a relevant issue (4.1, Amendment 1:2024).
  climate-change not-relevant
}

scope {
  statement "TODO: the services, sites, teams and information the ISMS covers"
  includes "TODO: sites, services and teams in scope"
  excludes "TODO: what the ISMS leaves out, and why"
  interfaces "TODO: interfaces and dependencies with activities outside the scope"
}

// --- Internal and external issues (4.1) ---------------------------------

issue I-001 "TODO: an issue that affects information security" {
  type external
  note "TODO: how the issue bears on the ISMS"
}

// --- Interested parties and their requirements (4.2) ---------------------

party P-001 "Customers" {
  requirement "TODO: what customers require of information security"
  addressed-by A.5.31
}

// --- Roles, responsibilities and authorities (5.3) -----------------------

role ceo "Chief Executive Officer" {
  holder "TODO: name"
  top-management yes
  responsibilities "Approves the policy and the risk acceptance criteria, provides resources and chairs the management review"
}

role ciso "Information Security Manager" {
  holder "TODO: name"
  responsibilities "Runs the ISMS day to day and reports on its performance to top management"
  competence "TODO: the competence the role needs"
}

// --- Information security policy (5.2) -----------------------------------

policy infosec "Information security policy" {
  type information-security
  version "1.0"
  owner ciso
  approved-by ceo
  approved ${today}
  next-review ${addMonths(today, 12)}
  statement """
    TODO: the organization's information security policy.
    Top management commits to satisfy the applicable information security
    requirements and to continually improve the ISMS.
  """
  objectives O-001
  objectives-framework "Objectives are set each year at the management review and tracked in performance.isms"
  commits-to requirements, continual-improvement
  communicated-to "All staff", "Interested parties, on request"
}
`;
}

function risksFile({ today }: SkeletonOptions): string {
  return `// Information security risk assessment and treatment (6.1.2, 6.1.3, 8.2, 8.3).
// Score = likelihood x impact on 5-point scales; scores of 6 or less are acceptable.

risk-criteria {
  likelihood-scale "Rare", "Unlikely", "Possible", "Likely", "Almost certain"
  impact-scale "Negligible", "Minor", "Moderate", "Major", "Severe"
  acceptance 6
  assessment-interval 12 months
}

// --- Asset inventory (Annex A 5.9) ---------------------------------------

asset customer-data "Customer data" {
  owner ceo
  type information
  classification confidential
}

// --- Risks -----------------------------------------------------------------

risk R-001 "Ransomware encrypts customer data" {
  owner ceo
  asset customer-data
  threat "TODO: ransomware delivered by phishing"
  vulnerability "TODO: no tested offline backup"
  likelihood 3
  impact 4
  treatment mitigate
  controls A.8.7, A.8.13
  residual-likelihood 2
  residual-impact 3
  accepted-by ceo
  assessed ${today}
}
`;
}

function soaFile({ today }: SkeletonOptions): string {
  const sections = THEMES.map((theme) => {
    const controls = ANNEX_A_CONTROLS.filter((control) => control.theme === theme.id).map(
      (control) => `control ${control.id} {\n  applicable yes\n  reason "TODO"\n  status planned\n}`,
    );
    return [`// ===== A.${theme.clause} ${theme.title} ${'='.repeat(Math.max(3, 60 - theme.title.length))}`, ...controls].join('\n\n');
  });
  return `// Statement of Applicability (6.1.3 d): the 93 controls of ISO/IEC 27001:2022 Annex A.
// For each control: decide whether it applies (applicable yes/no), justify the
// decision (reason) and record its implementation status. Hover an id to see
// the control's title and attributes.

// The SoA as a controlled document (7.5.2): its version, approvers and date.
soa {
  version "0.1"
  approved-by ceo
  approved ${today}
  owner ciso
}

${sections.join('\n\n')}
`;
}

function performanceFile({ today }: SkeletonOptions): string {
  return `// Objectives (6.2), monitoring and measurement (9.1), internal audit (9.2)
// and management review (9.3).

objective O-001 "TODO: a measurable information security objective" {
  measure "TODO: how achievement is measured"
  target 100%
  owner ciso
  due ${addMonths(today, 12)}
  policy infosec
  resources "TODO: the resources required"
  evaluation "TODO: how and when the results are evaluated"
}

measurement M-001 "TODO: a measurement of the objective" {
  objective O-001
  method "TODO: the method of measurement"
  frequency 3 months
}

audit-programme {
  owner ciso
  interval 12 months
  criteria "ISO/IEC 27001:2022 clauses 4 to 10 and the applicable Annex A controls"
}

// Planned date: change it to the date the audit took place. Until then the
// audit is a plan, not evidence: missing-internal-audit names it.
audit IA-001 "Internal audit of the ISMS" {
  date ${addMonths(today, 10)}
  auditor "TODO: an objective and impartial auditor"
  scope "Clauses 4 to 10 and the applicable Annex A controls"
}

// Planned date: change it to the date the review took place.
review MR-001 "Management review" {
  date ${addMonths(today, 11)}
  attendees ceo, ciso
  inputs "TODO: the inputs of 9.3.2"
  considered previous-actions, external-internal-changes, interested-party-changes,
    performance, feedback, risk-results, improvement
  decisions "TODO: the decisions of 9.3.3"
}

// Awareness (7.3): planned date; change it to the date the session took place.
training T-001 "Security awareness" {
  type awareness
  date ${addMonths(today, 1)}
  attendees "All staff"
}
`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
