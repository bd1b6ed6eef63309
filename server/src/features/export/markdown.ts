/**
 * The Statement of Applicability and risk register as Markdown (GitHub
 * flavoured tables): the title with the as-of date, a summary per theme, the
 * SoA table (all 93 Annex A controls, then the custom ones) and the risk
 * register.
 *
 * User-written text is escaped so that it cannot break the table or inject
 * markup: the characters that open inline Markdown (`\ ` * _ [ ] | ~`) are
 * backslash-escaped, so that `[link](https://…)` and `![image](https://…)`
 * stay text, not a live link and a remote image, and no emphasis, code span
 * or strikethrough spills over the table; `<` and `&` become `&lt;` and `&amp;` (no raw HTML or
 * entity reaches a Markdown renderer) and line breaks become `<br>`.
 */
import type { RiskRegister } from '../risk-register';
import type { SoaTable, ThemeSummary } from '../soa-table';
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
  totalSummary,
} from './report-text';

export interface MarkdownData {
  readonly soa: SoaTable;
  readonly risks: RiskRegister;
}

/** Escapes user text for a table cell: one line, no cell separator, no raw HTML. */
export function markdownCell(text: string): string {
  return inline(text).replace(/\r\n|\r|\n/g, '<br>');
}

/** Escapes user text for running text (the title): line breaks become spaces. */
function markdownText(text: string): string {
  return inline(text).replace(/\s*(?:\r\n|\r|\n)\s*/g, ' ');
}

function inline(text: string): string {
  return text.replace(/[\\`*_[\]|~]/g, '\\$&').replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function table(header: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]): string => `|${cells.map((c) => (c === '' ? ' |' : ` ${c} |`)).join('')}`;
  return [line(header), `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`, ...rows.map(line)];
}

function summaryRow(label: string, summary: ThemeSummary): string[] {
  return [label, String(summary.total), String(summary.applicable), String(summary.excluded), String(summary.implemented)];
}

export function markdownReport({ soa, risks }: MarkdownData): string {
  const out: string[] = [];
  out.push(`# ${markdownText(reportTitle(soa))}`, '');
  const banner = draftBanner(soa);
  if (banner) out.push(`> **${markdownText(banner)}**`, '');
  out.push(`${markdownText(documentControlText(soa))}`, '', `As of ${soa.asOf}.`, '');

  out.push('## Summary', '');
  out.push(
    ...table(
      ['Theme', 'Controls', 'Applicable', 'Excluded', 'Implemented'],
      ['l', 'r', 'r', 'r', 'r'],
      [...soa.themes.map((t) => summaryRow(markdownCell(themeLabel(t)), t)), summaryRow('**Total**', totalSummary(soa))],
    ),
    '',
  );

  out.push('## Controls', '');
  out.push(
    ...table(
      ['Control', 'Title', 'Applicable', 'Justification', 'Status', 'Implementation', 'Due', 'Owner', 'Evidence'],
      ['l', 'l', 'l', 'l', 'l', 'l', 'l', 'l', 'l'],
      soa.rows.map((row) => [
        markdownCell(row.id),
        markdownCell(row.title),
        markdownCell(applicableText(row)),
        justificationParts(row).map(markdownCell).join('<br>'),
        markdownCell(row.status ?? ''),
        markdownCell(row.implementation ?? ''),
        markdownCell(row.due ?? ''),
        markdownCell(row.owner ?? ''),
        row.evidence.map(markdownCell).join('<br>'),
      ]),
    ),
    '',
  );

  out.push('## Risk register', '');
  if (risks.scales) out.push(scoringNote(risks.scales.acceptance), '');
  if (risks.risks.length === 0) {
    out.push('No risks are recorded.', '');
  } else {
    out.push(
      ...table(
        ['Risk', 'Title', 'Owner', 'Affects', 'Inherent (L×I)', 'Treatment', 'Controls', 'Residual (L×I)', 'Acceptable', 'Accepted by', 'Needs top management'],
        ['l', 'l', 'l', 'l', 'r', 'l', 'l', 'r', 'l', 'l', 'l'],
        risks.risks.map((risk) => [
          markdownCell(risk.id),
          markdownCell(risk.title),
          markdownCell(risk.owner ?? ''),
          markdownCell(risk.affects.join(', ')),
          inherentText(risk),
          markdownCell(risk.treatment ?? ''),
          markdownCell(risk.controls.join(', ')),
          residualText(risk),
          acceptableText(risk.residualAcceptable),
          markdownCell(risk.acceptedBy ?? ''),
          needsTopManagementText(risk),
        ]),
      ),
      '',
    );
  }
  return out.join('\n');
}
