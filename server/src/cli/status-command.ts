/**
 * `isms status [PATH] [--format text|json|md] [--as-of YYYY-MM-DD]`: clause
 * readiness (LANGUAGE.md §7.5), the table the editor's Clauses view shows.
 * A report, not a gate: exit 0 whatever the states (`isms check` is the
 * gate), 2 on bad usage or unreadable input.
 */
import { clauseStatus, isCalendarDate, type ClauseState, type ClauseStatus } from '../language-service';
import type { CommandResult } from './command-result';
import { loadWorkspace } from './load-workspace';
import { positionDiagnostics, type PositionedDiagnostic } from './positioned';
import { UsageError } from './usage-error';

export const STATUS_FORMATS = ['text', 'json', 'md'] as const;

export interface StatusOptions {
  readonly path: string | undefined;
  readonly format: string;
  readonly asOf?: string;
}

/** A clause as the reports show it, findings positioned for the reader. */
interface Row {
  readonly status: ClauseStatus;
  readonly findings: readonly PositionedDiagnostic[];
}

export function statusCommand(options: StatusOptions, cwd: string): CommandResult {
  if (!(STATUS_FORMATS as readonly string[]).includes(options.format)) throw new UsageError(`unknown --format '${options.format}': use ${STATUS_FORMATS.join(', ')}`);
  if (options.asOf !== undefined && !isCalendarDate(options.asOf)) throw new UsageError(`--as-of '${options.asOf}' is not a date (YYYY-MM-DD)`);
  const workspace = loadWorkspace(options.path ? [options.path] : [], cwd, { asOf: options.asOf });
  const statuses = clauseStatus(workspace.service.snapshot());
  const rows: Row[] = statuses.map((status) => ({ status, findings: positionDiagnostics(workspace, status.findings, cwd) }));
  const asOf = workspace.service.asOf;
  const stdout = options.format === 'json' ? jsonStatus(rows, asOf, workspace.files.length) : options.format === 'md' ? markdownStatus(rows, asOf) : textStatus(rows, asOf);
  return { stdout, stderr: workspace.warnings.map((warning) => `isms: warning: ${warning}\n`).join(''), exitCode: 0 };
}

const STATES: readonly ClauseState[] = ['fail', 'warn', 'unverified', 'pass'];

/** The clauses without sub-clauses: the ones whose state is established directly (30 of them). */
function leaves(rows: readonly Row[]): Row[] {
  const parents = new Set(rows.map((row) => row.status.parent).filter((p) => p !== undefined));
  return rows.filter((row) => !parents.has(row.status.clause));
}

function counts(rows: readonly Row[]): Record<ClauseState, number> {
  const result: Record<ClauseState, number> = { fail: 0, warn: 0, unverified: 0, pass: 0 };
  for (const row of leaves(rows)) result[row.status.status]++;
  return result;
}

function summaryLine(rows: readonly Row[]): string {
  const c = counts(rows);
  return `${leaves(rows).length} clauses: ${STATES.map((state) => `${c[state]} ${state}`).join(', ')}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning` for the clause and its sub-clauses; empty when none. */
function findingCounts(status: ClauseStatus): string {
  return [status.errors > 0 ? plural(status.errors, 'error') : '', status.warnings > 0 ? plural(status.warnings, 'warning') : ''].filter(Boolean).join(', ');
}

/** The codes of the findings; a suppressed error says so (it still fails the clause). */
function codesOf(findings: readonly PositionedDiagnostic[]): string {
  return [...new Set(findings.map((f) => (f.diagnostic.suppressed !== undefined ? `${f.diagnostic.code} (suppressed)` : f.diagnostic.code)))].join(', ');
}

/** `6 policies, 23 risks` (only what the ISMS has), or `nothing recorded`. */
function recordsText(status: ClauseStatus): string {
  const present = status.records.filter((record) => record.count > 0).map((record) => `${record.count} ${record.count === 1 ? record.one : record.label}`);
  return present.length > 0 ? present.join(', ') : 'nothing recorded';
}

export function textStatus(rows: readonly Row[], asOf: string): string {
  const width = Math.max(...rows.map((row) => 2 * row.status.depth + row.status.clause.length + 1 + row.status.title.length));
  const lines = [`Clause readiness, ISO/IEC 27001:2022 (as of ${asOf})`, ''];
  for (const { status, findings } of rows) {
    const label = `${'  '.repeat(status.depth)}${status.clause} ${status.title}`;
    const detail = [findingCounts(status), codesOf(findings)].filter(Boolean).join(': ');
    lines.push(`${label.padEnd(width)}  ${status.status.padEnd(10)}${detail ? `  ${detail}` : ''}`.trimEnd());
  }
  lines.push('', summaryLine(rows));
  const unverified = leaves(rows).filter((row) => row.status.status === 'unverified');
  if (unverified.length > 0) {
    lines.push('', 'Unverified: no check can establish these clauses; what the ISMS records and what an auditor will ask:');
    for (const { status } of unverified) {
      lines.push('', `${status.clause} ${status.title}`, `  records: ${recordsText(status)}`);
      for (const ask of status.asks) lines.push(`  asks: ${ask}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function jsonStatus(rows: readonly Row[], asOf: string, files: number): string {
  return (
    JSON.stringify(
      {
        version: 1,
        asOf,
        files,
        summary: counts(rows),
        clauses: rows.map(({ status, findings }) => ({
          clause: status.clause,
          title: status.title,
          parent: status.parent ?? null,
          state: status.status,
          errors: status.errors,
          warnings: status.warnings,
          checks: status.checks,
          records: status.records.map(({ kind, field, label, count }) => ({ kind, field: field ?? null, label, count })),
          asks: status.asks,
          findings: findings.map(({ file, line, column, diagnostic }) => ({
            file,
            line,
            column,
            severity: diagnostic.severity,
            code: diagnostic.code,
            message: diagnostic.message,
            ...(diagnostic.suppressed !== undefined ? { suppressed: diagnostic.suppressed } : {}),
          })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

/** Markdown table cells: pipes and line breaks escaped. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, ' ');
}

const STATE_MARK: Record<ClauseState, string> = { fail: '✗ fail', warn: '⚠ warn', unverified: '? unverified', pass: '✓ pass' };

export function markdownStatus(rows: readonly Row[], asOf: string): string {
  const lines = [`# Clause readiness`, '', `ISO/IEC 27001:2022, as of ${asOf}. ${summaryLine(rows)}.`, '', '| Clause | Title | State | Findings |', '|---|---|---|---|'];
  for (const { status, findings } of rows) {
    const clause = status.depth === 0 ? `**${status.clause}**` : status.clause;
    const title = status.depth === 0 ? `**${cell(status.title)}**` : cell(status.title);
    const detail = [findingCounts(status), codesOf(findings)].filter(Boolean).join(': ');
    lines.push(`| ${clause} | ${title} | ${STATE_MARK[status.status]} | ${cell(detail)} |`);
  }
  const unverified = leaves(rows).filter((row) => row.status.status === 'unverified');
  if (unverified.length > 0) {
    lines.push('', '## Unverified clauses', '', 'No check can establish these clauses: what the ISMS records for each, and what an auditor will ask.');
    for (const { status } of unverified) {
      lines.push('', `### ${status.clause} ${status.title}`, '', `Records: ${recordsText(status)}.`, '');
      for (const ask of status.asks) lines.push(`- ${ask}`);
    }
  }
  return lines.join('\n') + '\n';
}
