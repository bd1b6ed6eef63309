/**
 * The Risks view as plain data (pure, no `vscode`).
 *
 * Grouping: a risk manager reads a register by where each risk stands against
 * the acceptance criteria (6.1.2 a 1), before and after treatment, so the
 * bands follow the decision the ISMS still owes, most urgent first:
 *
 * 0. Two groups of risks whose record itself needs a decision (issue 11,
 *    LANGUAGE.md §7.4), shown first and on their own:
 *    **Residual rated above inherent** (a residual likelihood or impact
 *    above the inherent one, 6.1.2 d) and **Accepted above the criteria
 *    without top management** (6.1.3 f: a residual score above acceptance
 *    accepted by roles none of which is top management).
 * 1. **Above acceptance after treatment**: the residual score is above
 *    acceptance. Each needs more treatment or a formal acceptance by its owner
 *    (6.1.3 f); the description counts those nobody accepted.
 * 2. **Above acceptance, treated to acceptable**: the inherent score is above
 *    acceptance and the planned treatment brings the residual score within it;
 *    the controls that do it must be in place (6.1.3 b, d).
 * 3. **Acceptable before treatment**: the inherent score is already within
 *    acceptance.
 * 4. **Not rated**: no score or no acceptance criteria to judge it by.
 *
 * Within a band, risks are ordered by residual score, then inherent score
 * (highest first), then id. An item's icon says where the residual risk
 * stands: acceptable (pass), above acceptance but accepted by someone (warning),
 * above acceptance and not accepted (error), unknown (outline); a risk of the
 * two record groups has the severity of its finding (residual above inherent:
 * error; accepted above the criteria without top management: warning).
 */
import type { RiskRegisterResult, RiskRowResult } from '../../../server/src/protocol/custom-requests';
import { COLOR, ERROR, PASS, WARNING, type IconSpec } from './icons';
import { code, escapeMarkdown, facts } from './markdown';

export type RiskBandId = 'residual-above-inherent' | 'above-criteria' | 'above' | 'treated' | 'acceptable' | 'unrated';

export interface RiskBand {
  readonly id: RiskBandId;
  readonly label: string;
  /** `3 risks · 1 not accepted`. */
  readonly description: string;
  readonly risks: readonly RiskRowResult[];
}

export const RISK_BAND_LABELS: Readonly<Record<RiskBandId, string>> = {
  'residual-above-inherent': 'Residual rated above inherent',
  'above-criteria': 'Accepted above the criteria without top management',
  above: 'Above acceptance after treatment',
  treated: 'Above acceptance, treated to acceptable',
  acceptable: 'Acceptable before treatment',
  unrated: 'Not rated',
};

const BAND_ORDER: readonly RiskBandId[] = ['residual-above-inherent', 'above-criteria', 'above', 'treated', 'acceptable', 'unrated'];

type RiskFacts = Pick<RiskRowResult, 'inherentAcceptable' | 'residualAcceptable'> & Partial<Pick<RiskRowResult, 'residualAboveInherent' | 'acceptedAboveCriteria'>>;

export function riskBandOf(risk: RiskFacts): RiskBandId {
  if (risk.residualAboveInherent) return 'residual-above-inherent';
  if (risk.acceptedAboveCriteria) return 'above-criteria';
  if (risk.residualAcceptable === false) return 'above';
  if (risk.inherentAcceptable === false && risk.residualAcceptable === true) return 'treated';
  if (risk.inherentAcceptable === true) return 'acceptable';
  return 'unrated';
}

/** The non-empty bands in order, each sorted. */
export function riskBands(risks: readonly RiskRowResult[]): RiskBand[] {
  return BAND_ORDER.map((id) => {
    const inBand = risks.filter((risk) => riskBandOf(risk) === id).sort(compareRisks);
    return { id, label: RISK_BAND_LABELS[id], description: bandDescription(id, inBand), risks: inBand };
  }).filter((band) => band.risks.length > 0);
}

function bandDescription(id: RiskBandId, risks: readonly RiskRowResult[]): string {
  const count = `${risks.length} ${risks.length === 1 ? 'risk' : 'risks'}`;
  if (id !== 'above') return count;
  const notAccepted = risks.filter((risk) => !risk.acceptedBy).length;
  return notAccepted > 0 ? `${count} · ${notAccepted} not accepted` : `${count} · all accepted`;
}

const byId = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Highest residual first, then highest inherent, then id (numeric aware). Unscored risks last. */
export function compareRisks(a: RiskRowResult, b: RiskRowResult): number {
  return (b.residual ?? -1) - (a.residual ?? -1) || (b.inherent ?? -1) - (a.inherent ?? -1) || byId.compare(a.id, b.id);
}

/** `R-001 Ransomware`. */
export function riskLabel(risk: Pick<RiskRowResult, 'id' | 'title'>): string {
  return risk.title ? `${risk.id} ${risk.title}` : risk.id;
}

/** `16 → 6 · ciso · mitigate`; `not rated` when there is no score. */
export function riskDescription(risk: RiskRowResult): string {
  const score = risk.inherent === undefined ? 'not rated' : risk.residual === undefined ? `${risk.inherent}` : `${risk.inherent} → ${risk.residual}`;
  return [score, risk.owner, risk.treatment].filter((part): part is string => part !== undefined && part !== '').join(' · ');
}

export function riskIcon(risk: RiskRowResult): IconSpec {
  // A record the checker faults is never green, whatever its residual score says.
  if (risk.residualAboveInherent) return ERROR;
  if (risk.acceptedAboveCriteria) return WARNING;
  if (risk.residualAcceptable === true) return PASS;
  if (risk.residualAcceptable === false) return risk.acceptedBy ? WARNING : ERROR;
  return { id: 'circle-large-outline', color: COLOR.muted };
}

/** A Markdown tooltip with the scores on the scales, the treatment and the context of the risk. */
export function riskTooltip(risk: RiskRowResult, scales: RiskRegisterResult['scales']): string {
  const acceptance = scales?.acceptance;
  const level = (value: number | undefined, labels: readonly string[] | undefined) => {
    if (value === undefined) return '—';
    const label = labels?.[value - 1];
    return label ? `${value} ${escapeMarkdown(label)}` : `${value}`;
  };
  const verdict = (acceptable: boolean | undefined) =>
    acceptable === undefined ? '' : acceptable ? ` within acceptance (≤ ${acceptance})` : ` **above acceptance** (> ${acceptance})`;
  const score = (value: number | undefined, acceptable: boolean | undefined) => (value === undefined ? '—' : `**${value}**${verdict(acceptable)}`);
  const table = [
    '| | likelihood | impact | score |',
    '|---|---|---|---|',
    `| inherent | ${level(risk.likelihood, scales?.likelihoodLabels)} | ${level(risk.impact, scales?.impactLabels)} | ${score(risk.inherent, risk.inherentAcceptable)} |`,
    `| residual | ${level(risk.residualLikelihood, scales?.likelihoodLabels)} | ${level(risk.residualImpact, scales?.impactLabels)} | ${score(risk.residual, risk.residualAcceptable)} |`,
  ].join('\n');
  const ids = (values: readonly string[]) => (values.length > 0 ? values.map(code).join(', ') : undefined);
  const text = (value: string | undefined) => (value === undefined ? undefined : escapeMarkdown(value));
  const details = facts([
    ['Owner', risk.owner === undefined ? undefined : code(risk.owner)],
    ['Assets', ids(risk.assets)],
    ['Threat', text(risk.threat)],
    ['Vulnerability', text(risk.vulnerability)],
    ['Treatment', text(risk.treatment)],
    ['Controls', ids(risk.controls)],
    ['Affects', risk.affects && risk.affects.length > 0 ? risk.affects.map(escapeMarkdown).join(', ') : undefined],
    ['Residual risk accepted by', risk.acceptors && risk.acceptors.length > 0 ? risk.acceptors.map(code).join(', ') : risk.acceptedBy === undefined ? undefined : code(risk.acceptedBy)],
    [
      'Acceptance needs top management',
      risk.acceptanceNeedsTopManagement === undefined ? undefined : !risk.acceptanceNeedsTopManagement ? 'no' : risk.acceptedByTopManagement ? 'yes, accepted by top management' : '**yes**, not accepted by top management',
    ],
    ['Last assessed', text(risk.assessed)],
  ]);
  const header = `**${escapeMarkdown(riskLabel(risk))}**`;
  const band = `*${RISK_BAND_LABELS[riskBandOf(risk)]}*`;
  return [header, band, table, details].filter(Boolean).join('\n\n');
}

/** For a folder node: `12 risks · 3 above acceptance`. */
export function risksSummary(risks: readonly RiskRowResult[]): string {
  const above = risks.filter((risk) => risk.residualAcceptable === false).length;
  const count = `${risks.length} ${risks.length === 1 ? 'risk' : 'risks'}`;
  return above > 0 ? `${count} · ${above} above acceptance` : count;
}
