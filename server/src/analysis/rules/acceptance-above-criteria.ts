/**
 * `acceptance-above-criteria` (6.1.3 f): a risk whose residual score (with
 * `treatment accept`, its score) is above the acceptance of `risk-criteria`
 * is accepted, yet none of its acceptors is top management. Accepting a risk
 * beyond the criteria is a decision for top management, not for the owner
 * alone. On the `accepted-by` field.
 */
import type { Field } from '../model';
import { entityData, nameOf } from '../records';
import type { ContextualFileRule } from '../rule';
import { reportAtField } from '../placement';

export const acceptanceAboveCriteria: ContextualFileRule = {
  name: 'acceptance-above-criteria',
  scope: 'file-in-context',
  codes: ['acceptance-above-criteria'],
  check({ model, facts, report }) {
    const acceptance = facts.criteria?.acceptance;
    if (acceptance === undefined) return;
    const topManagement = facts.topManagement;
    for (const risk of model.entities) {
      if (risk.kind !== 'risk') continue;
      // One pass over the fields: this runs for every risk of the workspace.
      let acceptedBy: Field | undefined;
      let byTopManagement = false;
      let accept = false;
      let likelihood: number | undefined;
      let impact: number | undefined;
      let residualLikelihood: number | undefined;
      let residualImpact: number | undefined;
      for (const field of risk.fields) {
        const value = field.args[0];
        switch (field.name) {
          case 'accepted-by':
            acceptedBy ??= field;
            for (const role of field.args) if (role.kind === 'name' && topManagement.has(role.image)) byTopManagement = true;
            break;
          case 'treatment':
            accept ||= value?.kind === 'name' && value.image === 'accept';
            break;
          case 'likelihood':
            likelihood ??= numberOf(field);
            break;
          case 'impact':
            impact ??= numberOf(field);
            break;
          case 'residual-likelihood':
            residualLikelihood ??= numberOf(field);
            break;
          case 'residual-impact':
            residualImpact ??= numberOf(field);
            break;
        }
      }
      if (!acceptedBy || byTopManagement) continue;
      const l = accept ? likelihood : (residualLikelihood ?? likelihood);
      const i = accept ? impact : (residualImpact ?? impact);
      if (l === undefined || i === undefined || l * i <= acceptance) continue;
      const suggestion = topManagement.values().next().value as string | undefined;
      reportAtField(
        report,
        risk,
        acceptedBy,
        'acceptance-above-criteria',
        `${nameOf(risk)} is accepted at a ${accept ? '' : 'residual '}score of ${l * i}, above the acceptance of ${acceptance}, by no top management role: accepting a risk beyond the criteria is top management's decision`,
        { data: { field: 'accepted-by', ...entityData(risk), ...(suggestion ? { suggestion } : {}) } },
      );
    }
  },
};

function numberOf(field: Field): number | undefined {
  const value = field.args[0];
  return value?.kind === 'number' ? Number(value.image) : undefined;
}
