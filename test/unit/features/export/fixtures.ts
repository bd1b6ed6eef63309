/** Workspaces for the export tests, analysed into the report data. */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { createLanguageService } from '../../../../server/src/language-service';
import type { ReportData } from '../../../../server/src/features/export/export-report';
import { riskRegister } from '../../../../server/src/features/risk-register';
import { soaTable } from '../../../../server/src/features/soa-table';

export const AS_OF = '2026-11-27';

/** Analyses one file and returns the data the exports render. */
export function reportData(text: string, file = 'a.isms'): ReportData {
  const s = createLanguageService({ asOf: AS_OF });
  s.setFile(file, text);
  const { index } = s.analysis();
  return { soa: soaTable(index, s.asOf), risks: riskRegister(index) };
}

/** A small ISMS: three Annex A entries (one excluded), a custom control, two risks, a party. */
export const SMALL = `organization "Acme | Cloud Ltd" {
  top-management ceo
}

role ceo "Chief Executive Officer" {
  top-management yes
}

role cto "Chief Technology Officer" {
  holder "Sam Okafor"
}

risk-criteria {
  likelihood-scale "Low", "Medium", "High"
  impact-scale "Minor", "Major", "Severe"
  acceptance 3
}

risk R-1 "Ransomware encrypts the customer database" {
  owner cto
  likelihood 3
  impact 3
  treatment mitigate
  controls A.8.13, C-1
  residual-likelihood 1
  residual-impact 2
  accepted-by cto
}

risk R-2 "Laptop theft, \\"high\\" impact" {
  owner cto
  likelihood 2
  impact 3
  treatment accept
}

party P-1 "Customers" {
  requirement "Data kept safe"
  addressed-by A.8.13
}

control A.5.1 {
  applicable yes
  reason """
    Policies set direction.
    Approved yearly | reviewed
  """
  status implemented
  owner cto
  evidence "policies/infosec.md", "Board minutes, 2026"
}

control A.7.4 {
  applicable no
  reason "No premises of our own"
}

control A.8.13 {
  applicable yes
  status partial
  owner cto
  evidence "runbooks/backup.md"
  due 2027-03-31
}

control C-1 "Immutable offsite backups" {
  applicable yes
  status planned
  owner cto
}
`;

/** Hostile text in every user-written place the HTML shows. */
export const HOSTILE = `organization "<script>alert(1)</script> & 'Co'" {
  top-management ceo
}

role ceo "Chief Executive Officer" {
  top-management yes
}

risk-criteria {
  likelihood-scale "<b>Low</b>", "High\\"><img src=x onerror=alert(1)>"
  impact-scale "Minor", "<script>alert(2)</script>"
  acceptance 2
}

risk R-1 "\\"><img src=x onerror=alert(1)>" {
  owner ceo
  threat "<script>alert(3)</script>"
  likelihood 2
  impact 2
  treatment mitigate
  controls X-1
  accepted-by ceo
}

control A.5.1 {
  applicable yes
  reason "<script>alert(1)</script>"
  status implemented
  owner ceo
  evidence "javascript:alert(1)", "<a href=\\"javascript:alert(1)\\">x</a>"
}

control X-1 "\\"><img src=x onerror=alert(1)>" {
  applicable yes
  reason "It's <b>bold</b> & \\"quoted\\""
  status implemented
  evidence "javascript:alert(1)"
}
`;

/** Cells that a spreadsheet would run as formulas if they were not neutralised. */
export const FORMULAS = `organization "=HYPERLINK(\\"http://evil.example\\",\\"click\\")" {
  top-management ceo
}

role ceo "Chief Executive Officer" {
  top-management yes
}

risk-criteria {
  likelihood-scale "Low", "High"
  impact-scale "Minor", "Major"
  acceptance 2
}

risk R-1 "=1+1" {
  owner ceo
  threat "+cmd|' /C calc'!A0"
  vulnerability "-2+3"
  likelihood 2
  impact 2
  treatment mitigate
  controls X-1
  accepted-by ceo
}

control A.5.1 {
  applicable yes
  reason "=HYPERLINK(\\"http://evil.example\\",\\"click\\")"
  status implemented
  owner ceo
  evidence "-1", "@SUM(A1:A2)"
}

control A.5.2 {
  applicable yes
  reason "+1"
  status implemented
  evidence "\\tcmd"
}

control X-1 "@SUM(1,2)" {
  applicable yes
  reason "-1"
  status implemented
}
`;

/** The repository's root, from out/test/unit/features/export. */
export const REPO_ROOT = resolve(__dirname, '../../../../..');

/**
 * Compares output with test/golden/export/NAME byte for byte; with
 * UPDATE_GOLDEN=1 in the environment, rewrites the golden file instead.
 */
export function assertGolden(name: string, actual: string): void {
  const file = join(REPO_ROOT, 'test', 'golden', 'export', name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  assert.equal(actual, readFileSync(file, 'utf8'), `differs from test/golden/export/${name} (UPDATE_GOLDEN=1 rewrites it)`);
}
