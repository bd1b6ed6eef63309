/**
 * The mandatory documented information of ISO/IEC 27001:2022 that a whole
 * ISMS must contain, each a whole-ISMS finding when absent.
 */
import type { EntityKind } from '../../schema';
import type { DiagnosticCode } from '../diagnostic-codes';
import { hasField } from '../model';
import type { WorkspaceRule } from '../rule';
import { wholeIsmsLocation } from '../whole-isms-location';

const REQUIRED_KINDS: [EntityKind, DiagnosticCode, string][] = [
  ['scope', 'missing-scope', 'the ISMS has no scope (4.3): add a scope statement'],
  ['policy', 'missing-policy', 'the ISMS has no information security policy (5.2)'],
  ['risk-criteria', 'missing-risk-criteria', 'the ISMS has no risk criteria (6.1.2): scales and acceptance'],
  ['objective', 'missing-objectives', 'the ISMS has no information security objectives (6.2)'],
  ['issue', 'missing-context', 'no internal or external issue is recorded (4.1)'],
  ['party', 'missing-interested-parties', 'no interested party is recorded (4.2)'],
  ['measurement', 'missing-measurement', 'no monitoring or measurement is recorded (9.1)'],
  ['audit', 'missing-internal-audit', 'no internal audit is recorded (9.2)'],
  ['review', 'missing-management-review', 'no management review is recorded (9.3)'],
];

export const mandatoryElements: WorkspaceRule = {
  name: 'mandatory-elements',
  scope: 'workspace',
  codes: [
    'missing-organization',
    'missing-top-management',
    'missing-climate-change-decision',
    ...REQUIRED_KINDS.map(([, code]) => code),
  ],
  check({ index, report }) {
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
  },
};
