/**
 * `residual-exceeds-inherent` (6.1.2 d): treatment cannot make a risk more
 * likely or worse than it was; a residual level above the inherent one is a
 * mistake in the analysis. On the residual value.
 */
import type { Argument } from '../../../../grammar/src';
import type { Entity, Field } from '../model';
import { entityData, nameOf } from '../records';
import type { FileRule, Report } from '../rule';
import { reportAtValue } from '../placement';

export const residualExceedsInherent: FileRule = {
  name: 'residual-exceeds-inherent',
  scope: 'file',
  codes: ['residual-exceeds-inherent'],
  check({ model, report }) {
    for (const risk of model.entities) {
      if (risk.kind !== 'risk') continue;
      // One pass over the fields (this runs for every risk of the workspace).
      let likelihood: Argument | undefined;
      let impact: Argument | undefined;
      let residualLikelihood: Field | undefined;
      let residualImpact: Field | undefined;
      for (const field of risk.fields) {
        switch (field.name) {
          case 'likelihood':
            likelihood ??= field.args[0];
            break;
          case 'impact':
            impact ??= field.args[0];
            break;
          case 'residual-likelihood':
            residualLikelihood ??= field;
            break;
          case 'residual-impact':
            residualImpact ??= field;
            break;
        }
      }
      if (residualLikelihood) compare(risk, residualLikelihood, likelihood, report);
      if (residualImpact) compare(risk, residualImpact, impact, report);
    }
  },
};

function compare(risk: Entity, residualField: Field, inherent: Argument | undefined, report: Report): void {
  const residual = residualField.args[0];
  if (residual?.kind !== 'number' || inherent?.kind !== 'number' || Number(residual.image) <= Number(inherent.image)) return;
  const inherentName = residualField.name === 'residual-likelihood' ? 'likelihood' : 'impact';
  reportAtValue(report, risk, residualField, residual, 'residual-exceeds-inherent', `${residualField.name} ${residual.image} of ${nameOf(risk)} is above its ${inherentName} ${inherent.image}: treatment does not raise a risk`, {
    data: { field: residualField.name, actual: residual.image, suggestion: inherent.image, ...entityData(risk) },
  });
}
