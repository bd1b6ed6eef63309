/**
 * Writes snippets/isms.code-snippets from the schema (`npm run snippets`):
 *
 * - one snippet per kind (prefix: the kind's name), with its head and its
 *   required fields as tab stops: enum values as choices, dates as today
 *   (VS Code's `$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE`), references as
 *   the kind they name (`role-id`), other values from the schema's
 *   placeholders (the quick fixes' better ones for scales and commitments);
 * - `control-annex`: the SoA entry of an Annex A control, with a choice of
 *   all 93 ids of ISO/IEC 27001:2022;
 * - `isms-starter`: a whole, well-formed ISMS, whose only finding is
 *   `soa-incomplete` (its SoA has one control of 93).
 *
 * `generateSnippets()` is pure; a test compares the committed file with it.
 *
 * VS Code gets only `isms-starter` (snippets/isms-vscode.code-snippets,
 * contributed in package.json): there the language server offers the kinds
 * and `control-annex` itself, in context (top level only, new ids, the
 * undeclared Annex A ids), so a contributed copy would list each twice and
 * everywhere. The full file serves other editors.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ANNEX_A_IDS } from '../server/src/catalogue/annex-a';
import { placeholderValue } from '../server/src/features/code-actions/stubs';
import { KINDS, type FieldSpec, type KindSpec } from '../server/src/schema';

export const SNIPPETS_PATH = path.join('snippets', 'isms.code-snippets');
export const VSCODE_SNIPPETS_PATH = path.join('snippets', 'isms-vscode.code-snippets');

export interface Snippet {
  readonly prefix: string;
  readonly description: string;
  readonly scope: string;
  readonly body: readonly string[];
}

/** Today's date in VS Code's snippet variables (the editor fills them in). */
const TODAY = '$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE';

/** Escapes text for a placeholder (`${1:text}`). */
function escapePlaceholder(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** Escapes text for a choice (`${1|a,b|}`). */
function escapeChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

function choice(stop: number, values: readonly string[]): string {
  return `\${${stop}|${values.map(escapeChoice).join(',')}|}`;
}

/** A single string literal (`"TODO"`), whose tab stop goes between the quotes. */
function isSingleString(value: string): boolean {
  return /^"(?:[^"\\]|\\.)*"$/.test(value);
}

/** The default id of a new entity: the kind's prefix and `001`, the first Annex A control, or `kind-id`. */
function defaultId(spec: KindSpec): string {
  if (spec.idPrefix) return `${spec.idPrefix}001`;
  if (spec.head === 'id-optional-title') return ANNEX_A_IDS[0];
  return `${spec.kind}-id`;
}

/** A field's value as a tab stop. */
function valueSnippet(kind: KindSpec, field: FieldSpec, stop: number): string {
  const type = field.types[0];
  switch (type.kind) {
    case 'enum':
      return choice(stop, [field.placeholder, ...type.values.filter((value) => value !== field.placeholder)]);
    case 'reference':
      return `\${${stop}:${escapePlaceholder(type.to.join('-or-'))}-id}`;
    case 'date':
      return `\${${stop}:${TODAY}}`;
    default: {
      const value = placeholderValue(kind.kind, field);
      if (isSingleString(value)) return `"\${${stop}:${escapePlaceholder(value.slice(1, -1))}}"`;
      return `\${${stop}:${escapePlaceholder(value)}}`;
    }
  }
}

function headSnippet(spec: KindSpec): { head: string; next: number } {
  const id = escapePlaceholder(defaultId(spec));
  switch (spec.head) {
    case 'id-title':
      return { head: `${spec.kind} \${1:${id}} "\${2:Title}"`, next: 3 };
    case 'id-optional-title':
      // The title is optional (an Annex A control takes its own from the catalogue): a tab stop that can be deleted whole.
      return { head: `${spec.kind} \${1:${id}}\${2: "\${3:Title}"}`, next: 4 };
    case 'title':
      return { head: `${spec.kind} "\${1:Name}"`, next: 2 };
    case 'bare':
      return { head: spec.kind, next: 1 };
  }
}

/** The snippet of a kind: its head and its required fields, the cursor left inside the block when there are none. */
function kindSnippet(spec: KindSpec): Snippet {
  const { head, next } = headSnippet(spec);
  let stop = next;
  const fields = spec.fields.filter((field) => field.required).map((field) => `\t${field.name} ${valueSnippet(spec, field, stop++)}`);
  const body = fields.length === 0 ? [`${head} {`, '\t$0', '}'] : [`${head} {`, ...fields, '}$0'];
  return { prefix: spec.kind, description: spec.description, scope: 'isms', body };
}

function controlAnnexSnippet(): Snippet {
  const control = KINDS.find((spec) => spec.kind === 'control')!;
  const field = (name: string) => control.fields.find((f) => f.name === name)!;
  return {
    prefix: 'control-annex',
    description: `The Statement of Applicability entry of an Annex A control of ISO/IEC 27001:2022 (a choice of all ${ANNEX_A_IDS.length}).`,
    scope: 'isms',
    body: [
      `control ${choice(1, ANNEX_A_IDS)} {`,
      `\tapplicable ${valueSnippet(control, field('applicable'), 2)}`,
      `\treason ${valueSnippet(control, field('reason'), 3)}`,
      `\tstatus ${valueSnippet(control, field('status'), 4)}`,
      '}$0',
    ],
  };
}

/**
 * A whole ISMS for one organization: every mandatory element of
 * ISO/IEC 27001:2022 once, cross-referenced, dated today (so nothing is
 * overdue), with a one-control SoA to complete (`soa-incomplete`).
 */
function starterSnippet(): Snippet {
  return {
    prefix: 'isms-starter',
    description:
      'A whole starter ISMS: organization, scope, issue, party, roles, policy, 5×5 risk criteria, an asset, a risk, a control, an objective, a measurement, the SoA statement, the audit programme, an audit, a review and an awareness training. Its only finding is soa-incomplete: add the other Annex A controls.',
    scope: 'isms',
    body: [
      `organization "\${1:Example Ltd}" {`,
      '\ttop-management ceo',
      `\tclimate-change \${2|not-relevant,relevant|}`,
      '}',
      '',
      'scope {',
      '\tstatement """',
      `\t\t\${3:The design, operation and support of our services, and the information that supports them.}`,
      '\t"""',
      '}',
      '',
      'issue I-001 "Dependence on cloud services" {',
      '\ttype external',
      '\tnote "Our services run on a public cloud platform."',
      '}',
      '',
      'party P-001 "Customers" {',
      '\trequirement "Their data is kept confidential and available"',
      '\taddressed-by A.8.13',
      '}',
      '',
      'role ceo "Chief Executive Officer" {',
      `\tholder "\${4:Name of the CEO}"`,
      '\ttop-management yes',
      '}',
      '',
      'role isms-manager "ISMS Manager" {',
      `\tholder "\${5:Name of the ISMS manager}"`,
      '\tresponsibilities "Operates the ISMS and reports on its performance to top management"',
      '\tcompetence-evidence "ISO/IEC 27001 implementer training"',
      '}',
      '',
      'policy infosec "Information Security Policy" {',
      '\ttype information-security',
      '\tversion "1.0"',
      '\towner isms-manager',
      '\tapproved-by ceo',
      `\tapproved ${TODAY}`,
      '\tnext-review $CURRENT_YEAR-12-31',
      '\tobjectives O-001',
      '\tcommits-to requirements, continual-improvement',
      '\tcommunicated-to "All staff (induction, intranet)", "Customers (on request)"',
      '\tstatement """',
      '\t\tWe protect the confidentiality, integrity and availability of the information',
      '\t\tentrusted to us, meet the requirements that apply to it, and continually',
      '\t\timprove our information security management system.',
      '\t"""',
      '}',
      '',
      'risk-criteria {',
      '\tlikelihood-scale "Rare", "Unlikely", "Possible", "Likely", "Almost certain"',
      '\timpact-scale "Negligible", "Minor", "Moderate", "Major", "Severe"',
      '\tacceptance 6',
      '\tassessment-interval 12 months',
      '}',
      '',
      'asset customer-data "Customer data" {',
      '\towner isms-manager',
      '\ttype information',
      '\tclassification confidential',
      '}',
      '',
      'risk R-001 "Ransomware encrypts the customer data" {',
      '\towner isms-manager',
      '\tasset customer-data',
      '\tthreat "Criminal ransomware group"',
      '\tvulnerability "Backups are reachable from the production network"',
      '\tlikelihood 3',
      '\timpact 4',
      '\ttreatment mitigate',
      '\tcontrols A.8.13',
      '\tresidual-likelihood 2',
      '\tresidual-impact 2',
      '\taccepted-by isms-manager',
      `\tassessed ${TODAY}`,
      '}',
      '',
      'control A.8.13 {',
      '\tapplicable yes',
      '\treason "Customer data must be recoverable after ransomware or error"',
      '\tstatus planned',
      '\towner isms-manager',
      '\tdue $CURRENT_YEAR-12-31',
      '}',
      '',
      'objective O-001 "Restore customer data within a day" {',
      '\tmeasure "Hours to restore the customer data in the quarterly restore test"',
      '\ttarget "at most 24 hours"',
      '\towner isms-manager',
      '\tdue $CURRENT_YEAR-12-31',
      '\tpolicy infosec',
      '}',
      '',
      'measurement M-001 "Quarterly restore test" {',
      '\tobjective O-001',
      '\tmethod "Restore the customer data from backup into a test environment and time it"',
      '\tfrequency 3 months',
      '\tresult "not yet measured"',
      '}',
      '',
      'soa {',
      '\tversion "1.0"',
      '\tapproved-by ceo',
      `\tapproved ${TODAY}`,
      '\towner isms-manager',
      '}',
      '',
      'audit-programme {',
      '\towner isms-manager',
      '\tinterval 12 months',
      '\tcriteria "ISO/IEC 27001:2022 clauses 4–10 and the applicable Annex A controls"',
      '}',
      '',
      'audit IA-001 "Internal audit" {',
      `\tdate ${TODAY}`,
      `\tauditor "\${6:An independent auditor}"`,
      `\tresult "\${7:The conclusion of the audit}"`,
      '}',
      '',
      'review MR-001 "Management review" {',
      `\tdate ${TODAY}`,
      '\tattendees ceo, isms-manager',
      '\tconsidered previous-actions, external-internal-changes, interested-party-changes,',
      '\t\tperformance, feedback, risk-results, improvement',
      '\tdecisions "Approve the ISMS and complete the Statement of Applicability"',
      '}',
      '',
      'training T-001 "Security awareness" {',
      '\ttype awareness',
      `\tdate ${TODAY}`,
      '\tattendees "All staff"',
      '\ttopics "Phishing", "Reporting incidents"',
      '}',
      '$0',
    ],
  };
}

/** All snippets by name, in a stable order: the kinds in schema order, then `control-annex` and `isms-starter`. */
export function buildSnippets(): Record<string, Snippet> {
  const snippets: Record<string, Snippet> = {};
  for (const spec of KINDS) snippets[spec.kind] = kindSnippet(spec);
  snippets['control-annex'] = controlAnnexSnippet();
  snippets['isms-starter'] = starterSnippet();
  return snippets;
}

/** The text of snippets/isms.code-snippets. */
export function generateSnippets(): string {
  const header = '// Generated from server/src/schema by `npm run snippets`; do not edit by hand.\n';
  return `${header}${JSON.stringify(buildSnippets(), null, 2)}\n`;
}

/** The text of snippets/isms-vscode.code-snippets: what the server does not offer in VS Code. */
export function generateVscodeSnippets(): string {
  const header = '// Generated by `npm run snippets`; do not edit by hand. In VS Code the language server offers the kinds and control-annex in context.\n';
  return `${header}${JSON.stringify({ 'isms-starter': buildSnippets()['isms-starter'] }, null, 2)}\n`;
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(SNIPPETS_PATH), { recursive: true });
  fs.writeFileSync(SNIPPETS_PATH, generateSnippets());
  fs.writeFileSync(VSCODE_SNIPPETS_PATH, generateVscodeSnippets());
  console.log(`wrote ${SNIPPETS_PATH} and ${VSCODE_SNIPPETS_PATH}`);
}
