/**
 * The Statement of Applicability and risk register as one standalone,
 * printable HTML page: the same content as the Markdown export plus the
 * inherent and residual risk heat maps.
 *
 * Safety: the page has no scripts and loads nothing (a Content-Security-Policy
 * of `default-src 'none'` allows only its inline style); every user-written
 * text is HTML-escaped, and nothing becomes a link (evidence such as
 * `javascript:…` is shown as text).
 */
import type { MatrixCell, RiskMatrix, RiskRegister, RiskScales } from '../risk-register';
import type { SoaRow, SoaTable, ThemeSummary } from '../soa-table';
import {
  acceptableText,
  applicableText,
  documentControlText,
  draftBanner,
  inherentText,
  needsTopManagementText,
  justificationParts,
  reportTitle,
  residualText,
  scoringNote,
  themeLabel,
  themeTitle,
  totalSummary,
} from './report-text';

export interface HtmlData {
  readonly soa: SoaTable;
  readonly risks: RiskRegister;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and (quoted) attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Escaped text whose line breaks are kept as `<br>`. */
function multiline(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');
}

const STYLE = `
:root { color-scheme: light; }
body { font: 10pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1b1b1b; margin: 2em; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.25em; margin: 1.6em 0 .5em; border-bottom: 1px solid #ccc; padding-bottom: .2em; }
h3 { font-size: 1.05em; margin: 1.2em 0 .4em; }
p.as-of { color: #555; margin: 0 0 1em; }
p.document-control { margin: 0 0 .3em; }
p.draft { border: 2px solid #b3261e; background: #fbe3e1; color: #8a1c12; font-weight: 700; padding: .5em .8em; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1em; }
th, td { border: 1px solid #c8c8c8; padding: .25em .45em; text-align: left; vertical-align: top; overflow-wrap: break-word; word-break: normal; hyphens: manual; }
thead th { background: #e8edf3; }
td.num, th.num { text-align: right; }
tr.theme th { background: #f4f4f4; font-weight: 600; }
tr.total td, tr.total th { font-weight: 600; }
td.yes { background: #e3f4e1; }
td.no { background: #eeeeee; }
td.missing { background: #fbe3e1; color: #8a1c12; }
td.status-implemented { background: #e3f4e1; }
td.status-partial { background: #fff3cd; }
td.status-planned { background: #e6effa; }
td.status-not-implemented { background: #fbe3e1; }
td.acceptable { background: #e3f4e1; }
td.unacceptable { background: #fbe3e1; }
table.heatmap { width: auto; }
table.heatmap td { width: 4.5em; height: 2.6em; text-align: center; vertical-align: middle; font-weight: 600; }
table.heatmap td.acceptable { background: #e3f4e1; }
table.heatmap td.unacceptable { background: #fbe3e1; }
table.heatmap td.unknown { background: #f0f0f0; }
table.heatmap td.acceptable.level-1 { background: #c9eac5; }
table.heatmap td.acceptable.level-2 { background: #addfa7; }
table.heatmap td.acceptable.level-3 { background: #92d48b; }
table.heatmap td.acceptable.level-4 { background: #76c86e; }
table.heatmap td.unacceptable.level-1 { background: #f8cbc6; }
table.heatmap td.unacceptable.level-2 { background: #f4b0a9; }
table.heatmap td.unacceptable.level-3 { background: #f0948b; }
table.heatmap td.unacceptable.level-4 { background: #ec7a6f; }
table.heatmap td.unknown.level-1, table.heatmap td.unknown.level-2, table.heatmap td.unknown.level-3, table.heatmap td.unknown.level-4 { background: #d6d6d6; }
table.heatmap td.empty { font-weight: normal; color: #555; }
table.heatmap th { font-weight: normal; max-width: 12em; }
table.heatmap th.axis { font-weight: 600; background: none; }
.heatmaps { display: flex; flex-wrap: wrap; gap: 2em; }
.note { color: #555; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 8.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead { display: table-header-group; }
  tr, .heatmap { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h2.page { break-before: page; page-break-before: always; }
}
`;

function summaryRow(label: string, summary: ThemeSummary, total = false): string {
  const cell = (n: number): string => `<td class="num">${n}</td>`;
  return `<tr${total ? ' class="total"' : ''}><th scope="row">${escapeHtml(label)}</th>${cell(summary.total)}${cell(summary.applicable)}${cell(summary.excluded)}${cell(summary.implemented)}</tr>`;
}

function summaryTable(soa: SoaTable): string[] {
  return [
    '<table class="summary">',
    '<thead><tr><th scope="col">Theme</th><th scope="col" class="num">Controls</th><th scope="col" class="num">Applicable</th><th scope="col" class="num">Excluded</th><th scope="col" class="num">Implemented</th></tr></thead>',
    '<tbody>',
    ...soa.themes.map((t) => summaryRow(themeLabel(t), t)),
    summaryRow('Total', totalSummary(soa), true),
    '</tbody>',
    '</table>',
  ];
}

const STATUS_CLASSES = new Set(['implemented', 'partial', 'planned', 'not-implemented']);

function controlRow(row: SoaRow): string {
  const applicableClass = row.theme === 'invalid' || !row.declared ? 'missing' : (row.applicable ?? 'missing');
  const statusClass = row.status && STATUS_CLASSES.has(row.status) ? ` class="status-${row.status}"` : '';
  return [
    '<tr>',
    `<td>${escapeHtml(row.id)}</td>`,
    `<td>${escapeHtml(row.title)}</td>`,
    `<td class="${applicableClass}">${escapeHtml(applicableText(row))}</td>`,
    `<td>${justificationParts(row).map(multiline).join('<br>')}</td>`,
    `<td${statusClass}>${escapeHtml(row.status ?? '')}</td>`,
    `<td>${multiline(row.implementation ?? '')}</td>`,
    `<td>${escapeHtml(row.due ?? '')}</td>`,
    `<td>${escapeHtml(row.owner ?? '')}</td>`,
    `<td>${row.evidence.map(multiline).join('<br>')}</td>`,
    '</tr>',
  ].join('');
}

function controlsTable(soa: SoaTable): string[] {
  const out = [
    '<table class="soa">',
    '<thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">Applicable</th><th scope="col">Justification</th><th scope="col">Status</th><th scope="col">Implementation</th><th scope="col">Due</th><th scope="col">Owner</th><th scope="col">Evidence</th></tr></thead>',
    '<tbody>',
  ];
  let theme: string | undefined;
  for (const row of soa.rows) {
    if (row.theme !== theme) {
      theme = row.theme;
      const summary = soa.themes.find((t) => t.theme === row.theme);
      out.push(`<tr class="theme"><th colspan="9" scope="rowgroup">${escapeHtml(summary ? themeLabel(summary) : themeTitle(row))}</th></tr>`);
    }
    out.push(controlRow(row));
  }
  out.push('</tbody>', '</table>');
  return out;
}

function acceptabilityClass(acceptable: boolean | undefined): string {
  return acceptable === undefined ? '' : acceptable ? ' class="acceptable"' : ' class="unacceptable"';
}

function riskTable(risks: RiskRegister): string[] {
  if (risks.risks.length === 0) return ['<p class="note">No risks are recorded.</p>'];
  return [
    '<table class="risks">',
    '<thead><tr><th scope="col">Risk</th><th scope="col">Title</th><th scope="col">Owner</th><th scope="col">Affects</th><th scope="col" class="num">Inherent (L×I)</th><th scope="col">Treatment</th><th scope="col">Controls</th><th scope="col" class="num">Residual (L×I)</th><th scope="col">Acceptable</th><th scope="col">Accepted by</th><th scope="col">Needs top management</th></tr></thead>',
    '<tbody>',
    ...risks.risks.map((risk) =>
      [
        '<tr>',
        `<td>${escapeHtml(risk.id)}</td>`,
        `<td>${escapeHtml(risk.title)}</td>`,
        `<td>${escapeHtml(risk.owner ?? '')}</td>`,
        `<td>${escapeHtml(risk.affects.join(', '))}</td>`,
        `<td class="num${risk.inherentAcceptable === undefined ? '' : risk.inherentAcceptable ? ' acceptable' : ' unacceptable'}">${escapeHtml(inherentText(risk))}</td>`,
        `<td>${escapeHtml(risk.treatment ?? '')}</td>`,
        `<td>${escapeHtml(risk.controls.join(', '))}</td>`,
        `<td class="num${risk.residualAcceptable === undefined ? '' : risk.residualAcceptable ? ' acceptable' : ' unacceptable'}">${escapeHtml(residualText(risk))}</td>`,
        `<td${acceptabilityClass(risk.residualAcceptable)}>${escapeHtml(acceptableText(risk.residualAcceptable))}</td>`,
        `<td>${escapeHtml(risk.acceptedBy ?? '')}</td>`,
        `<td${risk.acceptedAboveCriteria ? ' class="unacceptable"' : ''}>${escapeHtml(needsTopManagementText(risk))}</td>`,
        '</tr>',
      ].join(''),
    ),
    '</tbody>',
    '</table>',
  ];
}

/** The shade of a cell: 0 when empty, then 1–4 by its count relative to the fullest cell of the map. */
export function shadeLevel(count: number, max: number): number {
  if (count <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / Math.max(1, max)) * 4)));
}

function heatCell(cell: MatrixCell, max: number): string {
  const kind = cell.acceptable === undefined ? 'unknown' : cell.acceptable ? 'acceptable' : 'unacceptable';
  const count = cell.risks.length;
  const verdict = cell.acceptable === undefined ? '' : cell.acceptable ? ', acceptable' : ', not acceptable';
  const tip = `Likelihood ${cell.likelihood} × impact ${cell.impact} = ${cell.score}${verdict}${count > 0 ? `: ${cell.risks.join(', ')}` : ''}`;
  return `<td class="${kind} level-${shadeLevel(count, max)}${count === 0 ? ' empty' : ''}" title="${escapeHtml(tip)}">${count}</td>`;
}

/** A heat map: likelihood rows from high to low, impact columns from low to high. */
function heatMap(caption: string, scales: RiskScales, matrix: RiskMatrix): string[] {
  const impacts = scales.impactLabels;
  const out = [
    '<table class="heatmap">',
    `<caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr><th class="axis" scope="col">Likelihood \\ Impact</th>${impacts.map((label, i) => `<th scope="col">${i + 1}. ${escapeHtml(label)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
  ];
  const max = Math.max(1, ...matrix.cells.flatMap((row) => row.map((cell) => cell.risks.length)));
  for (let l = scales.likelihoodLabels.length; l >= 1; l--) {
    const cells = matrix.cells[l - 1] ?? [];
    out.push(`<tr><th scope="row">${l}. ${escapeHtml(scales.likelihoodLabels[l - 1] ?? '')}</th>${cells.map((cell) => heatCell(cell, max)).join('')}</tr>`);
  }
  out.push('</tbody>', '</table>');
  const outside = matrix.outside ?? [];
  if (outside.length > 0) {
    out.push(`<p class="note outside">Outside the scales: ${outside.length} (${escapeHtml(outside.join(', '))})</p>`);
  }
  return [`<div class="heatmap-block">`, ...out, '</div>'];
}

function heatMaps(risks: RiskRegister): string[] {
  const { scales, inherentMatrix, residualMatrix } = risks;
  if (!scales || !inherentMatrix || !residualMatrix || scales.likelihoodLabels.length === 0 || scales.impactLabels.length === 0) {
    return ['<p class="note">No risk criteria with likelihood and impact scales are defined, so there is no heat map.</p>'];
  }
  return [
    '<p class="note">Each cell gives the number of risks rated there: green where the score is acceptable, red where it is not; the more risks, the darker the shade.</p>',
    '<div class="heatmaps">',
    ...heatMap('Inherent risk', scales, inherentMatrix),
    ...heatMap('Residual risk', scales, residualMatrix),
    '</div>',
    ...flaggedRisks(risks),
  ];
}

/** The groups a heat map cannot show (issue 11 item 5): acceptance above the criteria, residual above inherent. */
function flaggedRisks(risks: RiskRegister): string[] {
  const groups: [string, string[]][] = [
    ['Accepted above the risk criteria without top management', risks.risks.filter((r) => r.acceptedAboveCriteria).map((r) => r.id)],
    ['Residual rating above the inherent one', risks.risks.filter((r) => r.residualAboveInherent).map((r) => r.id)],
  ];
  return groups.filter(([, ids]) => ids.length > 0).map(([label, ids]) => `<p class="flagged"><strong>${escapeHtml(label)}</strong> (${ids.length}): ${escapeHtml(ids.join(', '))}</p>`);
}

/**
 * The lines of an exported HTML document up to `<body>`: a strict Content
 * Security Policy (no script, no remote resource; inline style only), the
 * already escaped `title` and the style sheet.
 */
export function htmlDocumentStart(title: string, style: string, { viewport }: { readonly viewport: boolean }): string[] {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    ...(viewport ? ['<meta name="viewport" content="width=device-width, initial-scale=1">'] : []),
    '<meta name="generator" content="ISMS Studio">',
    `<title>${title}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
  ];
}

export function htmlReport({ soa, risks }: HtmlData): string {
  const title = escapeHtml(reportTitle(soa));
  const asOf = escapeHtml(soa.asOf);
  const banner = draftBanner(soa);
  return [
    ...htmlDocumentStart(title, STYLE, { viewport: true }),
    `<h1>${title}</h1>`,
    ...(banner ? [`<p class="draft" role="alert">${escapeHtml(banner)}</p>`] : []),
    `<p class="document-control">${escapeHtml(documentControlText(soa))}</p>`,
    `<p class="as-of">As of <time datetime="${asOf}">${asOf}</time>.</p>`,
    '<h2>Summary</h2>',
    ...summaryTable(soa),
    '<h2>Controls</h2>',
    ...controlsTable(soa),
    '<h2 class="page">Risk register</h2>',
    ...(risks.scales ? [`<p class="note">${escapeHtml(scoringNote(risks.scales.acceptance))}</p>`] : []),
    ...riskTable(risks),
    '<h2>Risk heat maps</h2>',
    ...heatMaps(risks),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
