/**
 * `risk-untreated` without a treatment: one action per treatment option that
 * ends the finding, none preferred (choosing the treatment is the risk
 * owner's decision, 6.1.3 a): `avoid`, `transfer` and `accept` (an accepted
 * risk above acceptance then needs its acceptance recorded, 6.1.3 f).
 * `mitigate` is not offered alone: it needs the controls the user chooses.
 */
import { fieldSpec } from '../../schema';
import { hasField } from '../../analysis/model';
import { entityAt } from './edit-helpers';
import { fieldActions } from './insert-missing-field';
import type { QuickFix } from './quick-fix';

export const chooseTreatment: QuickFix = {
  codes: ['risk-untreated'],
  fixes(context) {
    if (context.diagnostic.data?.field !== 'treatment') return [];
    const risk = entityAt(context.model.entities, context.diagnostic.start);
    const spec = fieldSpec('risk', 'treatment');
    if (!risk || risk.kind !== 'risk' || !spec || hasField(risk, 'treatment')) return [];
    return fieldActions(context, risk, spec, ['avoid', 'transfer', 'accept']).map(({ isPreferred: _preferred, ...action }) => action);
  },
};
