/**
 * The Statement of Applicability and risk register as JSON, for other tools.
 * The shape is stable (bump `version` on an incompatible change); absent
 * values are `null`, never missing keys; indentation is two spaces.
 *
 * ```
 * {
 *   "version": 1,
 *   "organization": string | null,         // the organization's name
 *   "asOf": "YYYY-MM-DD",                  // the as-of date of the report
 *   "draft": { "errors": number } | null,  // while the workspace has errors, the SoA is a draft (§7.6)
 *   "document": {                          // the `soa` statement; null without one
 *     "version": string | null, "approvedBy": string[], "approved": "YYYY-MM-DD" | null,
 *     "owner": string | null, "classification": string | null
 *   } | null,
 *   "soa": {
 *     "themes": [{                         // A.5 … A.8, then "custom" and "invalid" when there are such controls
 *       "theme": "organizational" | "people" | "physical" | "technological" | "custom" | "invalid",
 *       "title": string, "total": number, "declared": number,
 *       "applicable": number, "excluded": number, "implemented": number
 *     }],
 *     "controls": [{                       // all 93 Annex A controls in catalogue order, then custom ones by id,
 *                                          // then ids of Annex A shape that are no 2022 control (theme "invalid")
 *       "id": string, "title": string, "theme": string,
 *       "error": string | null,            // for an invalid id: what is wrong with it
 *       "declared": boolean,               // whether the SoA has a `control` entry for it
 *       "applicable": "yes" | "no" | null,
 *       "reason": string | null, "status": string | null, "owner": string | null,
 *       "evidence": string[], "due": "YYYY-MM-DD" | null,
 *       "implementation": string | null, "verified": "YYYY-MM-DD" | null,
 *       "risks": [{ "id": string, "title": string }],    // risks whose `controls` name it
 *       "parties": [{ "id": string, "title": string }],  // parties whose `addressed-by` names it
 *       "attributes": {                    // ISO/IEC 27002:2022 attributes; null for custom controls
 *         "controlType": string[], "securityProperties": string[], "cybersecurityConcepts": string[],
 *         "operationalCapabilities": string[], "securityDomains": string[]
 *       } | null
 *     }]
 *   },
 *   "risks": {
 *     "scales": {                          // null without `risk-criteria`
 *       "likelihood": string[],            // labels, level 1 first
 *       "impact": string[],
 *       "acceptance": number | null        // scores at or below it are acceptable
 *     } | null,
 *     "items": [{
 *       "id": string, "title": string, "owner": string | null, "assets": string[],
 *       "threat": string | null, "vulnerability": string | null,
 *       "likelihood": number | null, "impact": number | null,
 *       "inherent": number | null,         // likelihood × impact
 *       "inherentAcceptable": boolean | null,
 *       "treatment": string | null, "controls": string[],
 *       "residualLikelihood": number | null, "residualImpact": number | null,  // the inherent values where not given
 *       "residual": number | null, "residualAcceptable": boolean | null,
 *       "acceptedBy": string | null,       // every acceptor, joined by ", "
 *       "assessed": "YYYY-MM-DD" | null,
 *       "affects": string[],               // confidentiality, integrity, availability
 *       "acceptors": string[],             // every role in accepted-by
 *       "acceptanceNeedsTopManagement": boolean | null,  // the accepted score is above acceptance
 *       "acceptedByTopManagement": boolean,
 *       "acceptedAboveCriteria": boolean,  // needs top management, accepted, and no acceptor is
 *       "residualAboveInherent": boolean
 *     }]
 *   }
 * }
 * ```
 */
import type { RiskRegister, RiskRow } from '../risk-register';
import type { SoaRow, SoaTable, ThemeSummary } from '../soa-table';

export interface JsonData {
  readonly soa: SoaTable;
  readonly risks: RiskRegister;
}

export const JSON_REPORT_VERSION = 1;

function orNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

function theme(summary: ThemeSummary): object {
  return {
    theme: summary.theme,
    title: summary.title,
    total: summary.total,
    declared: summary.declared,
    applicable: summary.applicable,
    excluded: summary.excluded,
    implemented: summary.implemented,
  };
}

function control(row: SoaRow): object {
  const attributes = row.attributes;
  return {
    id: row.id,
    title: row.title,
    theme: row.theme,
    error: orNull(row.error),
    declared: row.declared,
    applicable: orNull(row.applicable),
    reason: orNull(row.reason),
    status: orNull(row.status),
    owner: orNull(row.owner),
    evidence: [...row.evidence],
    due: orNull(row.due),
    implementation: orNull(row.implementation),
    verified: orNull(row.verified),
    risks: row.risks.map((r) => ({ id: r.id, title: r.title })),
    parties: row.parties.map((p) => ({ id: p.id, title: p.title })),
    attributes: attributes
      ? {
          controlType: [...(attributes.controlType ?? [])],
          securityProperties: [...(attributes.securityProperties ?? [])],
          cybersecurityConcepts: [...(attributes.cybersecurityConcepts ?? [])],
          operationalCapabilities: [...(attributes.operationalCapabilities ?? [])],
          securityDomains: [...(attributes.securityDomains ?? [])],
        }
      : null,
  };
}

function risk(row: RiskRow): object {
  return {
    id: row.id,
    title: row.title,
    owner: orNull(row.owner),
    assets: [...row.assets],
    threat: orNull(row.threat),
    vulnerability: orNull(row.vulnerability),
    likelihood: orNull(row.likelihood),
    impact: orNull(row.impact),
    inherent: orNull(row.inherent),
    inherentAcceptable: orNull(row.inherentAcceptable),
    treatment: orNull(row.treatment),
    controls: [...row.controls],
    residualLikelihood: orNull(row.residualLikelihood),
    residualImpact: orNull(row.residualImpact),
    residual: orNull(row.residual),
    residualAcceptable: orNull(row.residualAcceptable),
    acceptedBy: orNull(row.acceptedBy),
    assessed: orNull(row.assessed),
    affects: [...row.affects],
    acceptors: [...row.acceptors],
    acceptanceNeedsTopManagement: orNull(row.acceptanceNeedsTopManagement),
    acceptedByTopManagement: row.acceptedByTopManagement,
    acceptedAboveCriteria: row.acceptedAboveCriteria,
    residualAboveInherent: row.residualAboveInherent,
  };
}

/** The report as a plain object (see the shape above). */
export function jsonReportObject({ soa, risks }: JsonData): object {
  const scales = risks.scales;
  return {
    version: JSON_REPORT_VERSION,
    organization: orNull(soa.organization),
    asOf: soa.asOf,
    draft: soa.errors > 0 ? { errors: soa.errors } : null,
    document: soa.statement
      ? {
          version: orNull(soa.statement.version),
          approvedBy: [...soa.statement.approvedBy],
          approved: orNull(soa.statement.approved),
          owner: orNull(soa.statement.owner),
          classification: orNull(soa.statement.classification),
        }
      : null,
    soa: { themes: soa.themes.map(theme), controls: soa.rows.map(control) },
    risks: {
      scales: scales ? { likelihood: [...scales.likelihoodLabels], impact: [...scales.impactLabels], acceptance: orNull(scales.acceptance) } : null,
      items: risks.risks.map(risk),
    },
  };
}

export function jsonReport(data: JsonData): string {
  return `${JSON.stringify(jsonReportObject(data), null, 2)}\n`;
}
