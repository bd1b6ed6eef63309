import { strict as assert } from 'node:assert';

import { hover, type Hover } from '../../../server/src/features/hover';
import { createLanguageService } from '../../../server/src/language-service';
import { fixtureService } from '../../helpers/fixture';
import { withCursor } from '../../helpers/markers';
import { largeWorkspace } from '../../helpers/large-workspace';

interface Hovered {
  readonly hover: Hover | undefined;
  readonly offset: number;
  readonly text: string;
}

function hoverAt(fixtureText: string, asOf = '2026-11-27'): Hovered {
  const { fixture, file, offset } = withCursor(fixtureText);
  const service = fixtureService(fixture, asOf);
  return { hover: hover(service, file, offset), offset, text: fixture.files.get(file)! };
}

/** The markdown of the hover at `$0`, failing when there is none. */
function markdownAt(fixtureText: string, asOf?: string): string {
  const result = hoverAt(fixtureText, asOf).hover;
  assert.ok(result, 'expected a hover');
  return result.markdown;
}

/** The span of `word` around the cursor. */
function spanOf(hovered: Hovered, word: string): { start: number; end: number } {
  const start = hovered.text.lastIndexOf(word, hovered.offset);
  assert.ok(start >= 0 && start + word.length >= hovered.offset, `cursor not on ${word}`);
  return { start, end: start + word.length };
}

const ROLES = `//- /roles.isms
role cto "Chief Technology Officer" {
  holder "Sam Okafor"
  responsibilities "Operates the ISMS"
}

role ceo "Chief Executive Officer" {
  holder "Dana Whitfield"
}
`;

const CRITERIA = `//- /criteria.isms
risk-criteria {
  likelihood-scale "Rare", "Unlikely", "Possible", "Likely", "Almost certain"
  impact-scale "Negligible", "Minor", "Moderate", "Major", "Severe"
  acceptance 6
}
`;

const BACKUP_HEADER = `**A.8.13 Information backup**

ISO/IEC 27001:2022 Annex A, technological control (A.8 Technological controls)

- Control type: Corrective
- Information security properties: Integrity, Availability
- Cybersecurity concepts: Recover
- Operational capabilities: Continuity
- Security domains: Protection`;

describe('hover', () => {
  describe('on an Annex A id', () => {
    const WORKSPACE = `${ROLES}//- /soa.isms
// The Statement of Applicability.
control A.8.13 {
  applicable yes
  reason "Backups are *the* answer to ransomware"
  status implemented
  owner cto
}
//- /parties.isms
party P-001 "Customers" {
  requirement "Data is never lost"
  addressed-by A.8.13
}
//- /risks.isms
risk R-001 "Ransomware encrypts the customer database" {
  owner cto
  likelihood 4
  impact 5
  treatment mitigate
  controls A.8.7, A.8.13
}
`;

    it('in a reference: title, theme, attributes, SoA decision, risks and parties using it', () => {
      const hovered = hoverAt(WORKSPACE.replace('controls A.8.7, A.8.13', 'controls A.8.7, A.8.1$03'));
      assert.equal(
        hovered.hover?.markdown,
        `${BACKUP_HEADER}

**SoA entry** (soa.isms:2)
- Applicable: yes
- Reason: Backups are \\*the\\* answer to ransomware
- Status: implemented
- Owner: \`cto\` Chief Technology Officer

**Used by**
- risk \`R-001\` Ransomware encrypts the customer database
- party \`P-001\` Customers`,
      );
      assert.deepEqual(hovered.hover?.range, spanOf(hovered, 'A.8.13'));
    });

    it('on the head of its SoA entry', () => {
      const hovered = hoverAt(WORKSPACE.replace('control A.8.13 {', 'control A.8$0.13 {'));
      assert.ok(hovered.hover?.markdown.startsWith(`${BACKUP_HEADER}\n\n**SoA entry** (soa.isms:2)\n`));
      assert.deepEqual(hovered.hover?.range, spanOf(hovered, 'A.8.13'));
    });

    it('says when the control has no SoA entry and nothing uses it', () => {
      assert.equal(
        markdownAt(WORKSPACE.replace('addressed-by A.8.13', 'addressed-by A.5.1$0').replace('controls A.8.7, A.8.13', 'controls A.8.7')),
        `**A.5.1 Policies for information security**

ISO/IEC 27001:2022 Annex A, organizational control (A.5 Organizational controls)

- Control type: Preventive
- Information security properties: Confidentiality, Integrity, Availability
- Cybersecurity concepts: Identify
- Operational capabilities: Governance
- Security domains: Governance and Ecosystem, Resilience

No SoA entry yet.

**Used by**
- party \`P-001\` Customers`,
      );
      const unused = markdownAt('control A.7.4$0 {\n  applicable no\n  reason "No premises"\n}\n');
      assert.ok(unused.endsWith('**SoA entry** (main.isms:1)\n- Applicable: no\n- Reason: No premises\n\nUsed by no risk or party.'), unused);
    });

    it('lists at most 10 users, then how many more', () => {
      const risks = Array.from(
        { length: 12 },
        (_, i) => `risk R-${String(i + 1).padStart(3, '0')} "Risk ${i + 1}" {\n  owner cto\n  likelihood 1\n  impact 1\n  controls A.5.1\n}\n`,
      ).join('\n');
      const markdown = markdownAt(`${ROLES}//- /risks.isms\n${risks}//- /soa.isms\ncontrol A.5.1$0 {\n  applicable yes\n}\n`);
      const used = markdown.slice(markdown.indexOf('**Used by**'));
      assert.equal(
        used,
        `**Used by**\n${Array.from({ length: 10 }, (_, i) => `- risk \`R-${String(i + 1).padStart(3, '0')}\` Risk ${i + 1}`).join('\n')}\n- and 2 more`,
      );
    });
  });

  describe('on an entity id or a reference', () => {
    it('a risk: its scores with the scale labels against acceptance, treatment, owner, place', () => {
      const hovered = hoverAt(`${ROLES}${CRITERIA}//- /risks.isms
// Risks of the platform

risk R-001$0 "Ransomware encrypts the customer database" {
  owner cto
  likelihood 4
  impact 4
  treatment mitigate
  controls A.8.13
  residual-likelihood 2
  residual-impact 3
}
`);
      assert.equal(
        hovered.hover?.markdown,
        `**risk \`R-001\`** Ransomware encrypts the customer database

- Inherent risk: Likely × Major = 16, not acceptable (acceptance 6)
- Residual risk: Unlikely × Moderate = 6, acceptable (acceptance 6)
- Treatment: mitigate
- Owner: \`cto\` Chief Technology Officer

Declared in risks.isms:3`,
      );
      assert.deepEqual(hovered.hover?.range, spanOf(hovered, 'R-001'));
    });

    it('a risk without criteria or ratings: plain numbers, no verdict', () => {
      assert.equal(
        markdownAt('risk R-002$0 "Phishing" {\n  likelihood 2\n  impact 3\n}\n\nrisk R-003 "Unrated" {\n}\n'),
        '**risk `R-002`** Phishing\n\n- Inherent risk: 2 × 3 = 6\n- Residual risk: 2 × 3 = 6\n- Treatment: none\n- Owner: none\n\nDeclared in main.isms:1',
      );
      assert.ok(markdownAt('risk R-003$0 "Unrated" {\n}\n').includes('- Inherent risk: not rated\n- Residual risk: not rated\n'));
    });

    it('a role referred to from another file: holder and top management', () => {
      const hovered = hoverAt(`${ROLES}//- /org.isms
organization "Acme" {
  top-management ceo
}
//- /main.isms
policy infosec "Information Security Policy" {
  approved-by c$0eo
  approved 2026-01-15
}
`);
      assert.equal(
        hovered.hover?.markdown,
        '**role `ceo`** Chief Executive Officer\n\n- Holder: Dana Whitfield\n- Top management: yes\n\nDeclared in roles.isms:6',
      );
      assert.deepEqual(hovered.hover?.range, spanOf(hovered, 'ceo'));
      assert.equal(
        markdownAt(`${ROLES}//- /main.isms\nasset db "DB" {\n  owner cto$0\n}\n`),
        '**role `cto`** Chief Technology Officer\n\n- Holder: Sam Okafor\n- Top management: no\n\nDeclared in roles.isms:1',
      );
    });

    it('a policy: approver, approval and next review (overdue against the as-of date)', () => {
      assert.equal(
        markdownAt(`${ROLES}//- /main.isms
policy infosec "Information Security Policy" {
  approved-by ceo
  approved 2025-01-15
  next-review 2026-01-15
}

objective O-001 "Patch fast" {
  policy infose$0c
}
`),
        `**policy \`infosec\`** Information Security Policy

- Approved by: \`ceo\` Chief Executive Officer
- Approved: 2025-01-15
- Next review: 2026-01-15 (overdue)

Declared in main.isms:1`,
      );
    });

    it('an asset: owner and classification', () => {
      assert.equal(
        markdownAt(`${ROLES}//- /main.isms
asset customer-db$0 "Customer database" {
  owner cto
  classification confidential
}
`),
        '**asset `customer-db`** Customer database\n\n- Owner: `cto` Chief Technology Officer\n- Classification: confidential\n\nDeclared in main.isms:1',
      );
    });

    it('other kinds: the first three fields', () => {
      assert.equal(
        markdownAt(`//- /objectives.isms
objective O-001 "Patch critical vulnerabilities quickly" {
  measure """
    Days from disclosure to patch
    for critical CVEs
  """
  target 14
  owner cto
  due 2026-12-31
}
//- /main.isms
measurement M-001 "Patch time" {
  objective O-00$01
}
`),
        `**objective \`O-001\`** Patch critical vulnerabilities quickly

- measure: Days from disclosure to patch …
- target: 14
- owner: cto

Declared in objectives.isms:1`,
      );
    });

    it('an unknown id', () => {
      const hovered = hoverAt(`${ROLES}//- /main.isms\nrisk R-001 "Ransomware" {\n  owner cfo$0\n}\n`);
      assert.equal(hovered.hover?.markdown, 'No entity `cfo` is declared.');
      assert.deepEqual(hovered.hover?.range, spanOf(hovered, 'cfo'));
    });

    it('an id of the Annex A shape that is no 2022 control', () => {
      assert.equal(
        markdownAt('risk R-001 "Ransomware" {\n  controls A.12.3.1$0\n}\n'),
        '⚠ `A.12.3.1` Information backup is an ISO/IEC 27001:2013 control; in the 2022 edition: A.8.13 Information backup.',
      );
      assert.equal(markdownAt('risk R-001 "Ransomware" {\n  controls A.9.99$0\n}\n'), '⚠ `A.9.99` is not an ISO/IEC 27001:2022 Annex A control.');
      assert.equal(
        markdownAt('control A.12.3.1$0 {\n  applicable yes\n}\n'),
        '⚠ `A.12.3.1` Information backup is an ISO/IEC 27001:2013 control; in the 2022 edition: A.8.13 Information backup.\n\n' +
          '**control `A.12.3.1`**\n\n- applicable: yes\n\nDeclared in main.isms:1',
      );
    });

    it('a reference to an entity of the wrong kind says what was expected', () => {
      assert.equal(
        markdownAt(`${ROLES}//- /main.isms\nasset crm "CRM" {\n  owner cto\n}\n\nrisk R-001 "Ransomware" {\n  owner crm$0\n}\n`),
        '**asset `crm`** CRM\n\n⚠ `owner` expects a role, not an asset.\n\n- Owner: `cto` Chief Technology Officer\n- Classification: not set\n\nDeclared in main.isms:1',
      );
    });

    it('a duplicate id: every place it is declared', () => {
      const markdown = markdownAt(`${ROLES}//- /more-roles.isms\n\nrole cto "CTO again" {\n}\n//- /main.isms\nasset db "DB" {\n  owner cto$0\n}\n`);
      assert.ok(markdown.endsWith('Declared in more-roles.isms:2, roles.isms:1 (duplicate id)'), markdown);
    });
  });

  describe('on a kind keyword or a field name', () => {
    it('a kind: description, head, clauses with titles, required fields', () => {
      const hovered = hoverAt('ri$0sk R-001 "Ransomware" {\n}\n');
      assert.equal(
        hovered.hover?.markdown,
        `**risk** (kind)

An information security risk: its analysis, evaluation and treatment.

- Head: \`risk ID "Title"\`
- Clause: 6.1.2 Information security risk assessment; 6.1.3 Information security risk treatment; 8.2 Information security risk assessment; 8.3 Information security risk treatment
- Required fields: \`owner\`, \`likelihood\`, \`impact\``,
      );
      assert.deepEqual(hovered.hover?.range, { start: 0, end: 4 });
      assert.equal(
        markdownAt('scope$0 {\n}\n'),
        '**scope** (kind)\n\nThe boundaries and applicability of the ISMS.\n\n- Head: `scope` (at most one in a workspace)\n' +
          '- Clause: 4.3 Determining the scope of the information security management system\n- Required fields: `statement`',
      );
    });

    it('a field: description, type, required, clause with its title', () => {
      const hovered = hoverAt('risk R-001 "Ransomware" {\n  accepted$0-by cto\n}\n');
      assert.equal(
        hovered.hover?.markdown,
        `**accepted-by** (field of \`risk\`)

The roles that accept the residual risk: the risk owner, and top management above the criteria (6.1.3 f).

- Value: the id of a role (a list)
- Required: no
- Clause: 6.1.3 f Information security risk treatment`,
      );
      assert.deepEqual(hovered.hover?.range, spanOf(hovered, 'accepted-by'));
      assert.equal(
        markdownAt('party P-001 "Customers" {\n  requirement$0 "Uptime"\n}\n'),
        '**requirement** (field of `party`)\n\nA requirement of the party relevant to information security.\n\n' +
          '- Value: text in quotes (may be repeated)\n- Required: no\n- Clause: 4.2 Understanding the needs and expectations of interested parties',
      );
      assert.equal(
        markdownAt('asset db "DB" {\n  classification$0 internal\n}\n'),
        '**classification** (field of `asset`)\n\nThe classification of the information (A.5.12).\n\n' +
          "- Value: 'public' or 'internal' or 'confidential' or 'restricted'\n- Required: no\n- Clause: A.5.12 Classification of information",
      );
    });

    it('a risk level: its label on the scale', () => {
      assert.equal(markdownAt(`${CRITERIA}//- /main.isms\nrisk R-001 "Ransomware" {\n  impact 4$0\n}\n`), '**Major**: impact level 4 of 5');
      assert.equal(markdownAt(`${CRITERIA}//- /main.isms\nrisk R-001 "Ransomware" {\n  likelihood 9$0\n}\n`), '**9** is outside the likelihood scale (1–5)');
    });
  });

  describe('nowhere else', () => {
    it('not on titles, texts, comments, unknown fields or blank space', () => {
      const none = (text: string) => assert.equal(hoverAt(text).hover, undefined, text);
      none('risk R-001 "Rans$0omware" {\n}\n');
      none('risk R-001 "Ransomware" {\n  threat "Crim$0inals"\n}\n');
      none('// risk$0 R-001\n');
      none('risk R-001 "Ransomware" {\n  colour$0 red\n}\n');
      none('risk R-001 "Ransomware" {\n  treatment mitigate$0\n}\n');
      none('risks$0 R-001 "Ransomware" {\n}\n');
      none('risk R-001 "Ransomware" {\n$0\n}\n');
      assert.equal(hover(createLanguageService(), 'missing.isms', 0), undefined);
    });

    it('still answers in a file with syntax errors', () => {
      assert.equal(
        markdownAt(`${ROLES}//- /main.isms\nrisk R-001 "Unterminated {\n  likelihood 4 5 }\n}\n}\n\nasset db "DB" {\n  owner ct$0o\n`),
        '**role `cto`** Chief Technology Officer\n\n- Holder: Sam Okafor\n- Top management: no\n\nDeclared in roles.isms:1',
      );
    });
  });

  // Speed is measured by bench/lsp.mjs (npm run bench:lsp), not asserted here.
  describe('large workspace', function () {
    this.timeout(60000);

    it('answers on a workspace of 8,000 risks, also right after an edit', () => {
      const service = largeWorkspace(8000);
      const risks = service.text('risks-01.isms')!;
      const soa = service.text('soa.isms')!;
      const cases: Array<[string, string, number]> = [
        ['annex reference', 'risks-01.isms', risks.indexOf('  controls ') + '  controls '.length + 1],
        ['SoA head', 'soa.isms', soa.indexOf('A.8.13') + 1],
        ['role reference', 'risks-01.isms', risks.indexOf('  owner ') + '  owner '.length + 1],
        ['risk id', 'risks-01.isms', risks.indexOf('R-0') + 1],
        ['field name', 'risks-01.isms', risks.indexOf('  owner ') + 3],
      ];
      for (const [name, file, offset] of cases) {
        assert.ok(hover(service, file, offset), name);
      }
      // After an edit (a new analysis), the control's users are still all there.
      const before = hover(service, 'soa.isms', soa.indexOf('A.8.13') + 1)!.markdown;
      service.setFile('risks-01.isms', `${service.text('risks-01.isms')!}\n`);
      service.analysis();
      assert.equal(hover(service, 'soa.isms', soa.indexOf('A.8.13') + 1)!.markdown, before);
    });
  });
});
