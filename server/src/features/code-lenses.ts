/**
 * Code lenses:
 * - on each risk head: `inherent 16 → residual 6 · acceptable` (or
 *   `· not acceptable`: the residual score against `acceptance`; left out
 *   without risk criteria), running `isms.showRisk` with the risk's id.
 *   A risk without an id or without both ratings gets none.
 * - on the head of `organization`: `SoA 89/93 · 3 risks above acceptance ·
 *   1 open nonconformity`, running `isms.openSoaPreview`. The SoA figure is
 *   the Annex A controls with an entry; a risk is above acceptance when its
 *   residual score is (left out without risk criteria); a nonconformity is
 *   open unless its `status` is `closed`.
 * - on the `frameworks` field of `organization`, for each framework it names:
 *   `NIS2: 251 covered · 40 partial · 34 gaps · 26 unmapped`, running
 *   `isms.showFramework` with the framework's id (the Frameworks view).
 * The commands are the extension's.
 */
import { ANNEX_A_IDS } from '../catalogue/annex-a';
import { fieldText, type Entity } from '../analysis/model';
import { riskCriteria, riskScore, type RiskCriteria } from '../analysis/risk-score';
import type { WorkspaceIndex } from '../analysis/workspace-index';
import { soaCoverage } from './soa-table';
import { derivation, derived } from '../analysis/derived-data';
import type { Snapshot } from '../analysis/snapshot';
import { HELPS_MEET } from '../catalogue/framework-set';
import { totalsLine, workspaceCoverage } from './coverage';

export interface CodeLens {
  /** The entity's head (`risk R-001 "Title"`). */
  readonly range: { readonly start: number; readonly end: number };
  readonly title: string;
  readonly command?: { readonly id: string; readonly arguments: unknown[] };
  /** Shown when the pointer rests on the lens. */
  readonly tooltip?: string;
}

export const SHOW_RISK_COMMAND = 'isms.showRisk';
export const OPEN_SOA_PREVIEW_COMMAND = 'isms.openSoaPreview';
export const SHOW_FRAMEWORK_COMMAND = 'isms.showFramework';

export function codeLenses(snapshot: Snapshot, file: string): CodeLens[] {
  const model = snapshot.model(file);
  if (!model) return [];
  const index = snapshot.analysis().index;
  const criteria = riskCriteria(index);
  const lenses: CodeLens[] = [];
  for (const entity of model.entities) {
    if (entity.kind === 'risk' && entity.id) {
      const title = riskTitle(entity, criteria);
      if (title) lenses.push({ range: headRange(entity), title, command: { id: SHOW_RISK_COMMAND, arguments: [entity.id.image] } });
    } else if (entity.kind === 'organization' && entity === index.first('organization')) {
      lenses.push({ range: headRange(entity), title: organizationTitle(index), command: { id: OPEN_SOA_PREVIEW_COMMAND, arguments: [] } });
      lenses.push(...frameworkLenses(snapshot, entity));
    }
  }
  return lenses;
}

function headRange(entity: Entity): { start: number; end: number } {
  return { start: entity.statement.start, end: entity.headEnd };
}

function riskTitle(risk: Entity, criteria: RiskCriteria | undefined): string | undefined {
  const score = riskScore(risk, criteria);
  if (score.inherent === undefined || score.residual === undefined) return undefined;
  const verdict = score.residualAcceptable === undefined ? '' : score.residualAcceptable ? ' · acceptable' : ' · not acceptable';
  return `inherent ${score.inherent} → residual ${score.residual}${verdict}`;
}

/** The organization's summary per index: it reads the whole workspace, so it is computed once per analysis. */
const SUMMARY = /* @__PURE__ */ derivation<WorkspaceIndex, string>('organization summary', (index) => summarize(index, riskCriteria(index)));

function organizationTitle(index: WorkspaceIndex): string {
  return derived(SUMMARY, index);
}

function summarize(index: WorkspaceIndex, criteria: RiskCriteria | undefined): string {
  const parts = [`SoA ${soaCoverage(index)}/${ANNEX_A_IDS.length}`];
  if (criteria?.acceptance !== undefined) {
    let above = 0;
    for (const risk of index.ofKind('risk')) if (riskScore(risk, criteria).residualAcceptable === false) above++;
    parts.push(`${above} ${above === 1 ? 'risk' : 'risks'} above acceptance`);
  }
  let open = 0;
  for (const nonconformity of index.ofKind('nonconformity')) if (fieldText(nonconformity, 'status') !== 'closed') open++;
  parts.push(`${open} open ${open === 1 ? 'nonconformity' : 'nonconformities'}`);
  return parts.join(' · ');
}

function frameworkLenses(snapshot: Snapshot, organization: Entity): CodeLens[] {
  const lenses: CodeLens[] = [];
  const seen = new Set<string>();
  for (const field of organization.fields) {
    if (field.name !== 'frameworks') continue;
    for (const value of field.args) {
      if (value.kind !== 'name' || seen.has(value.image)) continue;
      seen.add(value.image);
      const coverage = workspaceCoverage(snapshot, value.image);
      if (!coverage) continue;
      lenses.push({
        range: { start: field.start, end: field.end },
        title: totalsLine(coverage.framework.label, coverage.totals),
        command: { id: SHOW_FRAMEWORK_COMMAND, arguments: [coverage.framework.id] },
        tooltip: `${coverage.framework.name}: coverage from the SoA and the clause states. ${HELPS_MEET} Source: ${coverage.framework.credit}`,
      });
    }
  }
  return lenses;
}
