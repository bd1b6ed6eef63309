/**
 * What a held audit or management review must show (an `audit` or `review`
 * dated on or before the as-of date; planned ones are not checked):
 * `audit-without-result` (9.2.2 g): no `result` (at the head);
 * `review-without-top-management` (9.3.1): no attendee is top management
 * (on `attendees`, at the head without them);
 * `review-inputs-incomplete` (9.3.2): `considered` lacks some of the inputs
 * a–g (on `considered`, at the head without it).
 */
import { REVIEW_INPUTS } from '../../schema';
import { hasField, firstField, type Entity, type Field } from '../model';
import { entityData, isHeld, nameOf, recordDate } from '../records';
import type { ContextualFileRule, Report, WorkspaceFacts } from '../rule';
import { reportAtField, reportAtHead } from '../placement';

export const heldRecords: ContextualFileRule = {
  name: 'held-records',
  scope: 'file-in-context',
  codes: ['audit-without-result', 'review-without-top-management', 'review-inputs-incomplete'],
  check({ model, facts, report }) {
    for (const entity of model.entities) {
      if (entity.kind === 'audit') {
        if (isHeld(entity, facts.asOf) && !hasField(entity, 'result')) {
          reportAtHead(report, entity, 'audit-without-result', `audit ${nameOf(entity)} was held on ${recordDate(entity)} but its result is not recorded`, {
            data: { field: 'result', ...entityData(entity) },
          });
        }
      } else if (entity.kind === 'review' && isHeld(entity, facts.asOf)) {
        checkAttendees(entity, facts, report);
        checkInputs(entity, report);
      }
    }
  },
};

function checkAttendees(review: Entity, facts: WorkspaceFacts, report: Report): void {
  let attendees: Field | undefined;
  for (const field of review.fields) {
    if (field.name !== 'attendees') continue;
    attendees ??= field;
    for (const value of field.args) if (value.kind === 'name' && facts.topManagement.has(value.image)) return;
  }
  const suggestion = facts.topManagement.values().next().value as string | undefined;
  const message = `management review ${nameOf(review)} (held on ${recordDate(review)}) was attended by no top management role: top management conducts the review`;
  const options = { data: { field: 'attendees', ...entityData(review), ...(suggestion ? { suggestion } : {}) } };
  if (attendees) reportAtField(report, review, attendees, 'review-without-top-management', message, options);
  else reportAtHead(report, review, 'review-without-top-management', message, options);
}

function checkInputs(review: Entity, report: Report): void {
  const considered = new Set<string>();
  for (const field of review.fields) if (field.name === 'considered') for (const value of field.args) considered.add(value.image);
  const missing = REVIEW_INPUTS.filter(([name]) => !considered.has(name));
  if (missing.length === 0) return;
  const listed = missing.map(([name, letter]) => `${letter}) ${name}`).join(', ');
  const message = `management review ${nameOf(review)} did not consider ${missing.length === 1 ? 'the input' : `${missing.length} inputs`} of 9.3.2: ${listed}`;
  const options = { data: { field: 'considered', missing: missing.map(([name]) => name), ...entityData(review) } };
  const field = firstField(review, 'considered');
  if (field) reportAtField(report, review, field, 'review-inputs-incomplete', message, options);
  else reportAtHead(report, review, 'review-inputs-incomplete', message, options);
}
