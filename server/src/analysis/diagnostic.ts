/**
 * A finding of the analysis, in offsets of one file. Hosts turn offsets into
 * lines and columns (CLI) or LSP ranges (server).
 */
import type { DiagnosticCode, Severity } from './diagnostic-codes';

/** A place in a file of the workspace. */
export interface Location {
  readonly file: string;
  readonly start: number;
  readonly end: number;
}

export interface RelatedLocation extends Location {
  readonly message: string;
}

export interface Diagnostic extends Location {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  /** The clause of ISO/IEC 27001:2022 the finding enforces, or null. */
  readonly clause: string | null;
  /** Other places that explain the finding (e.g. the other declaration of a duplicate id). */
  readonly related?: readonly RelatedLocation[];
  /** Machine-readable facts for quick fixes (see {@link DiagnosticData}). */
  readonly data?: DiagnosticData;
  /** On an error that an `isms-ignore` comment suppresses, its reason (only in WorkspaceAnalysis.findings, what an auditor would find). */
  readonly suppressed?: string;
}

/** Facts quick fixes need; each key is optional and documented where it is set. */
export interface DiagnosticData {
  /** The nearest valid name, for did-you-mean replacements. */
  readonly suggestion?: string;
  /** The name or id the user wrote. */
  readonly actual?: string;
  /** Missing Annex A control ids (soa-incomplete), or the 2022 ids of a legacy id. */
  readonly controls?: readonly string[];
  /** The missing field (missing-field) or the field involved. */
  readonly field?: string;
  /** The kind the reference expects (unknown-reference), or the kind of the entity. */
  readonly kind?: string;
  /** The id of the entity where the finding stands. */
  readonly entity?: string;
  /** The owner of the risk (residual-risk-not-accepted, acceptor-not-owner). */
  readonly owner?: string;
  /** The findings a `too-many-findings` stands for, by severity (hosts add them to their counts). */
  readonly hidden?: { readonly error: number; readonly warning: number; readonly info: number };
  /** What is missing from a list (review-inputs-incomplete: the 9.3.2 inputs not considered). */
  readonly missing?: readonly string[];
}
