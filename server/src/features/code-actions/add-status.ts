/**
 * `control-missing-status`: adds the implementation status of an applicable
 * control, one action per status (`planned`, the schema's placeholder,
 * preferred), as the last line of the control's block.
 */
import { fieldSpec } from '../../schema';
import { hasField } from '../../analysis/model';
import { entityAt } from './edit-helpers';
import { fieldActions } from './insert-missing-field';
import type { QuickFix } from './quick-fix';

export const addStatus: QuickFix = {
  codes: ['control-missing-status'],
  fixes(context) {
    const control = entityAt(context.model.entities, context.diagnostic.start);
    const spec = fieldSpec('control', 'status');
    if (!control || control.kind !== 'control' || !spec || hasField(control, 'status')) return [];
    const type = spec.types[0];
    const values = type.kind === 'enum' ? [spec.placeholder, ...type.values.filter((value) => value !== spec.placeholder)] : [spec.placeholder];
    return fieldActions(context, control, spec, values);
  },
};
