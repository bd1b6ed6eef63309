/**
 * 6.1.3 f: the risk owners accept the residual risk.
 * `residual-risk-not-accepted`: a treated risk without `accepted-by` (not
 * for `treatment avoid`: nothing remains to accept);
 * `acceptor-not-owner`: none of the roles in `accepted-by` is the risk's `owner`.
 */
import { fieldArguments, fieldText, firstField, hasField } from '../model';
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
      // With treatment avoid nothing remains to accept (v2).
      if (hasField(risk, 'treatment') && !acceptedBy && fieldText(risk, 'treatment') !== 'avoid') {
        reportAtHead(report, risk, 'residual-risk-not-accepted', `the residual risk of ${risk.id?.image ?? 'this risk'} has not been accepted: add accepted-by with the risk owner`, {
          data: { ...(owner?.kind === 'name' ? { owner: owner.image } : {}), ...(risk.id ? { entity: risk.id.image } : {}) },
        });
      }
      if (!acceptedBy || owner?.kind !== 'name') continue;
      // accepted-by takes several roles (v2): the owner must be one of them.
      const acceptors = fieldArguments(risk, 'accepted-by').filter((value) => value.kind === 'name');
      if (acceptors.length === 0 || acceptors.some((acceptor) => acceptor.image === owner.image)) continue;
      const first = acceptors[0];
      const field = risk.fields.find((candidate) => candidate.name === 'accepted-by' && candidate.args.includes(first))!;
      const names = acceptors.map((acceptor) => `'${acceptor.image}'`).join(', ');
      reportAtValue(report, risk, field, first, 'acceptor-not-owner', `the residual risk is accepted by ${names}, but the risk owner is '${owner.image}'`, {
        data: { owner: owner.image, actual: first.image },
      });
    }
  },
};
