/**
 * 6.1.3 f: the risk owners accept the residual risk.
 * `residual-risk-not-accepted`: a treated risk without `accepted-by`;
 * `acceptor-not-owner`: `accepted-by` is not the risk's `owner`.
 */
import { firstField, hasField } from '../model';
import type { FileRule } from '../rule';
import { reportAtHead, reportAtValue } from '../placement';

export const riskAcceptance: FileRule = {
  name: 'risk-acceptance',
  scope: 'file',
  codes: ['residual-risk-not-accepted', 'acceptor-not-owner'],
  check({ model, report }) {
    for (const risk of model.entities) {
      if (risk.kind !== 'risk') continue;
      const owner = firstField(risk, 'owner')?.args[0];
      const acceptedBy = firstField(risk, 'accepted-by');
      if (hasField(risk, 'treatment') && !acceptedBy) {
        reportAtHead(report, risk, 'residual-risk-not-accepted', `the residual risk of ${risk.id?.image ?? 'this risk'} has not been accepted: add accepted-by with the risk owner`, {
          data: { ...(owner?.kind === 'name' ? { owner: owner.image } : {}), ...(risk.id ? { entity: risk.id.image } : {}) },
        });
      }
      const acceptor = acceptedBy?.args[0];
      if (acceptedBy && acceptor?.kind === 'name' && owner?.kind === 'name' && acceptor.image !== owner.image) {
        reportAtValue(report, risk, acceptedBy, acceptor, 'acceptor-not-owner', `the residual risk is accepted by '${acceptor.image}', but the risk owner is '${owner.image}'`, {
          data: { owner: owner.image, actual: acceptor.image },
        });
      }
    }
  },
};
