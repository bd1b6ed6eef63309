#!/usr/bin/env node
// Generates a large, realistic and VALID ISMS workspace for the benchmarks.
//
// The workspace is the ISMS of a fictitious payments company: one
// `organization.isms` (organization, scope, issues, interested parties, roles,
// policies, risk criteria, objectives, measurements, audit, nonconformities,
// management review; v2: SoA statement, audit programme, trainings, suppliers,
// obligations, an incident, a change, a communication), one `assets.isms` (about N/40 assets), `risks-NN.isms`
// files of 1,000 risks each, `soa.isms` with all 93 Annex A controls of
// ISO/IEC 27001:2022 and `operations.isms` (v2 registers that grow with the
// workspace: about N/40 suppliers and N/40 incidents, more obligations,
// competence trainings, a communication). With the default 8,000 risks it has
// about 129,000 lines.
//
// It is valid per LANGUAGE.md §4 for every as-of date from 2026-11-27 to
// 2027-03-02 (the first policy's next review; the oldest risk assessment falls
// due on 2027-05-29): `isms check OUT_DIR --as-of 2026-11-27` must report no
// diagnostics. The generation is deterministic (a seeded PRNG, no
// Math.random, no clock), so every run writes the same bytes.
//
// Beside the `.isms` files it writes `workspace.json`, the JSON twin: the same
// content as one object with an array per kind, each entity an object of its
// fields (lists as arrays, numbers as numbers). Parsing it with JSON.parse is
// the baseline that `bench/check.mjs` compares the checker against.
//
// Usage:  node bench/generate-workspace.mjs OUT_DIR [--risks N] [--seed S] [--clean]
//   --clean  first delete the `*.isms` files and `workspace.json` directly in OUT_DIR

import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');

/** The as-of date the workspace is valid for (and the benchmarks pass to `isms check`). */
export const AS_OF = '2026-11-27';
export const DEFAULT_RISKS = 8000;
export const DEFAULT_SEED = 27001;
const RISKS_PER_FILE = 1000;

// ---------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a small, fast, seeded 32-bit PRNG returning floats in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers bound to one PRNG. */
function randomTools(seed) {
  const next = mulberry32(seed);
  const int = (min, max) => min + Math.floor(next() * (max - min + 1)); // inclusive
  const pick = (list) => list[Math.floor(next() * list.length)];
  const chance = (p) => next() < p;
  /** `count` distinct elements of `list`, in list order. */
  const sample = (list, count) => {
    const indexes = new Set();
    const n = Math.min(count, list.length);
    while (indexes.size < n) indexes.add(Math.floor(next() * list.length));
    return [...indexes].sort((x, y) => x - y).map((i) => list[i]);
  };
  /** Picks by weight from [[value, weight], …]. */
  const weighted = (pairs) => {
    const total = pairs.reduce((sum, [, w]) => sum + w, 0);
    let r = next() * total;
    for (const [value, w] of pairs) {
      if ((r -= w) < 0) return value;
    }
    return pairs[pairs.length - 1][0];
  };
  return { next, int, pick, chance, sample, weighted };
}

// ---------------------------------------------------------------------------
// Values and entities
//
// An entity is { kind, id?, title?, comment?, fields: [[name, value, comment?], …] }
// where a value is one tagged scalar or an array of them (a list field).
// Both serializers (ISMS text and JSON) work from this one model.

const str = (v) => ({ t: 'str', v }); // "…" on one line
const block = (v) => ({ t: 'block', v }); // """ … """ text block
const name = (v) => ({ t: 'name', v }); // enum value or reference
const num = (v) => ({ t: 'num', v });
const date = (v) => ({ t: 'date', v });
const dur = (v) => ({ t: 'dur', v }); // "12 months"
const pct = (v) => ({ t: 'pct', v }); // 95 → 95%

function entity(kind, id, title, fields, comment) {
  return { kind, id, title, fields, comment };
}

// ---------------------------------------------------------------------------
// Dates (UTC, no clock)

function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------
// Annex A catalogue

/**
 * The 93 Annex A controls [{ id, title }], read from the repository's own
 * reference data (data/annex-a-2022.tsv, the source of the generated catalogue).
 */
export function loadAnnexA() {
  const rows = readFileSync(join(REPO, 'data', 'annex-a-2022.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.startsWith('A.'))
    .map((line) => {
      const [id, , title] = line.split('\t');
      return { id, title };
    });
  if (rows.length !== 93) throw new Error(`data/annex-a-2022.tsv: expected 93 Annex A controls, found ${rows.length}`);
  return rows;
}

// ---------------------------------------------------------------------------
// Vocabulary of the fictitious organization

const ROLES = [
  // id, title, holder, top management, responsibilities, competence
  ['ceo', 'Chief Executive Officer', 'Dana Whitfield', true, 'Leads the ISMS, approves policies and accepts the risk appetite', 'Executive leadership of a regulated payments business'],
  ['coo', 'Chief Operating Officer', 'Priya Raman', true, 'Owns operational resilience and supplier management', 'Operations management in financial services'],
  ['cfo', 'Chief Financial Officer', 'Tomasz Nowak', true, 'Owns financial controls and funds the ISMS', 'Chartered accountant with audit committee experience'],
  ['ciso', 'Chief Information Security Officer', 'Sam Okafor', false, 'Operates the ISMS and reports on its performance to top management', 'ISO/IEC 27001 lead implementer, ten years in security leadership'],
  ['cto', 'Chief Technology Officer', 'Lena Fischer', false, 'Owns the platform architecture and engineering practices', 'Software architecture of high-availability payment systems'],
  ['dpo', 'Data Protection Officer', 'Marc Dubois', false, 'Advises on data protection and monitors GDPR compliance', 'Certified data protection practitioner'],
  ['head-of-it', 'Head of IT', 'Aisha Bello', false, 'Runs corporate IT, endpoints and identity', 'Enterprise IT service management'],
  ['head-of-engineering', 'Head of Engineering', 'Jonas Berg', false, 'Runs the development teams and the secure development life cycle', 'Secure software engineering and code review'],
  ['head-of-operations', 'Head of Platform Operations', 'Rosa Martins', false, 'Runs production operations, monitoring and incident response', 'Site reliability engineering and cloud operations'],
  ['head-of-hr', 'Head of People', 'Grace Kim', false, 'Runs screening, onboarding, training and leavers', 'Employment practice and HR compliance'],
  ['legal-counsel', 'General Counsel', 'Oliver Grant', false, 'Manages contracts, regulatory obligations and legal holds', 'Solicitor specialising in financial regulation'],
  ['facilities-manager', 'Facilities Manager', 'Ben Adeyemi', false, 'Runs the offices, physical access and utilities', 'Facilities and physical security management'],
];

/** The roles that own risks and assets (about ten). */
const OWNER_ROLES = ['ciso', 'cto', 'coo', 'cfo', 'dpo', 'head-of-it', 'head-of-engineering', 'head-of-operations', 'head-of-hr', 'legal-counsel'];

/** Business areas × asset forms give the asset inventory. */
const AREAS = [
  ['payments', 'Payments'], ['billing', 'Billing'], ['merchant', 'Merchant onboarding'], ['card', 'Card processing'],
  ['fraud', 'Fraud detection'], ['ledger', 'General ledger'], ['payroll', 'Payroll'], ['hr', 'HR'],
  ['crm', 'CRM'], ['support', 'Customer support'], ['analytics', 'Analytics'], ['reporting', 'Regulatory reporting'],
  ['identity', 'Identity'], ['email', 'Email'], ['docs', 'Document management'], ['ci', 'Build and release'],
  ['monitoring', 'Monitoring'], ['logging', 'Central logging'], ['backup', 'Backup'], ['kyc', 'KYC'],
  ['treasury', 'Treasury'], ['settlement', 'Settlement'], ['api', 'Public API'], ['website', 'Website'],
  ['mobile', 'Mobile app'], ['partner', 'Partner integration'], ['chat', 'Collaboration'], ['wiki', 'Internal wiki'],
];
const ASSET_FORMS = [
  // suffix, title suffix, type, classifications to pick from
  ['db', 'database', 'information', ['confidential', 'restricted']],
  ['app', 'application', 'software', ['internal', 'confidential']],
  ['service', 'cloud service', 'service', ['internal', 'confidential']],
  ['records', 'records', 'information', ['confidential', 'internal']],
  ['servers', 'production servers', 'hardware', ['internal', 'confidential']],
  ['team', 'team', 'people', ['internal']],
  ['exports', 'data exports', 'information', ['confidential', 'restricted']],
  ['docs', 'documentation', 'information', ['internal', 'public']],
];
const SITES = [
  ['london-office', 'London office'], ['lisbon-office', 'Lisbon office'], ['eu-west-region', 'Production cloud region eu-west'],
  ['eu-central-region', 'Disaster recovery cloud region eu-central'],
];

/**
 * Threat scenarios: the threat, the title verb, vulnerabilities, the Annex A
 * controls that treat it, and the asset types it applies to.
 */
const SCENARIOS = [
  ['Criminal ransomware group', 'Ransomware encrypts', ['Unpatched internet-facing services', 'Backups reachable from the production network', 'Macros enabled in office documents'], ['A.8.7', 'A.8.13', 'A.8.8', 'A.5.29', 'A.8.20'], ['information', 'software', 'hardware']],
  ['Phishing campaign against staff', 'Phished credentials expose', ['No phishing-resistant multi-factor authentication', 'Staff untrained to spot phishing', 'Email filtering misses lookalike domains'], ['A.6.3', 'A.8.5', 'A.5.17', 'A.8.23'], ['information', 'software', 'service', 'people']],
  ['Malicious insider', 'Insider exfiltrates', ['Excessive standing access rights', 'No data loss prevention on exports', 'Access reviews skipped'], ['A.5.18', 'A.8.2', 'A.8.12', 'A.5.3', 'A.6.4'], ['information', 'software', 'people']],
  ['Cloud provider regional outage', 'Provider outage makes unavailable', ['Single-region deployment', 'Untested failover runbook', 'No capacity reserved in the secondary region'], ['A.5.30', 'A.8.14', 'A.5.23', 'A.5.29'], ['service', 'software', 'hardware']],
  ['Supplier compromise', 'Compromised supplier exposes', ['Supplier security not assessed before onboarding', 'Contracts lack security clauses', 'No monitoring of supplier access'], ['A.5.19', 'A.5.20', 'A.5.21', 'A.5.22'], ['service', 'software', 'information']],
  ['Accidental deletion by an administrator', 'Accidental deletion destroys', ['No soft delete or versioning', 'Broad administrative rights', 'Restores never tested'], ['A.8.13', 'A.8.2', 'A.8.32', 'A.8.10'], ['information', 'software']],
  ['Exploitation of a web application flaw', 'Web attack compromises', ['Injection flaws not caught in review', 'No web application firewall', 'Dependencies with known vulnerabilities'], ['A.8.26', 'A.8.28', 'A.8.29', 'A.8.8', 'A.8.25'], ['software', 'service']],
  ['Lost or stolen laptop', 'Lost laptop discloses', ['Full-disk encryption not enforced', 'Local copies of customer data', 'Remote wipe not enabled'], ['A.8.1', 'A.8.24', 'A.7.9', 'A.6.7'], ['hardware', 'information', 'people']],
  ['Misconfigured cloud storage', 'Public bucket leaks', ['No guardrails on storage policies', 'Configuration drift undetected', 'Infrastructure changes without review'], ['A.8.9', 'A.5.23', 'A.8.32', 'A.8.16'], ['information', 'service']],
  ['Credential stuffing against customer logins', 'Credential stuffing takes over', ['No rate limiting on login', 'Weak password rules', 'No breached-password screening'], ['A.8.5', 'A.5.17', 'A.8.16', 'A.8.20'], ['software', 'service']],
  ['Denial-of-service attack', 'Denial of service disrupts', ['No upstream DDoS protection', 'Autoscaling limits too low', 'Single ingress point'], ['A.8.6', 'A.8.20', 'A.8.21', 'A.8.14'], ['service', 'software', 'hardware']],
  ['Unauthorized change to production', 'Unreviewed change breaks', ['Direct production access for developers', 'Change approvals not enforced', 'No separation of environments'], ['A.8.32', 'A.8.31', 'A.8.4', 'A.8.19'], ['software', 'service']],
  ['Privileged account misuse', 'Privileged misuse alters', ['Shared administrator accounts', 'No session recording for privileged access', 'Privileged utilities unrestricted'], ['A.8.2', 'A.8.18', 'A.8.15', 'A.5.15'], ['information', 'software', 'hardware']],
  ['Regulatory breach of data protection law', 'Non-compliant processing of', ['Retention periods not enforced', 'Records of processing incomplete', 'Transfers outside the EEA unassessed'], ['A.5.34', 'A.5.31', 'A.5.33', 'A.8.10'], ['information']],
  ['Fire or flood at the office', 'Fire or flood damages', ['Equipment in basement rooms', 'No environmental monitoring', 'Paper records without off-site copies'], ['A.7.5', 'A.7.8', 'A.7.11', 'A.5.30'], ['hardware', 'information', 'people']],
  ['Unauthorized physical entry', 'Intruder accesses', ['Tailgating at the main entrance', 'Visitor log not checked', 'Server cupboard unlocked'], ['A.7.1', 'A.7.2', 'A.7.3', 'A.7.6'], ['hardware', 'information']],
  ['Leaver retains access', 'Former employee still reaches', ['Offboarding not linked to HR system', 'Accounts outside single sign-on', 'Devices not returned'], ['A.5.18', 'A.6.5', 'A.5.11', 'A.5.16'], ['software', 'service', 'information', 'people']],
  ['Undetected intrusion', 'Undetected intruder persists in', ['Logs not centralised', 'Alerts not triaged out of hours', 'Clocks unsynchronised across systems'], ['A.8.15', 'A.8.16', 'A.8.17', 'A.5.25'], ['software', 'service', 'hardware']],
  ['Poorly handled security incident', 'Mishandled incident prolongs damage to', ['Incident roles unclear', 'No playbooks for common incidents', 'Evidence not preserved'], ['A.5.24', 'A.5.26', 'A.5.27', 'A.5.28'], ['information', 'software', 'service']],
  ['Sensitive data in test environments', 'Test copies expose', ['Production data copied to test', 'No masking of personal data', 'Test systems less protected'], ['A.8.33', 'A.8.11', 'A.8.31'], ['information', 'software']],
  ['Social engineering of the service desk', 'Social engineering resets access to', ['Caller identity not verified', 'Password resets without second channel', 'Staff unaware of pretexting'], ['A.6.3', 'A.5.17', 'A.5.16'], ['people', 'service', 'software']],
  ['Weak cryptographic protection', 'Weak encryption exposes', ['Outdated TLS configuration', 'Keys stored with the data', 'No key rotation'], ['A.8.24', 'A.8.20', 'A.5.14'], ['information', 'software', 'service']],
  ['Malware from unapproved software', 'Unapproved software infects', ['Users are local administrators', 'No application allow-listing', 'Browser extensions unrestricted'], ['A.8.19', 'A.8.7', 'A.8.1', 'A.5.10'], ['hardware', 'software', 'people']],
  ['Information sent to the wrong recipient', 'Misdirected transfer discloses', ['Autocomplete of external addresses', 'No classification labels on exports', 'Unencrypted file transfer'], ['A.5.14', 'A.5.13', 'A.5.12', 'A.8.12'], ['information', 'people']],
  ['Failure of a critical dependency', 'Dependency failure halts', ['Single supplier for a critical service', 'No capacity planning', 'Exit plan untested'], ['A.5.22', 'A.8.6', 'A.5.30', 'A.5.21'], ['service', 'software']],
  ['Screening gap for a new hire', 'Unscreened hire gains access to', ['Background checks late or skipped', 'Contractors not screened', 'Confidentiality agreement not signed'], ['A.6.1', 'A.6.2', 'A.6.6'], ['people', 'information']],
  ['Vulnerable third-party library', 'Vulnerable library exposes', ['No software composition analysis', 'Pinned versions never updated', 'No inventory of components'], ['A.8.8', 'A.8.25', 'A.8.29', 'A.5.7'], ['software', 'service']],
  ['Disclosure through unattended screens or desks', 'Unattended desk discloses', ['Screens not locked automatically', 'Printouts left on desks', 'Hot desks shared with visitors'], ['A.7.7', 'A.8.1', 'A.6.3'], ['information', 'people', 'hardware']],
  ['Improper disposal of equipment', 'Disposed equipment leaks', ['Disks not wiped before disposal', 'No certificate from the disposal firm', 'Storage media unlabelled'], ['A.7.14', 'A.7.10', 'A.8.10'], ['hardware', 'information']],
  ['Network intrusion from the office network', 'Lateral movement reaches', ['Flat office network', 'Guest Wi-Fi bridged to corporate network', 'Firewall rules unreviewed'], ['A.8.22', 'A.8.20', 'A.8.21', 'A.8.3'], ['hardware', 'software', 'service']],
];

const ISSUES = [
  ['I-REGULATION', 'Payment services regulation tightens', 'external', 'Supervisors expect documented operational resilience and incident reporting'],
  ['I-DORA', 'Digital operational resilience requirements apply', 'external', 'ICT risk management and third-party oversight become regulatory duties'],
  ['I-THREATS', 'Rising ransomware activity against fintech', 'external', 'Attackers target payment firms for extortion'],
  ['I-CLOUD', 'Dependence on one cloud provider', 'external', 'Availability of the platform rests on one provider and two regions'],
  ['I-MARKET', 'Enterprise customers demand certification', 'external', 'Tenders require ISO/IEC 27001 certification and annual assurance'],
  ['I-CLIMATE', 'Extreme weather affects offices and data centres', 'external', 'Heat waves and flooding can disrupt sites and suppliers'],
  ['I-GROWTH', 'Rapid headcount growth', 'internal', 'Onboarding pace strains screening, training and access management'],
  ['I-REMOTE', 'Hybrid and remote working', 'internal', 'Most staff work from home three days a week'],
  ['I-LEGACY', 'Legacy settlement system', 'internal', 'An ageing settlement service is hard to patch and monitor'],
  ['I-CULTURE', 'Strong engineering culture', 'internal', 'Teams adopt automation readily, which helps enforce controls'],
  ['I-BUDGET', 'Security budget set annually', 'internal', 'Investment is planned once a year at the management review'],
  ['I-SKILLS', 'Scarce security skills', 'internal', 'Hiring experienced security engineers takes months'],
];

const PARTIES = [
  ['P-CUSTOMERS', 'Merchants', ['Availability of payment processing', 'Confidentiality of transaction data'], ['A.5.30', 'A.8.14', 'A.8.24']],
  ['P-CARDHOLDERS', 'Cardholders', ['Protection of card and personal data'], ['A.5.34', 'A.8.24', 'A.8.12']],
  ['P-REGULATOR', 'Financial regulator', ['Timely incident reporting', 'Operational resilience testing', 'Outsourcing oversight'], ['A.5.24', 'A.5.26', 'A.5.19', 'A.5.31']],
  ['P-DPA', 'Data protection authority', ['Lawful processing of personal data', 'Breach notification within 72 hours'], ['A.5.34', 'A.5.26']],
  ['P-SCHEMES', 'Card schemes', ['Compliance with PCI DSS'], ['A.5.31', 'A.8.20', 'A.8.8']],
  ['P-BANKS', 'Partner banks', ['Secure settlement files', 'Notification of security incidents'], ['A.5.14', 'A.5.26']],
  ['P-CLOUD', 'Cloud provider', ['Adherence to the shared responsibility model'], ['A.5.23']],
  ['P-STAFF', 'Employees and contractors', ['Clear security responsibilities', 'Protection of their personal data'], ['A.6.2', 'A.6.3', 'A.5.34']],
  ['P-INVESTORS', 'Investors', ['Certification maintained', 'Material incidents reported to the board'], ['A.5.35', 'A.5.4']],
  ['P-AUDITORS', 'Certification body', ['Access to records for the audit'], ['A.5.35', 'A.8.34']],
];

const POLICIES = [
  ['infosec', 'Information Security Policy', 'ciso', 'ceo'],
  ['access-control', 'Access Control Policy', 'head-of-it', 'coo'],
  ['acceptable-use', 'Acceptable Use Policy', 'head-of-it', 'coo'],
  ['supplier-security', 'Supplier Security Policy', 'coo', 'coo'],
  ['secure-development', 'Secure Development Policy', 'head-of-engineering', 'ceo'],
  ['incident-management', 'Incident Management Policy', 'head-of-operations', 'ceo'],
  ['business-continuity', 'Business Continuity Policy', 'coo', 'ceo'],
  ['data-protection', 'Data Protection Policy', 'dpo', 'ceo'],
  ['cryptography', 'Cryptography Policy', 'cto', 'cfo'],
  ['records-retention', 'Records Retention Policy', 'legal-counsel', 'cfo'],
];

const SUPPLIERS = [
  ['S-CLOUD', 'Cloud hosting provider', 'high', 'Production and disaster recovery hosting'],
  ['S-KYC', 'Identity verification service', 'high', 'Merchant identity checks'],
  ['S-EMAIL', 'Email and office suite', 'medium', 'Email, documents and calendars'],
  ['S-PAYCO', 'PayCo payroll', 'medium', 'Payroll processing'],
  ['S-CANTEEN', 'Canteen operator', 'low', 'Staff catering'],
];

const OBJECTIVES = [
  ['O-PATCH', 'Patch critical vulnerabilities quickly', 'Days from disclosure to patch for critical vulnerabilities', str('at most 14 days'), 'head-of-operations', 'infosec'],
  ['O-MFA', 'Phishing-resistant MFA for all staff', 'Share of staff accounts with phishing-resistant MFA', pct(100), 'head-of-it', 'access-control'],
  ['O-TRAINING', 'Security awareness for everyone', 'Share of staff who completed annual training', pct(98), 'head-of-hr', 'infosec'],
  ['O-RESTORE', 'Proven restores', 'Successful quarterly restore tests of critical systems', num(4), 'head-of-operations', 'business-continuity'],
  ['O-SUPPLIERS', 'Assess critical suppliers', 'Share of critical suppliers assessed this year', pct(100), 'coo', 'supplier-security'],
  ['O-INCIDENTS', 'Respond to incidents fast', 'Median hours from detection to containment', str('under 4 hours'), 'ciso', 'incident-management'],
  ['O-ACCESS', 'Timely access reviews', 'Share of quarterly access reviews completed on time', pct(95), 'head-of-it', 'access-control'],
  ['O-DSAR', 'Answer data subject requests on time', 'Share of data subject requests answered within one month', pct(100), 'dpo', 'data-protection'],
];

const EVIDENCE_PROSE = [
  'Configuration export reviewed by the control owner, October 2026',
  'Quarterly control self-assessment signed off by the owner',
  'Internal audit sample of twenty records, no exceptions',
  'Ticket history in the service desk for the last quarter',
  'Automated compliance report from the cloud security posture tool',
  'Training completion report from the learning platform',
  'Minutes of the monthly security steering meeting',
  'Screenshot set of the enforced settings, September 2026',
  'Supplier assessment register, 2026 edition',
  'Restore test record for the third quarter of 2026',
];

// ---------------------------------------------------------------------------
// Model

/**
 * Builds the in-memory model: { files: [{ name, header, entities }] }.
 * @param {{ risks?: number, seed?: number }} [options]
 */
export function buildModel(options = {}) {
  const riskCount = options.risks ?? DEFAULT_RISKS;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(riskCount) || riskCount < 1) throw new Error(`--risks must be a positive integer, got ${riskCount}`);
  const R = randomTools(seed);
  const annex = loadAnnexA();

  // Controls excluded from the SoA (applicable no); no risk or party may use them.
  const excluded = new Map([
    ['A.8.30', 'All software is developed in-house by employees; no development is outsourced'],
    ['A.7.4', 'The offices are serviced; the landlord monitors the building and no systems are hosted there'],
  ]);
  const applicable = (id) => !excluded.has(id);
  const usedControls = new Set();

  // ---- organization.isms ---------------------------------------------------
  const org = [];
  org.push(
    entity('organization', undefined, 'Northwind Payments Ltd', [
      ['top-management', ROLES.filter((r) => r[3]).map((r) => name(r[0]))],
      ['climate-change', name('relevant')],
    ]),
  );
  org.push(
    entity('scope', undefined, undefined, [
      [
        'statement',
        block(
          'Design, development, operation and support of the Northwind payment platform\n' +
            'and its merchant services, delivered from the London and Lisbon offices and\n' +
            'from the production and disaster recovery cloud regions.',
        ),
      ],
      ['includes', [str('Payment platform and public API'), str('Merchant onboarding and support'), str('Corporate IT for all staff')]],
      ['excludes', [str('Payroll processing, outsourced to PayCo under contract'), str('The staff canteen and its till system')]],
      ['interfaces', [str('Card schemes and partner banks'), str('The cloud provider under the shared responsibility model')]],
    ]),
  );
  for (const [id, title, type, note] of ISSUES) {
    org.push(entity('issue', id, title, [['type', name(type)], ['note', str(note)]]));
  }
  for (const [id, title, requirements, controls] of PARTIES) {
    const fields = requirements.map((r) => ['requirement', str(r)]);
    const addressedBy = controls.filter(applicable);
    addressedBy.forEach((c) => usedControls.add(c));
    fields.push(['addressed-by', addressedBy.map(name)]);
    org.push(entity('party', id, title, fields));
  }
  for (const [id, title, holder, top, responsibilities, competence] of ROLES) {
    const fields = [['holder', str(holder)]];
    if (top) fields.push(['top-management', name('yes')]);
    fields.push(['responsibilities', str(responsibilities)]);
    fields.push(['competence', str(competence)]);
    // Prose evidence (no file paths, so no document-not-found checks apply).
    fields.push(['competence-evidence', [str(`CV and references of ${holder} on the HR record`), str('Annual performance review, 2026')]]);
    org.push(entity('role', id, title, fields));
  }
  POLICIES.forEach(([id, title, owner, approver], i) => {
    const approved = addDays('2026-03-02', i * 17);
    const objectives = OBJECTIVES.filter((o) => o[5] === id).map((o) => name(o[0]));
    const fields = [
      // v2: the first is the information security policy (5.2), the others topic-specific (A.5.1).
      ['type', name(i === 0 ? 'information-security' : 'topic-specific')],
      ['version', str(`${1 + (i % 3)}.${i % 4}`)],
      ['owner', name(owner)],
      ['approved-by', name(approver)],
      ['approved', date(approved)],
      ['next-review', date(addDays(approved, 365))],
    ];
    if (i === 0) {
      fields.push([
        'statement',
        block(
          'Northwind protects the confidentiality, integrity and availability of the\n' +
            'information entrusted to it by merchants, cardholders and staff. Top management\n' +
            'sets information security objectives each year at the management review, and\n' +
            'every employee is responsible for following the policies that support this one.',
        ),
      ]);
      fields.push(['objectives-framework', str('Objectives are set yearly at the management review and tracked monthly')]);
      fields.push(['commits-to', [name('requirements'), name('continual-improvement')]]);
    } else {
      fields.push(['statement', str(`The rules for ${title.replace(/ Policy$/, '').toLowerCase()} at Northwind`)]);
    }
    if (objectives.length) fields.push(['objectives', objectives]);
    fields.push(['communicated-to', [str('All employees and contractors'), str('Relevant suppliers')]]);
    org.push(entity('policy', id, title, fields));
  });
  org.push(
    entity('risk-criteria', undefined, undefined, [
      ['likelihood-scale', ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'].map(str)],
      ['impact-scale', ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'].map(str)],
      ['acceptance', num(6)],
      ['assessment-interval', dur('12 months')],
    ]),
  );
  for (const [id, title, measure, target, owner, policy] of OBJECTIVES) {
    org.push(
      entity('objective', id, title, [
        ['measure', str(measure)],
        ['target', target],
        ['owner', name(owner)],
        ['due', date('2027-06-30')],
        ['policy', name(policy)],
        ['resources', str('Existing team time and the approved security budget')],
        ['evaluation', str('Reviewed monthly by the security steering group')],
      ]),
    );
  }
  OBJECTIVES.forEach(([id, title, , target], i) => {
    const result = target.t === 'pct' ? pct(Math.max(80, target.v - (i % 3))) : target.t === 'num' ? num(3) : str('on track');
    org.push(
      entity('measurement', `M-${String(i + 1).padStart(2, '0')}`, `${title}: progress`, [
        ['objective', name(id)],
        ['method', str('Report extracted from the system of record')],
        ['frequency', i % 2 ? dur('1 month') : str('monthly')],
        ['result', result],
        ['date', date(addDays('2026-10-31', -i))],
      ]),
    );
  });
  org.push(
    entity('audit-programme', undefined, undefined, [
      ['owner', name('ciso')],
      ['interval', dur('12 months')],
      ['criteria', str('ISO/IEC 27001:2022 clauses 4 to 10 and the applicable Annex A controls')],
      ['methods', str('Interviews, record sampling and technical testing')],
    ]),
  );
  org.push(
    entity('audit', 'IA-2026', 'Internal audit 2026', [
      ['date', date('2026-06-10')],
      ['auditor', str('Independent consultant, Harbour Assurance')],
      ['scope', str('All clauses 4 to 10 and a sample of Annex A controls')],
      ['result', str('The ISMS conforms; two nonconformities raised')],
      ['findings', [name('NC-2026-01'), name('NC-2026-02')]],
    ]),
  );
  org.push(
    entity('nonconformity', 'NC-2026-01', 'Access reviews late for two systems', [
      ['raised', date('2026-06-10')],
      ['source', name('IA-2026')],
      ['cause', str('Review reminders were not set for newly added systems')],
      ['correction', str('The overdue reviews were completed within a week')],
      ['corrective-action', str('New systems are added to the review calendar at onboarding')],
      ['status', name('closed')],
      ['effectiveness', str('The September reviews were all on time')],
    ]),
  );
  org.push(
    entity('nonconformity', 'NC-2026-02', 'Supplier assessments incomplete', [
      ['raised', date('2026-06-10')],
      ['source', name('IA-2026')],
      ['cause', str('No owner for the supplier register')],
      ['corrective-action', str('The COO owns the register and reports on it quarterly')],
      ['status', name('open')],
    ]),
  );
  org.push(
    entity('review', 'MR-2026', 'Management review 2026', [
      ['date', date('2026-07-01')],
      ['attendees', ['ceo', 'coo', 'cfo', 'ciso'].map(name)],
      ['inputs', str('Audit results, objectives, risk register, incidents and supplier performance')],
      [
        'considered',
        ['previous-actions', 'external-internal-changes', 'interested-party-changes', 'performance', 'feedback', 'risk-results', 'improvement'].map(name),
      ],
      ['decisions', str('Fund endpoint detection and a second cloud region for the settlement service')],
    ]),
  );

  // v2 registers (LANGUAGE.md §7.1): training, suppliers, obligations, incidents, a change, communication.
  org.push(
    entity('training', 'T-2026-AW', 'Security awareness 2026', [
      ['type', name('awareness')],
      ['date', date('2026-03-12')],
      ['attendees', [str('All employees and contractors')]],
      ['topics', [str('Phishing'), str('Reporting incidents'), str('Clean desk')]],
    ]),
  );
  org.push(
    entity('training', 'T-2026-IR', 'Incident response exercise', [
      ['type', name('competence')],
      ['date', date('2026-09-17')],
      ['roles', ['ciso', 'head-of-operations'].map(name)],
    ]),
  );
  SUPPLIERS.forEach(([id, title, criticality, provides], i) => {
    org.push(
      entity('supplier', id, title, [
        ['owner', name('coo')],
        ['criticality', name(criticality)],
        ['provides', str(provides)],
        ['agreement', str(`Master services agreement and DPA, signed 202${3 + (i % 3)}`)],
        ['certifications', [str('ISO/IEC 27001')]],
        ['reviewed', date(addDays('2026-05-04', i * 9))],
        ['review-interval', dur('12 months')],
      ]),
    );
  });
  org.push(
    entity('obligation', 'OB-GDPR', 'UK GDPR and Data Protection Act 2018', [
      ['type', name('legal')],
      ['source', str('UK GDPR Articles 5, 28 and 32')],
      ['addressed-by', ['A.5.34', 'A.5.31'].map(name)],
    ]),
  );
  org.push(
    entity('obligation', 'OB-PCI', 'PCI DSS v4.0', [
      ['type', name('contractual')],
      ['source', str('Card scheme rules, via the acquiring bank')],
      ['addressed-by', ['A.5.31', 'A.8.24'].map(name)],
    ]),
  );
  org.push(
    entity('incident', 'INC-2026-01', 'Phishing email led to one compromised mailbox', [
      ['reported', date('2026-04-08')],
      ['severity', name('medium')],
      ['status', name('closed')],
      ['closed', date('2026-04-10')],
      ['lessons', str('Phishing-resistant MFA for all mailboxes; the awareness session covers the pattern')],
    ]),
  );
  org.push(
    entity('change', 'CH-2027-01', 'Second cloud region for the settlement service', [
      ['date', date('2027-02-01')],
      ['purpose', str('Resilience of settlement against a regional outage')],
      ['resources', str('Two engineers for a quarter; approved budget')],
      ['approved-by', [name('ceo')]],
      ['status', name('planned')],
    ]),
  );
  org.push(
    entity('communication', 'C-STATUS', 'Security status to the board', [
      ['what', str('ISMS performance, incidents and risk changes')],
      ['when', dur('3 months')],
      ['with', [str('The board')]],
      ['by', name('ciso')],
      ['how', str('Board pack')],
    ]),
  );
  org.push(
    entity('soa', undefined, undefined, [
      ['version', str('2026.2')],
      ['approved-by', [name('ceo')]],
      ['approved', date('2026-07-01')],
      ['owner', name('ciso')],
      ['classification', name('internal')],
    ]),
  );

  // ---- assets.isms -----------------------------------------------------------
  const assetCount = Math.max(20, Math.round(riskCount / 40));
  const assets = []; // { id, type }
  const assetEntities = [];
  for (const [id, title] of SITES) {
    assets.push({ id, title, type: 'site' });
    assetEntities.push(entity('asset', id, title, [['owner', name('facilities-manager')], ['type', name('site')], ['classification', name('internal')]]));
  }
  // Walk the area × form pairs so that the first assets span all areas and all
  // forms (form = (k + ⌊k / areas⌋) mod forms visits every pair once per cycle);
  // beyond one cycle, numbered copies ("Billing database 2").
  const pairs = AREAS.length * ASSET_FORMS.length;
  for (let k = 0; assets.length < assetCount; k++) {
    const [area, areaTitle] = AREAS[k % AREAS.length];
    const [suffix, formTitle, type, classes] = ASSET_FORMS[(k + Math.floor(k / AREAS.length)) % ASSET_FORMS.length];
    const copy = Math.floor(k / pairs) + 1;
    const id = copy > 1 ? `${area}-${suffix}-${copy}` : `${area}-${suffix}`;
    const title = copy > 1 ? `${areaTitle} ${formTitle} ${copy}` : `${areaTitle} ${formTitle}`;
    assets.push({ id, title, type });
    assetEntities.push(
      entity('asset', id, title, [
        ['owner', name(R.pick(OWNER_ROLES))],
        ['type', name(type)],
        ['classification', name(R.pick(classes))],
      ]),
    );
  }
  const assetsByType = new Map();
  for (const a of assets) {
    if (!assetsByType.has(a.type)) assetsByType.set(a.type, []);
    assetsByType.get(a.type).push(a);
  }

  // ---- risks-NN.isms ---------------------------------------------------------
  const width = Math.max(4, String(riskCount).length);
  const riskFiles = [];
  const firstAssessable = addDays(AS_OF, -182); // within the last six months
  for (let i = 0; i < riskCount; i++) {
    const fileIndex = Math.floor(i / RISKS_PER_FILE);
    if (!riskFiles[fileIndex]) riskFiles[fileIndex] = [];
    const [threat, verb, vulnerabilities, controls, types] = R.pick(SCENARIOS);
    const candidates = types.flatMap((t) => assetsByType.get(t) ?? []);
    const pool = candidates.length ? candidates : assets;
    const riskAssets = R.sample(pool, R.weighted([[1, 70], [2, 22], [3, 8]]));
    const owner = R.pick(OWNER_ROLES);
    const likelihood = R.weighted([[1, 10], [2, 25], [3, 30], [4, 25], [5, 10]]);
    const impact = R.weighted([[1, 8], [2, 20], [3, 30], [4, 27], [5, 15]]);
    const score = likelihood * impact;
    const treatment = score > 6 ? R.weighted([['mitigate', 80], ['transfer', 10], ['avoid', 10]]) : R.weighted([['accept', 60], ['mitigate', 40]]);
    const riskControls = R.sample(controls.filter(applicable), R.int(1, 4));
    riskControls.forEach((c) => usedControls.add(c));
    // Residual ratings: reduced by the treatment until the residual score is acceptable.
    let rl = likelihood;
    let ri = impact;
    if (treatment === 'mitigate') rl = Math.max(1, rl - R.int(1, 2));
    if (treatment === 'transfer') ri = Math.max(1, ri - R.int(1, 2));
    if (treatment === 'avoid') [rl, ri] = [1, Math.min(ri, 2)];
    while (rl * ri > 6) {
      if (rl >= ri) rl--;
      else ri--;
    }
    const id = `R-${String(i + 1).padStart(width, '0')}`;
    const fields = [
      ['owner', name(owner)],
      ['asset', riskAssets.map((a) => name(a.id))],
      ['threat', str(threat)],
      ['vulnerability', str(R.pick(vulnerabilities))],
      ['likelihood', num(likelihood)],
      ['impact', num(impact), R.chance(0.04) ? 'raised after the last incident review' : undefined],
      ['treatment', name(treatment)],
      ['controls', riskControls.map(name)],
      ['residual-likelihood', num(rl)],
      ['residual-impact', num(ri)],
      ['accepted-by', name(owner)],
      ['assessed', date(addDays(firstAssessable, R.int(0, 182)))],
    ];
    const title = `${verb} the ${riskAssets[0].title}`;
    const comment = i % 10 === 0 ? `Risks ${id} onwards: reviewed in the ${R.pick(['spring', 'summer', 'autumn'])} risk workshop` : undefined;
    riskFiles[fileIndex].push(entity('risk', id, title, fields, comment));
  }

  // ---- soa.isms -----------------------------------------------------------------
  const soa = annex.map(({ id, title }) => {
    if (excluded.has(id)) return entity('control', id, undefined, [['applicable', name('no')], ['reason', str(excluded.get(id))]]);
    const status = R.weighted([['implemented', 80], ['partial', 12], ['planned', 8]]);
    const reason = usedControls.has(id) ? `Treats risks in the register: ${title.toLowerCase()}` : `Required by the information security policy: ${title.toLowerCase()}`;
    const fields = [
      ['applicable', name('yes')],
      ['reason', str(reason)],
      ['status', name(status)],
      ['owner', name(R.pick(OWNER_ROLES))],
      ['evidence', R.sample(EVIDENCE_PROSE, R.int(1, 2)).map(str)],
    ];
    if (status !== 'implemented') fields.push(['due', date(addDays('2027-03-03', R.int(0, 150)))]); // after the last as-of date the workspace is valid for
    return entity('control', id, undefined, fields);
  });

  const operations = buildOperations(R, { riskCount, width, assets, applicable });

  const files = [
    { name: 'organization.isms', header: 'Organization, context, leadership, planning, performance evaluation (ISO/IEC 27001:2022 clauses 4 to 10)', entities: org },
    { name: 'assets.isms', header: 'Inventory of information and other associated assets (A.5.9)', entities: assetEntities },
    ...riskFiles.map((entities, i) => ({
      name: `risks-${String(i + 1).padStart(2, '0')}.isms`,
      header: `Risk register, part ${i + 1} of ${riskFiles.length} (6.1.2, 6.1.3, 8.2, 8.3)`,
      entities,
    })),
    { name: 'soa.isms', header: 'Statement of Applicability: all 93 Annex A controls (6.1.3 d)', entities: soa },
    { name: 'operations.isms', header: 'Suppliers, obligations, incidents, training and communication at scale (language v2)', entities: operations },
  ];
  return { files, riskCount, assetCount: assets.length, seed };
}

// ---------------------------------------------------------------------------
// Language v2 registers at scale (LANGUAGE.md §7.1), beside the few records of
// organization.isms and valid for the same as-of dates: suppliers reviewed
// since 2026-03-02 (12-month interval), incidents and trainings dated before
// 2026-11-27, closed incidents with their lessons, every obligation addressed.

const SUPPLIER_SERVICES = [
  ['cloud', 'Cloud hosting', 'high', ['ISO/IEC 27001', 'SOC 2 Type II']],
  ['payroll', 'Payroll processing', 'high', ['ISO/IEC 27001']],
  ['kyc', 'Identity verification', 'high', ['SOC 2 Type II']],
  ['email', 'Email and collaboration', 'medium', ['ISO/IEC 27001', 'ISO/IEC 27018']],
  ['crm', 'Customer relationship management', 'medium', ['SOC 2 Type II']],
  ['monitoring', 'Monitoring and alerting', 'medium', ['ISO/IEC 27001']],
  ['print', 'Printing and mailing', 'low', []],
  ['cleaning', 'Office cleaning', 'low', []],
];

const OBLIGATIONS = [
  ['OB-PSR', 'Payment Services Regulations 2017', 'regulatory', 'Financial Conduct Authority', 'P-CUSTOMERS', ['A.5.31', 'A.5.24']],
  ['OB-DORA', 'Digital Operational Resilience Act', 'regulatory', 'Regulation (EU) 2022/2554', 'P-CUSTOMERS', ['A.5.30', 'A.5.23', 'A.5.24']],
  ['OB-MSA', 'Merchant service agreements', 'contractual', 'Standard merchant contract, schedule 4 (security)', 'P-CUSTOMERS', ['A.5.14', 'A.8.14']],
];

function buildOperations(R, { riskCount, width, assets, applicable }) {
  const out = [];
  const riskId = (n) => `R-${String(n).padStart(width, '0')}`;
  const count = Math.max(10, Math.round(riskCount / 40));
  for (let i = 0; i < count; i++) {
    const [key, provides, criticality, certifications] = SUPPLIER_SERVICES[i % SUPPLIER_SERVICES.length];
    const n = Math.floor(i / SUPPLIER_SERVICES.length) + 1;
    const fields = [
      ['owner', name(R.pick(['coo', 'cto', 'head-of-it', 'legal-counsel']))],
      ['criticality', name(criticality)],
      ['provides', str(provides)],
      ['assets', R.sample(assets, R.int(1, 2)).map((a) => name(a.id))],
    ];
    if (criticality !== 'low') fields.push(['agreement', str(`Master services agreement MSA-${2024 + (i % 3)}-${String(i + 1).padStart(3, '0')} with data processing terms`)]);
    if (certifications.length) fields.push(['certifications', certifications.map(str)]);
    fields.push(['reviewed', date(addDays('2026-03-10', R.int(0, 250)))]);
    fields.push(['review-interval', dur('12 months')]);
    fields.push(['risks', [name(riskId(R.int(1, riskCount)))]]);
    out.push(entity('supplier', `SUP-${String(i + 1).padStart(3, '0')}`, `${provides} provider ${n}`, fields));
  }
  for (const [id, title, type, source, party, controls] of OBLIGATIONS) {
    out.push(
      entity('obligation', id, title, [
        ['type', name(type)],
        ['source', str(source)],
        ['party', name(party)],
        ['addressed-by', controls.filter(applicable).map(name)],
      ]),
    );
  }
  const incidents = Math.max(10, Math.round(riskCount / 40));
  for (let i = 0; i < incidents; i++) {
    const reported = addDays('2025-12-01', R.int(0, 350));
    const open = i % 9 === 0;
    const fields = [
      ['reported', date(reported)],
      ['severity', name(R.weighted([['low', 50], ['medium', 35], ['high', 12], ['critical', 3]]))],
      ['status', name(open ? 'open' : 'closed')],
      ['assets', [name(R.pick(assets).id)]],
    ];
    if (!open) {
      const closed = addDays(reported, R.int(1, 20));
      fields.push(['closed', date(closed < AS_OF ? closed : AS_OF)]);
      fields.push(['lessons', str(R.pick(['Alert thresholds tuned', 'Runbook updated with the missing step', 'Staff reminded in the monthly briefing', 'Supplier contact list corrected']))]);
    }
    out.push(entity('incident', `INC-${String(i + 1).padStart(4, '0')}`, `Security event ${i + 1}`, fields));
  }
  ['ciso', 'head-of-engineering', 'head-of-operations', 'dpo'].forEach((role, i) => {
    out.push(
      entity('training', `T-COMP-${i + 1}`, `Competence training for ${role}`, [
        ['type', name('competence')],
        ['date', date(addDays('2026-04-01', i * 30))],
        ['roles', [name(role)]],
        ['evidence', [str('Certificate on the HR record')]],
      ]),
    );
  });
  out.push(
    entity('communication', 'COM-1', 'Security newsletter', [
      ['what', str('Security news, incidents of note and reminders')],
      ['when', dur('1 month')],
      ['with', [str('All employees and contractors')]],
      ['by', name('ciso')],
      ['how', str('Email and the intranet')],
    ]),
  );
  return out;
}

// ---------------------------------------------------------------------------
// Serializers

function quote(s) {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

function formatValue(value, indent) {
  switch (value.t) {
    case 'str':
      return quote(value.v);
    case 'block': {
      const pad = `${indent}  `;
      return `"""\n${value.v
        .split('\n')
        .map((line) => pad + line)
        .join('\n')}\n${indent}"""`;
    }
    case 'pct':
      return `${value.v}%`;
    default:
      return String(value.v);
  }
}

/** The `.isms` text of one file. */
export function toIsms(file) {
  const out = [`// ${file.header}`, '// Generated by bench/generate-workspace.mjs; do not edit.', ''];
  for (const e of file.entities) {
    if (e.comment) out.push(`// ${e.comment}`);
    let head = e.kind;
    if (e.id !== undefined) head += ` ${e.id}`;
    if (e.title !== undefined) head += ` ${quote(e.title)}`;
    out.push(`${head} {`);
    for (const [field, value, comment] of e.fields) {
      let text;
      if (!Array.isArray(value)) text = formatValue(value, '  ');
      else if (value.length < 4) text = value.map((v) => formatValue(v, '  ')).join(', ');
      else {
        // Long lists are wrapped two values a line: a line ending in `,` continues (§1).
        const lines = [];
        for (let i = 0; i < value.length; i += 2) lines.push(value.slice(i, i + 2).map((v) => formatValue(v, '  ')).join(', '));
        text = lines.join(',\n    ');
      }
      out.push(`  ${field} ${text}${comment ? ` // ${comment}` : ''}`);
    }
    out.push('}', '');
  }
  return out.join('\n');
}

/** Repeatable fields (LANGUAGE.md §3): always an array in the JSON twin, like lists. */
const REPEATABLE = new Set(['party.requirement']);

function jsonValue(value) {
  switch (value.t) {
    case 'num':
      return value.v;
    case 'pct':
      return `${value.v}%`;
    default:
      return value.v;
  }
}

/** The JSON twin: { kind: [entity, …], … }, each entity { id?, title?, field: value | [values] }. */
export function toJsonModel(model) {
  const out = {};
  for (const file of model.files) {
    for (const e of file.entities) {
      const obj = {};
      if (e.id !== undefined) obj.id = e.id;
      if (e.title !== undefined) obj.title = e.title;
      for (const [field, value] of e.fields) {
        const v = Array.isArray(value) ? value.map(jsonValue) : jsonValue(value);
        if (REPEATABLE.has(`${e.kind}.${field}`)) (obj[field] ??= []).push(v);
        else obj[field] = v;
      }
      (out[e.kind] ??= []).push(obj);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Writing

/**
 * Generates the workspace into `outDir` and returns its figures.
 * @param {string} outDir
 * @param {{ risks?: number, seed?: number, clean?: boolean }} [options]
 * @returns {{ dir: string, files: string[], lines: number, bytes: number, jsonBytes: number, risks: number, assets: number, seed: number }}
 */
export function generateWorkspace(outDir, options = {}) {
  const dir = resolve(outDir);
  mkdirSync(dir, { recursive: true });
  if (options.clean) {
    for (const f of readdirSync(dir)) {
      if (f.endsWith('.isms') || f === 'workspace.json') rmSync(join(dir, f));
    }
  }
  const model = buildModel(options);
  let lines = 0;
  let bytes = 0;
  const names = [];
  for (const file of model.files) {
    const text = toIsms(file);
    writeFileSync(join(dir, file.name), text);
    names.push(file.name);
    lines += text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    bytes += Buffer.byteLength(text);
  }
  const json = JSON.stringify(toJsonModel(model));
  writeFileSync(join(dir, 'workspace.json'), json);
  return { dir, files: names, lines, bytes, jsonBytes: Buffer.byteLength(json), risks: model.riskCount, assets: model.assetCount, seed: model.seed };
}

// ---------------------------------------------------------------------------
// CLI

function main(argv) {
  const args = [...argv];
  const options = {};
  let outDir;
  while (args.length) {
    const arg = args.shift();
    if (arg === '--risks') options.risks = Number(args.shift());
    else if (arg === '--seed') options.seed = Number(args.shift());
    else if (arg === '--clean') options.clean = true;
    else if (arg === '-h' || arg === '--help') {
      console.log('usage: node bench/generate-workspace.mjs OUT_DIR [--risks N] [--seed S] [--clean]');
      return 0;
    } else if (!arg.startsWith('-') && outDir === undefined) outDir = arg;
    else {
      console.error(`generate-workspace: unexpected argument ${arg}`);
      return 2;
    }
  }
  if (!outDir) {
    console.error('usage: node bench/generate-workspace.mjs OUT_DIR [--risks N] [--seed S] [--clean]');
    return 2;
  }
  try {
    const r = generateWorkspace(outDir, options);
    console.log(
      `wrote ${r.files.length} files to ${r.dir}: ${r.risks} risks, ${r.assets} assets, ` +
        `${r.lines.toLocaleString('en')} lines, ${(r.bytes / 1e6).toFixed(2)} MB (JSON twin ${(r.jsonBytes / 1e6).toFixed(2)} MB)`,
    );
    return 0;
  } catch (error) {
    console.error(`generate-workspace: ${error.message}`);
    return 2;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
