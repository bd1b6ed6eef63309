/**
 * `acceptance-out-of-scale` (6.1.2 a): the acceptance threshold of
 * `risk-criteria` must be a score the scales can give, from 1 to
 * likelihood levels × impact levels. On the value.
 */
import { fieldArguments, firstField } from '../model';
import type { FileRule } from '../rule';
import { reportAtValue } from '../placement';

export const acceptanceOutOfScale: FileRule = {
  name: 'acceptance-out-of-scale',
  scope: 'file',
  codes: ['acceptance-out-of-scale'],
  check({ model, report }) {
    for (const criteria of model.entities) {
      if (criteria.kind !== 'risk-criteria') continue;
      const field = firstField(criteria, 'acceptance');
      const value = field?.args[0];
      if (!field || value?.kind !== 'number') continue;
      const acceptance = Number(value.image);
      const likelihoodLevels = fieldArguments(criteria, 'likelihood-scale').length;
      const impactLevels = fieldArguments(criteria, 'impact-scale').length;
      const highest = likelihoodLevels * impactLevels;
      if (acceptance < 1) {
        reportAtValue(report, criteria, field, value, 'acceptance-out-of-scale', `acceptance ${value.image} is below the lowest score (1): no risk could ever be acceptable`, {
          data: { field: 'acceptance', actual: value.image },
        });
      } else if (highest > 0 && acceptance > highest) {
        reportAtValue(
          report,
          criteria,
          field,
          value,
          'acceptance-out-of-scale',
          `acceptance ${value.image} is above the highest score (${likelihoodLevels} × ${impactLevels} = ${highest}): every risk would be acceptable`,
          { data: { field: 'acceptance', actual: value.image, suggestion: String(highest) } },
        );
      }
    }
  },
};
