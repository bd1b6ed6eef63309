/**
 * The analysis pipeline: per file (parse → model → file rules, cacheable) and
 * per workspace (index → workspace rules). Pure: the host supplies the texts,
 * the as-of date and what it knows of other files.
 */
import { parse, reparse, type Statement } from '../../../grammar/src';
import { codeInfo, type DiagnosticCode, type Severity } from './diagnostic-codes';
import type { Diagnostic } from './diagnostic';
import { buildFileModel, type Entity, type FileModel } from './model';
import type { CrossFileRule, DocumentResolver, Report, WorkspaceFacts } from './rule';
import { CONTEXTUAL_FILE_RULES, CROSS_FILE_RULES, FILE_RULES, WORKSPACE_RULES } from './rule-registry';
import { riskCriteria } from './risk-score';
import { applySuppressions, type SuppressedFinding } from './suppressions';
import { WorkspaceIndex } from './workspace-index';
import type { FrameworkSet } from '../catalogue/framework-set';

/** One file, analysed on its own. */
export interface FileAnalysis {
  readonly model: FileModel;
  /** Findings that depend on this file only. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface WorkspaceAnalysis {
  readonly index: WorkspaceIndex;
  /** All findings, sorted by file, then position, at the severities the host configured (`isms.severity`): what the editor shows. */
  readonly diagnostics: readonly Diagnostic[];
  /**
   * What an auditor would find: the same findings at the severities of the
   * code table, none turned off, and the suppressed errors too (marked with
   * their reason). Clause readiness, the SoA's draft state and framework
   * coverage judge by these: a configured severity changes how a finding is
   * shown, and a suppression explains a finding, but neither makes an ISMS
   * meet a clause. (A suppressed warning, something an auditor would ask
   * about, is answered by its reason and is left out.) The same array as
   * `diagnostics` when no severity is configured and no error is suppressed.
   */
  readonly findings: readonly Diagnostic[];
  /** How many errors of `findings` the Problems panel does not show as errors: suppressed, or shown as less or not at all by the configured severities. */
  readonly hiddenErrors: number;
  /** The findings that `// isms-ignore` comments took out (LANGUAGE.md §7.7), sorted as `diagnostics`. */
  readonly suppressed: readonly SuppressedFinding[];
}

/** A severity per code, or `off` to drop the code. */
export type SeverityOverrides = Partial<Record<DiagnosticCode, Severity | 'off'>>;

export interface AnalysisOptions {
  /** `YYYY-MM-DD`. */
  readonly asOf: string;
  readonly documents?: DocumentResolver;
  readonly severities?: SeverityOverrides;
  /** The frameworks `frameworks` may name (shipped and the workspace's packs); the shipped ones when absent. */
  readonly frameworks?: FrameworkSet;
}

/**
 * Findings shown per file; beyond, one `too-many-findings` says how many more there are.
 * 500 leaves room for a whole SoA still to decide (93 controls, each with a placeholder and no due date).
 */
export const MAX_FINDINGS_PER_FILE = 500;
/** Findings shown per top-level statement (so that one statement cannot take a file's share). */
export const MAX_FINDINGS_PER_STATEMENT = 20;
/**
 * Findings one collector keeps per file: beyond, it only counts them by
 * severity in a `too-many-findings` marker, so that memory stays bounded
 * (a million broken lines give a million findings, of which 500 are shown).
 */
export const STORE_LIMIT = 1000;

type HiddenCounts = { error: number; warning: number; info: number };

function collector(sink: Diagnostic[]): Report {
  const counts = new Map<string, number>();
  const markers = new Map<string, { -readonly [K in keyof Diagnostic]: Diagnostic[K] } & { data: { hidden: HiddenCounts } }>();
  return (code, file, start, end, message, options = {}) => {
    const info = codeInfo(code);
    const count = (counts.get(file) ?? 0) + 1;
    counts.set(file, count);
    if (count > STORE_LIMIT) {
      let marker = markers.get(file);
      if (!marker) {
        marker = { file, start, end: start, code: 'too-many-findings', severity: info.severity, message: '', clause: null, data: { hidden: { error: 0, warning: 0, info: 0 } } };
        markers.set(file, marker);
        sink.push(marker);
      }
      marker.data.hidden[info.severity]++;
      return;
    }
    const clause = info.clause === 'context' ? (options.clause ?? null) : info.clause;
    sink.push({
      file,
      start,
      end,
      code,
      severity: info.severity,
      message,
      clause,
      ...(options.related ? { related: options.related } : {}),
      ...(options.data ? { data: options.data } : {}),
    });
  };
}

export function analyseFile(file: string, text: string): FileAnalysis {
  const model = buildFileModel(file, parse(text));
  const diagnostics: Diagnostic[] = [];
  const report = collector(diagnostics);
  for (const rule of FILE_RULES) rule.check({ model, report });
  return { model, diagnostics };
}

/**
 * A file after an edit, re-analysing only the top-level statements the edit
 * touched (see grammar/src/incremental.ts). File rules look at one entity at
 * a time, so the findings of untouched statements are kept: as they are
 * before the edit, as copies moved with their statements after it (the
 * previous analysis is not changed). Entities of untouched statements are
 * kept where the statement is (before the edit, or after it when the length
 * did not change); the moved ones are read again from their copied
 * statements. Falls back to a full analysis whenever re-parsing does.
 */
export function reanalyseFile(previous: FileAnalysis, text: string): FileAnalysis {
  const file = previous.model.file;
  // A file with more findings than are kept is analysed afresh (what was dropped cannot be moved).
  if (previous.diagnostics.some(isOverflowMarker)) return analyseFile(file, text);
  const result = reparse(previous.model.parsed, text);
  if (!result) return analyseFile(file, text);
  const { parsed, splice } = result;
  const kept = new Set<Statement>(parsed.statements.slice(0, splice.from));
  if (splice.delta === 0) for (const statement of parsed.statements.slice(splice.from + splice.count)) kept.add(statement);
  const previousEntities = new Map<Statement, Entity>(previous.model.entities.map((entity) => [entity.statement, entity]));
  const model = buildFileModel(file, parsed, (statement) => (kept.has(statement) ? previousEntities.get(statement) : undefined));

  const diagnostics: Diagnostic[] = [];
  for (const diagnostic of previous.diagnostics) {
    if (diagnostic.start < splice.start) diagnostics.push(diagnostic);
  }
  const fresh: Diagnostic[] = [];
  const windowStatements = new Set(parsed.statements.slice(splice.from, splice.from + splice.count));
  const windowEntities = model.entities.filter((entity) => windowStatements.has(entity.statement));
  // Everything a file rule may walk, cut to the window: entities, unknown statements and references.
  const windowModel: FileModel = {
    ...model,
    entities: windowEntities,
    unknownStatements: model.unknownStatements.filter((statement) => windowStatements.has(statement)),
    references: windowEntities.flatMap((entity) => entity.references),
  };
  const report = collector(fresh);
  for (const rule of FILE_RULES) rule.check({ model: windowModel, report });
  if (fresh.some(isOverflowMarker)) return analyseFile(file, text);
  diagnostics.push(...fresh);
  for (const diagnostic of previous.diagnostics) {
    if (diagnostic.start < splice.oldEnd) continue;
    diagnostics.push(splice.delta === 0 ? diagnostic : { ...diagnostic, start: diagnostic.start + splice.delta, end: diagnostic.end + splice.delta });
  }
  return { model, diagnostics };
}

/**
 * The findings of the contextual file rules for one file; the workspace
 * memoizes them per file and facts key (see workspace.ts).
 */
export function analyseFileInContext(file: FileAnalysis, facts: WorkspaceFacts): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = collector(diagnostics);
  for (const rule of CONTEXTUAL_FILE_RULES) rule.check({ model: file.model, facts, report });
  return diagnostics;
}

export function workspaceFacts(index: WorkspaceIndex, asOf: string): WorkspaceFacts {
  const criteria = riskCriteria(index);
  const topManagement = index.topManagementRoles();
  const key = JSON.stringify([asOf, criteria?.likelihoodLabels.length, criteria?.impactLabels.length, criteria?.acceptance, criteria?.assessmentInterval, [...topManagement].sort()]);
  return { asOf, criteria, topManagement, key };
}

/**
 * A file's findings for one slot (the contextual rules, or one cross-file
 * rule) under a key: a memo may return those computed before under an equal
 * key for the same file analysis; without one, they are computed afresh.
 * The key is asked for only by a memo (a one-shot analysis never builds the
 * keys, which for `references` spell out every declaration).
 */
export type FileMemo = (file: FileAnalysis, slot: string, key: () => string, compute: () => Diagnostic[]) => readonly Diagnostic[];

/** No memo: every analysis computes every file's findings (a one-shot analysis). */
export const NO_MEMO: FileMemo = (_file, _slot, _key, compute) => compute();

/** One cross-file rule's findings for one file. */
export function analyseFileAgainst(file: FileAnalysis, rule: CrossFileRule, index: WorkspaceIndex): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  rule.check({ model: file.model, index, report: collector(diagnostics) });
  return diagnostics;
}

/** `previous`: the index of the analysis before the latest change (its tables are re-used where they still hold). */
export function analyseWorkspace(files: readonly FileAnalysis[], options: AnalysisOptions, memo: FileMemo = NO_MEMO, previous?: WorkspaceIndex): WorkspaceAnalysis {
  const index = new WorkspaceIndex(files.map((file) => file.model), previous);
  const facts = workspaceFacts(index, options.asOf);
  const ruleKeys: string[] = [];
  const factsKey = () => facts.key;
  const found: Diagnostic[] = [];
  for (const file of files) {
    for (const diagnostic of file.diagnostics) found.push(diagnostic);
    for (const diagnostic of memo(file, 'context', factsKey, () => analyseFileInContext(file, facts))) found.push(diagnostic);
    CROSS_FILE_RULES.forEach((rule, i) => {
      const key = () => (ruleKeys[i] ??= rule.key(index));
      for (const diagnostic of memo(file, rule.name, key, () => analyseFileAgainst(file, rule, index))) found.push(diagnostic);
    });
  }
  const report = collector(found);
  for (const rule of WORKSPACE_RULES) rule.check({ index, asOf: options.asOf, documents: options.documents, frameworks: options.frameworks, report });
  // Suppressions (§7.7) apply to the findings as the rules report them, before severities are configured.
  const { kept, suppressed, problems } = applySuppressions(found, files.map((file) => ({ file: file.model.file, parsed: file.model.parsed })));
  const keptReport = collector(kept);
  for (const problem of problems) keptReport(problem.code, problem.file, problem.start, problem.end, problem.message, { data: problem.data });
  const overrides = options.severities;
  const configured = overrides !== undefined && Object.keys(overrides).length > 0;
  const diagnostics = capFindings(configured ? applySeverities(sortDiagnostics(kept), overrides) : sortDiagnostics(kept), files);
  // An error stays a nonconformity when a comment suppresses it: the reason explains it to the auditor, it does not meet the clause.
  const suppressedErrors = suppressed.filter((s) => s.diagnostic.severity === 'error').map((s): Diagnostic => ({ ...s.diagnostic, suppressed: s.reason }));
  const findings = !configured && suppressedErrors.length === 0 ? diagnostics : capFindings(sortDiagnostics([...kept, ...suppressedErrors]), files);
  const overridden = configured ? kept.filter((d) => d.severity === 'error' && overrides[d.code] !== undefined && overrides[d.code] !== 'error').length : 0;
  return {
    index,
    diagnostics,
    findings,
    hiddenErrors: overridden + suppressedErrors.length,
    suppressed: suppressed.filter((s) => overrides?.[s.diagnostic.code] !== 'off').sort((a, b) => compareDiagnostics(a.diagnostic, b.diagnostic)),
  };
}

function isOverflowMarker(diagnostic: Diagnostic): boolean {
  return diagnostic.code === 'too-many-findings';
}

function marker(file: string, start: number, hidden: HiddenCounts, where: string): Diagnostic {
  const total = hidden.error + hidden.warning + hidden.info;
  return {
    file,
    start,
    end: start,
    code: 'too-many-findings',
    severity: codeInfo('too-many-findings').severity,
    message: `${total} more finding${total === 1 ? '' : 's'} ${where} not shown`,
    clause: null,
    data: { hidden },
  };
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** The `limit` findings to show of a group in position order: the most severe first, then the first in position. */
function mostSevere(group: readonly Diagnostic[], limit: number): { shown: Diagnostic[]; hidden: Diagnostic[] } {
  if (group.length <= limit) return { shown: [...group], hidden: [] };
  const ranked = group.map((diagnostic, order) => ({ diagnostic, order }));
  ranked.sort((a, b) => SEVERITY_RANK[a.diagnostic.severity] - SEVERITY_RANK[b.diagnostic.severity] || a.order - b.order);
  const shown = ranked.slice(0, limit).sort((a, b) => a.order - b.order).map((entry) => entry.diagnostic);
  const hidden = ranked.slice(limit).sort((a, b) => a.order - b.order).map((entry) => entry.diagnostic);
  return { shown, hidden };
}

/**
 * At most {@link MAX_FINDINGS_PER_STATEMENT} findings per top-level
 * statement and {@link MAX_FINDINGS_PER_FILE} per file, in position order;
 * what is cut (and what collectors only counted) is summed up in one
 * `too-many-findings` per statement and per file, at the first finding not
 * shown, with the counts by severity in `data.hidden`. Sorted input, sorted output.
 */
export function capFindings(sorted: readonly Diagnostic[], files: readonly FileAnalysis[]): Diagnostic[] {
  const statementsOf = new Map<string, readonly Statement[]>(files.map((file) => [file.model.file, file.model.parsed.statements]));
  const result: Diagnostic[] = [];
  let i = 0;
  while (i < sorted.length) {
    const file = sorted[i].file;
    let j = i;
    while (j < sorted.length && sorted[j].file === file) j++;
    if (j - i <= MAX_FINDINGS_PER_STATEMENT && !sorted.slice(i, j).some(isOverflowMarker)) {
      for (let k = i; k < j; k++) result.push(sorted[k]);
      i = j;
      continue;
    }
    const statements = statementsOf.get(file) ?? [];
    const fileHidden: HiddenCounts = { error: 0, warning: 0, info: 0 };
    let fileHiddenAt = -1;
    const hide = (diagnostic: Diagnostic) => {
      const counts = (diagnostic.data as { hidden?: HiddenCounts } | undefined)?.hidden;
      if (isOverflowMarker(diagnostic) && counts) {
        fileHidden.error += counts.error;
        fileHidden.warning += counts.warning;
        fileHidden.info += counts.info;
      } else {
        fileHidden[diagnostic.severity]++;
      }
      if (fileHiddenAt < 0 || diagnostic.start < fileHiddenAt) fileHiddenAt = diagnostic.start;
    };
    // Per statement first: the statement that holds each finding (-1: none).
    const groups: Diagnostic[][] = [];
    let s = 0;
    let current = -2;
    for (let k = i; k < j; k++) {
      const diagnostic = sorted[k];
      if (isOverflowMarker(diagnostic)) {
        hide(diagnostic);
        continue;
      }
      while (s < statements.length && statements[s].end <= diagnostic.start) s++;
      const at = s < statements.length && statements[s].start <= diagnostic.start ? s : -1;
      if (at !== current || at === -1 || groups.length === 0) {
        groups.push([]);
        current = at;
      }
      groups[groups.length - 1].push(diagnostic);
    }
    const kept: Diagnostic[] = [];
    for (const group of groups) {
      const { shown, hidden } = mostSevere(group, MAX_FINDINGS_PER_STATEMENT);
      kept.push(...shown);
      if (hidden.length > 0) {
        const counts: HiddenCounts = { error: 0, warning: 0, info: 0 };
        for (const diagnostic of hidden) counts[diagnostic.severity]++;
        kept.push(marker(file, hidden[0].start, counts, 'in this statement'));
      }
    }
    // Then per file (statement markers stand where their first hidden finding was; cut, they count what they stood for).
    kept.sort(compareDiagnostics);
    const { shown, hidden } = mostSevere(kept, MAX_FINDINGS_PER_FILE);
    for (const diagnostic of hidden) hide(diagnostic);
    if (fileHiddenAt >= 0) shown.push(marker(file, fileHiddenAt, fileHidden, 'in this file'));
    for (const diagnostic of shown.sort(compareDiagnostics)) result.push(diagnostic);
    i = j;
  }
  return result;
}

function applySeverities(diagnostics: Diagnostic[], overrides: SeverityOverrides | undefined): Diagnostic[] {
  if (!overrides || Object.keys(overrides).length === 0) return diagnostics;
  const result: Diagnostic[] = [];
  for (const diagnostic of diagnostics) {
    const override = overrides[diagnostic.code];
    if (override === 'off') continue;
    result.push(override ? { ...diagnostic, severity: override } : diagnostic);
  }
  return result;
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(compareDiagnostics);
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
