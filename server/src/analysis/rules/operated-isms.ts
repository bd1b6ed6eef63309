/**
 * The whole-ISMS checks of LANGUAGE.md §7.4 (v2): the ISMS is operated, not
 * only declared. Each finding stands at the head of `organization` (§4).
 *
 * - `missing-risk-assessment` (6.1.2, 8.2): no `risk` at all;
 * - `missing-information-security-policy` (5.2): policies, none of them the
 *   information security policy;
 * - `policy-not-communicated` (5.2 f): the information security policy has
 *   no `communicated-to`;
 * - `missing-audit-programme` (9.2.2): no `audit-programme`;
 * - `audit-overdue` (9.2.2): the latest held audit is older than the
 *   programme's `interval` (12 months without a programme);
 * - `management-review-overdue` (9.3.1): the latest held review is older
 *   than the organization's `review-interval` (12 months);
 * - `soa-not-approved` (6.1.3 d, 7.5.2): no `soa` statement;
 * - `missing-awareness` (7.3): no awareness training held in the 12 months
 *   before the as-of date.
 */
import { decodeDuration, type DurationValue } from '../../../../grammar/src';
import { informationSecurityPolicy } from '../information-security-policy';
import { fieldText, firstField, hasField, type Entity } from '../model';
import type { WorkspaceRule } from '../rule';
import { addDuration } from '../../util/dates';
import { DEFAULT_INTERVAL } from '../default-interval';
import { heldAndPlanned, plannedText } from './held';
import { wholeIsmsLocation } from '../whole-isms-location';

/** A duration field's value, when it is a duration. */
function durationOf(entity: Entity | undefined, name: string): DurationValue | undefined {
  const value = entity ? firstField(entity, name)?.args[0] : undefined;
  return value?.kind === 'duration' ? decodeDuration(value.image) : undefined;
}

function durationText(duration: DurationValue): string {
  return `${duration.amount} ${duration.unit}${duration.amount === 1 ? '' : 's'}`;
}

export const operatedIsms: WorkspaceRule = {
  name: 'operated-isms',
  scope: 'workspace',
  codes: [
    'missing-risk-assessment',
    'missing-information-security-policy',
    'policy-not-communicated',
    'missing-audit-programme',
    'audit-overdue',
    'management-review-overdue',
    'soa-not-approved',
    'missing-awareness',
  ],
  check({ index, asOf, report }) {
    const at = wholeIsmsLocation(index);
    if (!at) return;
    const here = (code: Parameters<typeof report>[0], message: string, data: Record<string, string> = {}) =>
      report(code, at.file, at.start, at.end, message, { data });

    if (index.ofKind('risk').length === 0) {
      here('missing-risk-assessment', 'no risk is recorded: the ISMS shows no risk assessment', { kind: 'risk' });
    }

    const policies = index.ofKind('policy');
    const policy = informationSecurityPolicy(index);
    if (policies.length > 0 && !policy) {
      const ids = policies.flatMap((candidate) => (candidate.id ? [candidate.id.image] : []));
      here(
        'missing-information-security-policy',
        policies.length === 1
          ? `the only policy, ${ids[0] ?? 'without an id'}, is not the information security policy: it says type ${fieldText(policies[0], 'type') ?? '?'}`
          : `none of the ${policies.length} policies (${ids.join(', ')}) is the information security policy: mark one with type information-security`,
        { kind: 'policy', ...(ids[0] ? { entity: ids[0] } : {}) },
      );
    } else if (policy && !hasField(policy, 'communicated-to')) {
      here('policy-not-communicated', `the information security policy ${policy.id?.image ?? ''} does not say to whom it is communicated (communicated-to)`.replace('  ', ' '), {
        field: 'communicated-to',
        ...(policy.id ? { entity: policy.id.image } : {}),
      });
    }

    const programme = index.first('audit-programme');
    if (!programme) here('missing-audit-programme', 'the ISMS has no audit programme: add an audit-programme with its owner and interval', { kind: 'audit-programme' });

    // 9.2.2 and 9.3.1: the latest held audit and review, each within its interval.
    const overdue = (code: 'audit-overdue' | 'management-review-overdue', records: readonly Entity[], interval: DurationValue, noun: string, unnamed: string) => {
      const latest = heldAndPlanned(records, asOf).latestHeld;
      if (!latest) return;
      const due = addDuration(latest.date, interval);
      if (due >= asOf) return;
      const id = latest.entity.id?.image;
      here(code, `the latest ${noun}, ${id ?? unnamed}, was held on ${latest.date}; with an interval of ${durationText(interval)} the next was due by ${due} (as of ${asOf})`, id ? { entity: id } : {});
    };
    overdue('audit-overdue', index.ofKind('audit'), durationOf(programme, 'interval') ?? DEFAULT_INTERVAL, 'internal audit', 'an audit');
    overdue('management-review-overdue', index.ofKind('review'), durationOf(index.first('organization'), 'review-interval') ?? DEFAULT_INTERVAL, 'management review', 'a review');

    if (!index.first('soa')) {
      here('soa-not-approved', 'the Statement of Applicability has no version, approver or approval date: add a soa statement', { kind: 'soa' });
    }

    const awareness = heldAndPlanned(index.ofKind('training'), asOf, (training) => fieldText(training, 'type') === 'awareness');
    const recent = awareness.latestHeld && addDuration(awareness.latestHeld.date, DEFAULT_INTERVAL) >= asOf;
    if (!recent) {
      const last = awareness.latestHeld ? `; the latest, ${awareness.latestHeld.entity.id?.image ?? 'a training'}, was on ${awareness.latestHeld.date}` : '';
      const planned = awareness.nextPlanned ? `; ${plannedText(awareness.nextPlanned)}` : '';
      here('missing-awareness', `no awareness training was held in the 12 months before ${asOf}${last}${planned}`, { kind: 'training' });
    }
  },
};
