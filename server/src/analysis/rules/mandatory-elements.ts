/**
 * The mandatory documented information of ISO/IEC 27001:2022 that a whole
 * ISMS must contain, each a whole-ISMS finding when absent.
 */
import type { EntityKind } from '../../schema';
import type { DiagnosticCode } from '../diagnostic-codes';
import { hasField } from '../model';
import { heldAndPlanned, plannedText, recordDate } from './held';
import type { WorkspaceRule } from '../rule';
import { wholeIsmsLocation } from '../whole-isms-location';

const REQUIRED_KINDS: [EntityKind, DiagnosticCode, string][] = [
  ['scope', 'missing-scope', 'the ISMS has no scope: add a scope statement'],
  ['policy', 'missing-policy', 'the ISMS has no information security policy'],
  ['risk-criteria', 'missing-risk-criteria', 'the ISMS has no risk criteria: scales and acceptance'],
  ['objective', 'missing-objectives', 'the ISMS has no information security objectives'],
  ['issue', 'missing-context', 'no internal or external issue is recorded'],
  ['party', 'missing-interested-parties', 'no interested party is recorded'],
];

/**
 * Records that count only when held (§7.2): without a held one, the message
 * names the next planned one. A measurement dated after the as-of date is a
 * plan too (§7: a later record is never evidence), but one without a date
 * counts, as in v1 (its `date` is optional; nothing says it is still to come).
 */
const HELD_KINDS: { kind: EntityKind; code: DiagnosticCode; none: string; notHeld: string; undatedCounts: boolean }[] = [
  { kind: 'audit', code: 'missing-internal-audit', none: 'no internal audit is recorded', notHeld: 'no internal audit has been held', undatedCounts: false },
  { kind: 'review', code: 'missing-management-review', none: 'no management review is recorded', notHeld: 'no management review has been held', undatedCounts: false },
  { kind: 'measurement', code: 'missing-measurement', none: 'no monitoring or measurement is recorded', notHeld: 'no measurement has been taken', undatedCounts: true },
];

export const mandatoryElements: WorkspaceRule = {
  name: 'mandatory-elements',
  scope: 'workspace',
  codes: [
    'missing-organization',
    'missing-top-management',
    'missing-climate-change-decision',
    ...REQUIRED_KINDS.map(([, code]) => code),
    ...HELD_KINDS.map(({ code }) => code),
  ],
  check({ index, asOf, report }) {
    const at = wholeIsmsLocation(index);
    if (!at) return;
    const organization = index.first('organization');
    if (!organization) {
      report('missing-organization', at.file, at.start, at.end, 'the ISMS has no organization statement; whole-ISMS findings are shown here instead', { data: { kind: 'organization' } });
    } else if (!hasField(organization, 'climate-change')) {
      report('missing-climate-change-decision', at.file, at.start, at.end, 'organization does not say whether climate change is a relevant issue (climate-change relevant | not-relevant)', {
        data: { field: 'climate-change' },
      });
    }
    if (!index.hasTopManagement()) {
      report('missing-top-management', at.file, at.start, at.end, 'no role is top management: mark one with top-management yes', { data: { kind: 'role' } });
    }
    for (const [kind, code, message] of REQUIRED_KINDS) {
      if (index.ofKind(kind).length === 0) report(code, at.file, at.start, at.end, message, { data: { kind } });
    }
    for (const { kind, code, none, notHeld, undatedCounts } of HELD_KINDS) {
      const records = index.ofKind(kind);
      if (records.length === 0) {
        report(code, at.file, at.start, at.end, none, { data: { kind } });
        continue;
      }
      if (undatedCounts && records.some((record) => recordDate(record) === undefined)) continue;
      const { latestHeld, nextPlanned } = heldAndPlanned(records, asOf);
      if (latestHeld) continue;
      const planned = nextPlanned ? `: ${plannedText(nextPlanned)}` : '';
      report(code, at.file, at.start, at.end, `${notHeld} by ${asOf}${planned}`, {
        data: { kind, ...(nextPlanned?.entity.id ? { entity: nextPlanned.entity.id.image } : {}) },
        ...(nextPlanned
          ? { related: [{ file: nextPlanned.entity.file, start: nextPlanned.entity.statement.start, end: nextPlanned.entity.headEnd, message: `planned for ${nextPlanned.date}` }] }
          : {}),
      });
    }
  },
};
