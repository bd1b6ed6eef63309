/**
 * 6.1.3 f, the risk owner accepts the residual risk.
 * `residual-risk-not-accepted`: adds `accepted-by <owner>` (`data.owner`) as
 * the last line of the risk's block. `acceptor-not-owner`: replaces the
 * acceptor (`data.actual`, the diagnostic's range) with the owner.
 */
import { hasField } from '../../analysis/model';
import { entityAt, insertFieldLine } from './edit-helpers';
import { quickFixAction, rangeIs, type QuickFix } from './quick-fix';

export const addAcceptedBy: QuickFix = {
  codes: ['residual-risk-not-accepted', 'acceptor-not-owner'],
  fixes(context) {
    const { diagnostic, model, parsed } = context;
    const owner = diagnostic.data?.owner;
    if (!owner) return [];
    if (diagnostic.code === 'acceptor-not-owner') {
      if (!rangeIs(context, diagnostic.data?.actual)) return [];
      const edit = { start: diagnostic.start, end: diagnostic.end, newText: owner };
      return [quickFixAction(context, `Have the risk owner '${owner}' accept the residual risk`, [edit], { isPreferred: true })];
    }
    const risk = entityAt(model.entities, diagnostic.start);
    if (!risk || risk.kind !== 'risk' || hasField(risk, 'accepted-by')) return [];
    const edit = insertFieldLine(parsed, risk, `accepted-by ${owner}`);
    if (!edit) return [];
    return [quickFixAction(context, `Add 'accepted-by ${owner}' (the risk owner)`, [edit], { isPreferred: true })];
  },
};
