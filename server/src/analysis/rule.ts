/**
 * The rule interface: one rule per file under rules/, each reporting one or
 * a few codes. File rules see one file's model and are cached with it;
 * contextual and cross-file rules check one file against a part of the
 * workspace and are cached with the file under a key for that part;
 * workspace rules see the whole index and run on every analysis.
 */
import type { DiagnosticCode } from './diagnostic-codes';
import type { DiagnosticData, RelatedLocation } from './diagnostic';
import type { FileModel } from './model';
import type { RiskCriteria } from './risk-score';
import type { WorkspaceIndex } from './workspace-index';
import type { FrameworkSet } from '../catalogue/framework-set';

export interface ReportOptions {
  /** The clause, for codes whose clause depends on where they stand. */
  readonly clause?: string | null;
  readonly data?: DiagnosticData;
  readonly related?: readonly RelatedLocation[];
}

/** Receives findings. `start`/`end` are offsets in `file`. */
export type Report = (code: DiagnosticCode, file: string, start: number, end: number, message: string, options?: ReportOptions) => void;

export interface FileRuleContext {
  readonly model: FileModel;
  readonly report: Report;
}

/** What the host lets the analysis know about files other than `.isms` ones. */
export interface DocumentResolver {
  /** Whether a workspace-relative path (POSIX separators, inside the workspace) names an existing file. */
  exists(workspacePath: string): boolean;
  /**
   * Whether a workspace-relative path is a link (or lies below one) whose
   * target is outside the workspace folder: `document-outside-workspace`
   * (such a file does not count as existing either). Hosts that cannot tell
   * leave it out.
   */
  resolvesOutside?(workspacePath: string): boolean;
}

export interface WorkspaceRuleContext {
  readonly index: WorkspaceIndex;
  /** `YYYY-MM-DD`: the date time-based checks compare against. */
  readonly asOf: string;
  readonly documents: DocumentResolver | undefined;
  /** The frameworks `frameworks` may name; the shipped ones when absent. */
  readonly frameworks?: FrameworkSet;
  readonly report: Report;
}

export interface FileRule {
  readonly name: string;
  readonly scope: 'file';
  readonly codes: readonly DiagnosticCode[];
  check(context: FileRuleContext): void;
}

export interface WorkspaceRule {
  readonly name: string;
  readonly scope: 'workspace';
  readonly codes: readonly DiagnosticCode[];
  check(context: WorkspaceRuleContext): void;
}

/**
 * The few workspace facts that per-risk and per-policy checks read. Rules
 * that need only these run per file and are cached with the file under
 * `key`: an edit re-checks its own file, unless it changes the facts.
 */
export interface WorkspaceFacts {
  readonly asOf: string;
  readonly criteria: RiskCriteria | undefined;
  /** The ids of the roles that are top management (acceptance above criteria, management reviews). */
  readonly topManagement: ReadonlySet<string>;
  /** Equal keys mean equal facts. */
  readonly key: string;
}

export interface ContextualFileRuleContext extends FileRuleContext {
  readonly facts: WorkspaceFacts;
}

export interface ContextualFileRule {
  readonly name: string;
  readonly scope: 'file-in-context';
  readonly codes: readonly DiagnosticCode[];
  check(context: ContextualFileRuleContext): void;
}

/**
 * A rule that checks one file's model against the workspace index, reading
 * of the index only what `key` stands for: while the file and the key are
 * unchanged its findings for the file are re-used, so an edit that declares
 * nothing new re-checks the edited file only (the references of a large
 * workspace are otherwise the bulk of every analysis).
 */
export interface CrossFileRule {
  readonly name: string;
  readonly scope: 'file-in-workspace';
  readonly codes: readonly DiagnosticCode[];
  /** Equal keys mean equal answers from the index for what the rule asks of it. */
  key(index: WorkspaceIndex): string;
  check(context: CrossFileRuleContext): void;
}

export interface CrossFileRuleContext extends FileRuleContext {
  readonly index: WorkspaceIndex;
}
