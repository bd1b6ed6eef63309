/**
 * `isms coverage --format …`: a framework's coverage (features/coverage.ts)
 * as text, JSON, Markdown, HTML, CSV or an Excel workbook. Every format
 * carries the framework's credit (ENISA's CC BY 4.0 credit for NIS2) and
 * says what a mapping means: "helps meet", never "complies".
 */
import { HELPS_MEET } from '../../catalogue/framework-set';
import type { CoverageTotals, FrameworkCoverage, RequirementCoverage, TargetState } from '../coverage';
import { csvDocument } from './csv';
import { escapeHtml, htmlDocumentStart } from './html';
import { markdownCell } from './markdown';
import { xlsxText } from './xlsx';

export const COVERAGE_FORMATS = ['text', 'json', 'md', 'html', 'csv', 'xlsx'] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

export async function coverageReport(format: CoverageFormat, coverage: FrameworkCoverage): Promise<string | Uint8Array> {
  switch (format) {
    case 'text':
      return coverageText(coverage);
    case 'json':
      return coverageJson(coverage);
    case 'md':
      return coverageMarkdown(coverage);
    case 'html':
      return coverageHtml(coverage);
    case 'csv':
      return coverageCsv(coverage);
    case 'xlsx':
      return coverageXlsx(coverage);
  }
}

const STATUS_LABEL = { covered: 'covered', partial: 'partial', gap: 'gap', unmapped: 'unmapped' } as const;

function targetText(target: TargetState): string {
  return `${target.id} ${target.state}`;
}

function targetsText(requirement: RequirementCoverage): string {
  return requirement.targets.length === 0 ? 'no ISO/IEC 27001 mapping' : requirement.targets.map(targetText).join(', ');
}

function totalsText(totals: CoverageTotals): string {
  return `${totals.covered} covered · ${totals.partial} partial · ${totals.gap} ${totals.gap === 1 ? 'gap' : 'gaps'} · ${totals.unmapped} unmapped`;
}

function heading(coverage: FrameworkCoverage): string {
  return `${coverage.framework.name} — coverage by ${coverage.organization ?? 'the ISMS'} (as of ${coverage.asOf})`;
}

/** What every report says under its title. */
export function coverageNotes(coverage: FrameworkCoverage): string[] {
  return [HELPS_MEET, `Source: ${coverage.framework.credit}`];
}

export function coverageText(coverage: FrameworkCoverage): string {
  const lines = [heading(coverage), ...coverageNotes(coverage), ''];
  for (const group of coverage.groups) {
    lines.push(`${group.id} ${group.name}: ${totalsText(group.totals)}`);
    for (const requirement of group.requirements) {
      lines.push(`  ${requirement.id.padEnd(10)} ${STATUS_LABEL[requirement.status].padEnd(8)} ${targetsText(requirement)}`);
    }
  }
  lines.push('', `${coverage.framework.label}: ${totalsText(coverage.totals)} (${coverage.totals.total} requirements)`);
  return lines.join('\n') + '\n';
}

export function coverageJsonObject(coverage: FrameworkCoverage): object {
  return {
    version: 1,
    framework: coverage.framework,
    meaning: HELPS_MEET,
    organization: coverage.organization ?? null,
    asOf: coverage.asOf,
    totals: coverage.totals,
    groups: coverage.groups.map((group) => ({ id: group.id, name: group.name, totals: group.totals })),
    requirements: coverage.requirements.map((requirement) => ({
      id: requirement.id,
      title: requirement.title,
      group: requirement.group,
      parent: requirement.parent ?? null,
      status: requirement.status,
      targets: requirement.targets.map((target) => ({ id: target.id, kind: target.kind, title: target.title, state: target.state })),
    })),
  };
}

export function coverageJson(coverage: FrameworkCoverage): string {
  return JSON.stringify(coverageJsonObject(coverage), null, 2) + '\n';
}

export function coverageMarkdown(coverage: FrameworkCoverage): string {
  const lines = [`# ${markdownCell(heading(coverage))}`, '', ...coverageNotes(coverage).map((note) => `> ${markdownCell(note)}`), ''];
  lines.push(`| ${markdownCell(coverage.framework.groupKind)} | covered | partial | gaps | unmapped | total |`, '|---|---:|---:|---:|---:|---:|');
  for (const group of coverage.groups) {
    const t = group.totals;
    lines.push(`| ${markdownCell(`${group.id} ${group.name}`)} | ${t.covered} | ${t.partial} | ${t.gap} | ${t.unmapped} | ${t.total} |`);
  }
  const t = coverage.totals;
  lines.push(`| **Total** | **${t.covered}** | **${t.partial}** | **${t.gap}** | **${t.unmapped}** | **${t.total}** |`, '');
  lines.push('## Requirements', '', '| Requirement | Title | Status | Mapped ISO/IEC 27001 (state here) |', '|---|---|---|---|');
  for (const requirement of coverage.requirements) {
    lines.push(`| ${markdownCell(requirement.id)} | ${markdownCell(requirement.title)} | ${requirement.status} | ${markdownCell(targetsText(requirement))} |`);
  }
  return lines.join('\n') + '\n';
}

const HTML_STYLE = `
body { font: 10pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1b1b1b; margin: 2em; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1em; }
th, td { border: 1px solid #c8c8c8; padding: .25em .45em; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #e8edf3; }
td.num, th.num { text-align: right; }
p.note { color: #444; }
td.covered { background: #e3f4e1; } td.partial { background: #fff3cd; } td.gap { background: #fbe3e1; } td.unmapped { background: #eeeeee; }
`;

/** One coverage section (also used by the editor's SoA preview): a table per group and a table of gaps. */
export function coverageHtmlSection(coverage: FrameworkCoverage, level = 2): string {
  const h = (n: number) => `h${Math.min(6, level + n)}`;
  const parts: string[] = [];
  parts.push(`<${h(0)}>${escapeHtml(coverage.framework.name)}</${h(0)}>`);
  for (const note of coverageNotes(coverage)) parts.push(`<p class="note">${escapeHtml(note)}</p>`);
  parts.push(
    `<table class="coverage-totals"><thead><tr><th>${escapeHtml(coverage.framework.groupKind)}</th><th class="num">covered</th><th class="num">partial</th><th class="num">gaps</th><th class="num">unmapped</th><th>share covered</th></tr></thead><tbody>`,
  );
  for (const group of [...coverage.groups, { id: '', name: 'Total', totals: coverage.totals }]) {
    const t = group.totals;
    const pct = (n: number) => (t.total === 0 ? 0 : Math.round((n / t.total) * 1000) / 10);
    const bar =
      `<div class="bar" role="img" aria-label="${pct(t.covered)}% covered" style="display:flex;height:.8em;width:12em;background:#eee">` +
      `<span style="width:${pct(t.covered)}%;background:#3c9a4b"></span><span style="width:${pct(t.partial)}%;background:#e0b23a"></span>` +
      `<span style="width:${pct(t.gap)}%;background:#c8463b"></span></div>`;
    parts.push(
      `<tr><th>${escapeHtml(group.id ? `${group.id} ${group.name}` : group.name)}</th><td class="num">${t.covered}</td><td class="num">${t.partial}</td><td class="num">${t.gap}</td><td class="num">${t.unmapped}</td><td>${bar}</td></tr>`,
    );
  }
  parts.push('</tbody></table>');
  const gaps = coverage.requirements.filter((r) => r.status === 'gap');
  parts.push(`<${h(1)}>Gaps (${gaps.length})</${h(1)}>`);
  if (gaps.length === 0) parts.push('<p>No gaps: every mapped requirement has an implemented, partial or planned control, or a passing clause.</p>');
  else {
    parts.push('<table class="coverage-gaps"><thead><tr><th>Requirement</th><th>Title</th><th>Mapped ISO/IEC 27001 (state here)</th></tr></thead><tbody>');
    for (const r of gaps) parts.push(`<tr><td>${escapeHtml(r.id)}</td><td>${escapeHtml(r.title)}</td><td>${escapeHtml(targetsText(r))}</td></tr>`);
    parts.push('</tbody></table>');
  }
  return parts.join('\n');
}

export function coverageHtml(coverage: FrameworkCoverage): string {
  const rows = coverage.requirements
    .map((r) => `<tr><td>${escapeHtml(r.id)}</td><td>${escapeHtml(r.title)}</td><td class="${r.status}">${r.status}</td><td>${escapeHtml(targetsText(r))}</td></tr>`)
    .join('\n');
  const title = escapeHtml(heading(coverage));
  return [
    ...htmlDocumentStart(title, HTML_STYLE, { viewport: false }),
    `<h1>${title}</h1>`,
    coverageHtmlSection(coverage, 2),
    '<h2>Requirements</h2>',
    '<table><thead><tr><th>Requirement</th><th>Title</th><th>Status</th><th>Mapped ISO/IEC 27001 (state here)</th></tr></thead><tbody>',
    rows,
    '</tbody></table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export const COVERAGE_CSV_COLUMNS = ['Requirement', 'Group', 'Parent', 'Title', 'Status', 'Mapped ISO/IEC 27001', 'States'] as const;

export function coverageCsv(coverage: FrameworkCoverage): string {
  const rows = coverage.requirements.map((r) => [
    r.id,
    r.group,
    r.parent,
    r.title,
    r.status,
    r.targets.map((t) => t.id).join(' '),
    r.targets.map((t) => t.state).join(' '),
  ]);
  // The credit and meaning go last, as a row of their own, so that every column keeps one kind of value.
  rows.push([`# ${HELPS_MEET} Source: ${coverage.framework.credit}`, undefined, undefined, undefined, undefined, undefined, undefined]);
  return csvDocument(COVERAGE_CSV_COLUMNS, rows);
}

export async function coverageXlsx(coverage: FrameworkCoverage): Promise<Uint8Array> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Workbook } = require('exceljs') as typeof import('exceljs');
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Coverage', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...COVERAGE_CSV_COLUMNS]).font = { bold: true };
  for (const r of coverage.requirements) {
    sheet.addRow([r.id, r.group, r.parent ?? '', r.title, r.status, r.targets.map((t) => t.id).join(' '), r.targets.map((t) => t.state).join(' ')].map((v) => xlsxText(v)));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: coverage.requirements.length + 1, column: COVERAGE_CSV_COLUMNS.length } };
  sheet.columns.forEach((column, i) => (column.width = [12, 8, 10, 70, 10, 30, 40][i]));
  const summary = workbook.addWorksheet('Summary');
  summary.addRow([xlsxText(heading(coverage))]).font = { bold: true };
  for (const note of coverageNotes(coverage)) summary.addRow([xlsxText(note)]);
  summary.addRow([]);
  summary.addRow([coverage.framework.groupKind, 'covered', 'partial', 'gaps', 'unmapped', 'total']).font = { bold: true };
  for (const group of coverage.groups) {
    const t = group.totals;
    summary.addRow([xlsxText(`${group.id} ${group.name}`), t.covered, t.partial, t.gap, t.unmapped, t.total]);
  }
  const t = coverage.totals;
  summary.addRow(['Total', t.covered, t.partial, t.gap, t.unmapped, t.total]).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
