import { strict as assert } from 'node:assert';

import { ANNEX_A_IDS } from '../../../server/src/catalogue/annex-a';
import { completions, newId, type CompletionItem } from '../../../server/src/features/completion';
import { plusOneYear } from '../../../server/src/util/dates';
import { createLanguageService } from '../../../server/src/language-service';
import { KINDS, kindSpec } from '../../../server/src/schema';
import { fixtureService } from '../../helpers/fixture';
import { withCursor } from '../../helpers/markers';
import { largeWorkspace } from '../../helpers/large-workspace';

const TODAY = '2026-11-27';

interface Completed {
  readonly items: CompletionItem[];
  readonly offset: number;
  /** The cursor's file, without the marker. */
  readonly text: string;
}

function complete(fixtureText: string, today = TODAY): Completed {
  const { fixture, file, offset } = withCursor(fixtureText);
  const service = fixtureService(fixture);
  return { items: completions(service, file, offset, today), offset, text: fixture.files.get(file)! };
}

/** Items in the order the editor shows them (sortText, then label). */
function sorted(items: readonly CompletionItem[]): CompletionItem[] {
  const key = (item: CompletionItem) => item.sortText ?? item.label;
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.label < b.label ? -1 : 1));
}

const labels = (items: readonly CompletionItem[]) => sorted(items).map((item) => item.label);
const item = (items: readonly CompletionItem[], label: string) => {
  const found = items.find((candidate) => candidate.label === label);
  assert.ok(found, `no completion ${label}`);
  return found;
};

const ROLES = `//- /roles.isms
role cto "Chief Technology Officer" {
  holder "Sam Okafor"
}

role ceo "Chief Executive Officer" {
  holder "Dana Whitfield"
  top-management yes
}

asset customer-db "Customer database" {
  owner cto
}
`;

const ALL_KINDS = KINDS.map((spec) => spec.kind);

describe('completion', () => {
  describe('at top level', () => {
    it('offers every kind as a snippet of a well-formed entity with its required fields', () => {
      const { items: all, offset } = complete(`${ROLES}//- /main.isms\n$0\n`);
      assert.deepEqual(labels(all), [...ALL_KINDS, 'control-annex']);
      const items = all.filter((i) => i.kind === 'kind');
      const snippets = Object.fromEntries(items.map((i) => [i.label, i.insertText]));
      assert.deepEqual(snippets, {
        organization: 'organization "${1:Name}" {\n  $0\n}',
        scope: 'scope {\n  statement "${1:TODO}"\n}',
        issue: 'issue ${1:I-001} "${2:Title}" {\n  type ${3|internal,external|}\n}',
        party: 'party ${1:P-001} "${2:Title}" {\n  $0\n}',
        role: 'role ${1:id} "${2:Title}" {\n  $0\n}',
        policy: 'policy ${1:id} "${2:Title}" {\n  approved-by ${3:approved-by}\n  approved ${4:2026-11-27}\n}',
        'risk-criteria': 'risk-criteria {\n  likelihood-scale "${1:TODO}"\n  impact-scale "${2:TODO}"\n  acceptance ${3:6}\n}',
        asset: 'asset ${1:id} "${2:Title}" {\n  owner ${3:owner}\n}',
        risk: 'risk ${1:R-001} "${2:Title}" {\n  owner ${3:owner}\n  likelihood ${4:3}\n  impact ${5:3}\n}',
        control: 'control ${1:A.5.1} {\n  applicable ${2|yes,no|}\n}',
        objective:
          'objective ${1:O-001} "${2:Title}" {\n  measure "${3:TODO}"\n  target "${4:TODO}"\n  owner ${5:owner}\n  due ${6:2026-11-27}\n}',
        measurement: 'measurement ${1:M-001} "${2:Title}" {\n  $0\n}',
        audit: 'audit ${1:IA-001} "${2:Title}" {\n  date ${3:2026-11-27}\n  auditor "${4:TODO}"\n}',
        review: 'review ${1:MR-001} "${2:Title}" {\n  date ${3:2026-11-27}\n  decisions "${4:TODO}"\n}',
        nonconformity: 'nonconformity ${1:NC-001} "${2:Title}" {\n  corrective-action "${3:TODO}"\n}',
        soa: 'soa {\n  version "${1:1.0}"\n  approved-by ${2:approved-by}\n  approved ${3:2026-11-27}\n}',
        'audit-programme': 'audit-programme {\n  owner ${1:owner}\n  interval ${2:12 months}\n}',
        supplier: 'supplier ${1:S-001} "${2:Title}" {\n  owner ${3:owner}\n  criticality ${4|medium,low,high|}\n}',
        obligation: 'obligation ${1:OB-001} "${2:Title}" {\n  type ${3|legal,regulatory,contractual,other|}\n}',
        incident: 'incident ${1:INC-001} "${2:Title}" {\n  reported ${3:2026-11-27}\n  severity ${4|medium,low,high,critical|}\n  status ${5|open,closed|}\n}',
        training: 'training ${1:T-001} "${2:Title}" {\n  type ${3|awareness,competence|}\n  date ${4:2026-11-27}\n}',
        change: 'change ${1:CH-001} "${2:Title}" {\n  date ${3:2026-11-27}\n  purpose "${4:TODO}"\n}',
        communication: 'communication ${1:C-001} "${2:Title}" {\n  what "${3:TODO}"\n  when "${4:Quarterly}"\n  with "${5:TODO}"\n  by ${6:by}\n}',
      });
      for (const completion of items) {
        assert.equal(completion.kind, 'kind');
        assert.equal(completion.snippet, true);
        assert.deepEqual(completion.replace, { start: offset, end: offset });
      }
      const risk = item(items, 'risk');
      assert.equal(risk.detail, 'risk ID "Title"');
      assert.equal(
        risk.documentation,
        'An information security risk: its analysis, evaluation and treatment.\n\n' +
          'Clause 6.1.2 Information security risk assessment; 6.1.3 Information security risk treatment; ' +
          '8.2 Information security risk assessment; 8.3 Information security risk treatment.',
      );
    });

    it('leaves out the singletons the workspace already has, in any file', () => {
      const { items } = complete(`${ROLES}//- /context.isms
organization "Acme" {
}

scope {
  statement "All of it"
}
//- /main.isms
$0
`);
      assert.deepEqual(labels(items), [...ALL_KINDS.filter((kind) => kind !== 'organization' && kind !== 'scope'), 'control-annex']);
    });

    it('offers control-annex at the top level only, with a choice of the undeclared Annex A ids (issue 13)', () => {
      const { items } = complete('control A.5.1 {\n  applicable yes\n  reason "x"\n  status planned\n}\n\ncontrol A.8.13 {\n  applicable no\n  reason "x"\n}\n\n$0\n');
      const annex = item(items, 'control-annex');
      assert.equal(annex.kind, 'snippet');
      assert.equal(annex.snippet, true);
      const choice = /^control \$\{1\|([^|]*)\|\} \{\n/.exec(annex.insertText)![1]!.split(',');
      assert.deepEqual(choice, ANNEX_A_IDS.filter((id) => id !== 'A.5.1' && id !== 'A.8.13'));
      assert.equal(annex.detail, 'SoA entry of an Annex A control (91 without an entry)');
      // Not inside a block, and not on a line that has text after the cursor.
      assert.ok(!complete('risk R-001 "Ransomware" {\n  $0\n}\n').items.some((i) => i.label === 'control-annex'));
      assert.ok(!complete('$0 risk R-1 "x"\n').items.some((i) => i.label === 'control-annex'));
    });

    it('still offers the singleton whose own keyword is being typed', () => {
      const { items } = complete('scope$0\n');
      assert.ok(labels(items).includes('scope'));
    });

    it('numbers a new id after the highest one in use (R-009 when R-001…R-008 exist)', () => {
      const risks = (from: number, to: number) =>
        Array.from({ length: to - from + 1 }, (_, i) => `risk R-00${from + i} "Risk ${from + i}" {\n  owner cto\n  likelihood 1\n  impact 1\n}\n`).join('\n');
      const { items } = complete(`${ROLES}//- /risks-a.isms\n${risks(1, 4)}//- /risks-b.isms\n${risks(5, 8)}//- /main.isms\n$0\n`);
      assert.equal(item(items, 'risk').insertText, 'risk ${1:R-009} "${2:Title}" {\n  owner ${3:owner}\n  likelihood ${4:3}\n  impact ${5:3}\n}');
    });

    it('keeps the width of existing ids, skips gaps and ids taken by other kinds', () => {
      const service = createLanguageService({ asOf: TODAY });
      service.setFile(
        'a.isms',
        [
          'audit IA-2026 "Internal audit 2026" {\n}',
          'objective O-1 "One" {\n}',
          'objective O-7 "Seven" {\n}',
          'risk R-001 "One" {\n}',
          'risk R-002 "Two" {\n}',
          'asset R-003 "An asset with a risk-like id" {\n}',
          'risk custom "Not numbered" {\n}',
        ].join('\n'),
      );
      const index = service.analysis().index;
      assert.equal(newId(index, kindSpec('audit')!), 'IA-2027');
      assert.equal(newId(index, kindSpec('objective')!), 'O-8');
      assert.equal(newId(index, kindSpec('risk')!), 'R-004');
      assert.equal(newId(index, kindSpec('review')!), 'MR-001');
      assert.equal(newId(index, kindSpec('role')!), 'id');
    });

    it('proposes the first Annex A control without an SoA entry in the control snippet', () => {
      const { items } = complete('control A.5.1 {\n  applicable yes\n}\n\ncontrol A.5.2 {\n  applicable yes\n}\n\n$0\n');
      assert.equal(item(items, 'control').insertText, 'control ${1:A.5.3} {\n  applicable ${2|yes,no|}\n}');
    });

    it('replaces the word being typed, on both sides of the cursor', () => {
      const typed = complete('ri$0\n');
      assert.deepEqual(item(typed.items, 'risk').replace, { start: 0, end: 2 });
      const inside = complete('r$0is\n');
      assert.deepEqual(item(inside.items, 'risk').replace, { start: 0, end: 3 });
    });

    it('inserts just the keyword when the line goes on after the word', () => {
      const { items } = complete('ri$0 R-001 "Ransomware" {\n}\n');
      const risk = item(items, 'risk');
      assert.equal(risk.insertText, 'risk');
      assert.equal(risk.snippet, false);
      assert.deepEqual(risk.replace, { start: 0, end: 2 });
    });
  });

  describe('inside an entity block', () => {
    const RISK = `${ROLES}//- /main.isms
risk R-001 "Ransomware" {
  owner cto
  asset customer-db
  threat "Criminal group"
  $0
}
`;

    it('offers the fields the block still lacks, required ones first, list fields always', () => {
      const { items, offset } = complete(RISK);
      assert.deepEqual(labels(items), [
        'likelihood',
        'impact',
        'asset',
        'vulnerability',
        'treatment',
        'controls',
        'residual-likelihood',
        'residual-impact',
        'accepted-by',
        'affects',
        'assessed',
      ]);
      for (const completion of items) {
        assert.equal(completion.kind, 'field');
        assert.equal(completion.snippet, true);
        assert.deepEqual(completion.replace, { start: offset, end: offset });
      }
    });

    it('describes each field: type, description, clause; inserts the name and a placeholder', () => {
      const { items } = complete(RISK);
      assert.deepEqual(item(items, 'likelihood'), {
        label: 'likelihood',
        kind: 'field',
        detail: 'a whole number',
        documentation: 'Inherent likelihood level, on the likelihood scale.\n\nRequired. Clause 6.1.2 Information security risk assessment.',
        insertText: 'likelihood ${1:3}',
        snippet: true,
        sortText: '00-00004',
        replace: item(items, 'likelihood').replace,
      });
      const controls = item(items, 'controls');
      assert.equal(controls.detail, 'the id of a control (a list)');
      assert.equal(
        controls.documentation,
        'The controls that treat the risk (6.1.3 b).\n\nOptional. Takes a list of values. Clause 6.1.3 Information security risk treatment.',
      );
      assert.equal(controls.insertText, 'controls ${1:controls}');
      assert.equal(item(items, 'treatment').insertText, 'treatment ${1|mitigate,accept,avoid,transfer|}');
      assert.equal(item(items, 'vulnerability').insertText, 'vulnerability "${1:TODO}"');
      assert.equal(item(items, 'accepted-by').insertText, 'accepted-by ${1:accepted-by}');
      assert.equal(item(items, 'assessed').insertText, 'assessed ${1:2026-11-27}');
      assert.equal(item(items, 'assessed').detail, 'a date (YYYY-MM-DD)');
    });

    it('puts the schema placeholder first in enum choices', () => {
      const { items } = complete('control A.5.1 {\n  applicable yes\n  $0\n}\n');
      assert.equal(item(items, 'status').insertText, 'status ${1|planned,implemented,partial,not-implemented|}');
      assert.deepEqual(labels(items), ['reason', 'implementation', 'status', 'owner', 'evidence', 'due', 'verified']);
    });

    it('still offers the field whose name is being typed, replacing the whole word', () => {
      const { items, offset } = complete('risk R-001 "Ransomware" {\n  lik$0eli\n}\n');
      const likelihood = item(items, 'likelihood');
      assert.deepEqual(likelihood.replace, { start: offset - 3, end: offset + 3 });
    });

    it('inserts just the field name when the line goes on after the word', () => {
      const { items } = complete('risk R-001 "Ransomware" {\n  own$0 cto\n}\n');
      assert.equal(item(items, 'owner').insertText, 'owner');
      assert.equal(item(items, 'owner').snippet, false);
    });
  });

  describe('after a field name', () => {
    it('offers the values of an enum', () => {
      const { items, offset } = complete('risk R-001 "Ransomware" {\n  treatment mi$0\n}\n');
      assert.deepEqual(labels(items), ['mitigate', 'accept', 'avoid', 'transfer']);
      assert.deepEqual(item(items, 'avoid'), {
        label: 'avoid',
        kind: 'enum',
        insertText: 'avoid',
        snippet: false,
        sortText: '00-00002',
        replace: { start: offset - 2, end: offset },
      });
    });

    it('offers the ids of the expected kind declared in any file, with their titles', () => {
      const { items, offset } = complete(`${ROLES}//- /main.isms\nrisk R-001 "Ransomware" {\n  owner $0\n}\n`);
      assert.deepEqual(labels(items), ['cto', 'ceo']);
      assert.deepEqual(item(items, 'cto'), {
        label: 'cto',
        kind: 'reference',
        detail: 'Chief Technology Officer',
        documentation: 'role `cto` Chief Technology Officer',
        insertText: 'cto',
        snippet: false,
        filterText: 'cto Chief Technology Officer',
        sortText: '02-00000',
        replace: { start: offset, end: offset },
      });
    });

    it('completes on a snippet placeholder: `owner owner` (the placeholder selected) lists the roles (issue 13)', () => {
      const { items, offset } = complete(`${ROLES}//- /main.isms\nrisk R-001 "Ransomware" {\n  owner owner$0\n}\n`);
      assert.deepEqual(labels(items), ['cto', 'ceo']);
      assert.equal(item(items, 'cto').filterText, 'owner cto Chief Technology Officer');
      assert.deepEqual(item(items, 'cto').replace, { start: offset - 'owner'.length, end: offset });
    });

    it('lists top management first for approved-by and the owner first for accepted-by', () => {
      const policy = complete(`${ROLES}//- /main.isms\npolicy infosec "Policy" {\n  approved-by $0\n}\n`);
      assert.deepEqual(labels(policy.items), ['ceo', 'cto']);
      const risk = complete(`${ROLES}//- /main.isms\nrisk R-001 "Ransomware" {\n  owner cto\n  accepted-by $0\n}\n`);
      assert.deepEqual(labels(risk.items), ['cto', 'ceo']);
    });

    it('offers all 93 Annex A controls, then custom controls, for a control reference', () => {
      const { items, offset } = complete(`//- /soa.isms
control A.8.7 {
  applicable yes
}

control C-001 "Secure code review" {
  applicable yes
}
//- /main.isms
risk R-001 "Ransomware" {
  controls backup$0
}
`);
      assert.deepEqual(labels(items), [...ANNEX_A_IDS, 'C-001']);
      assert.deepEqual(item(items, 'A.8.13'), {
        label: 'A.8.13',
        kind: 'annex-control',
        detail: 'Information backup · technological',
        labelDetails: { detail: ' Information backup', description: 'technological' },
        documentation: '**A.8.13 Information backup**\n\nISO/IEC 27001:2022 Annex A, technological control. No SoA entry yet.',
        insertText: 'A.8.13',
        snippet: false,
        filterText: 'A.8.13 Information backup',
        sortText: `01-${String(ANNEX_A_IDS.indexOf('A.8.13')).padStart(5, '0')}`,
        replace: { start: offset - 'backup'.length, end: offset },
      });
      assert.equal(item(items, 'A.8.7').documentation, '**A.8.7 Protection against malware**\n\nISO/IEC 27001:2022 Annex A, technological control. SoA: applicable.');
      assert.equal(item(items, 'C-001').kind, 'reference');
      assert.equal(item(items, 'C-001').detail, 'Secure code review');
      // Typing part of a title finds the control.
      assert.deepEqual(
        items.filter((candidate) => candidate.filterText?.toLowerCase().includes('backup')).map((candidate) => candidate.label),
        ['A.8.13'],
      );
    });

    it('after a comma in a list field, offers the same values bar those already listed', () => {
      const { items } = complete(`risk R-001 "Ransomware" {
  controls A.8.7, A.8.13, $0
  controls A.5.1
}
`);
      assert.deepEqual(labels(items), ANNEX_A_IDS.filter((id) => !['A.5.1', 'A.8.7', 'A.8.13'].includes(id)));
    });

    it('goes on on a continuation line after a trailing comma', () => {
      const { items } = complete('party P-001 "Customers" {\n  addressed-by A.5.1,\n    A.5.2, A.5$0\n}\n');
      assert.equal(labels(items)[0], 'A.5.3');
      assert.equal(items.length, 91);
    });

    it('offers nothing after the value of a single-value field, or without a comma', () => {
      assert.deepEqual(complete(`${ROLES}//- /main.isms\nrisk R-001 "Ransomware" {\n  owner cto $0\n}\n`).items, []);
      assert.deepEqual(complete('risk R-001 "Ransomware" {\n  controls A.8.7 $0\n}\n').items, []);
      assert.deepEqual(complete('risk R-001 "Ransomware" {\n  threat $0\n}\n').items, []);
      assert.deepEqual(complete('risk R-001 "Ransomware" {\n  unknown-field $0\n}\n').items, []);
    });

    it('offers the risk levels with their scale labels', () => {
      const { items } = complete(`//- /criteria.isms
risk-criteria {
  likelihood-scale "Rare", "Unlikely", "Possible"
  impact-scale "Minor", "Major"
  acceptance 2
}
//- /main.isms
risk R-001 "Ransomware" {
  residual-impact $0
}
`);
      assert.deepEqual(
        sorted(items).map((c) => [c.label, c.kind, c.detail]),
        [
          ['1', 'enum', 'Minor'],
          ['2', 'enum', 'Major'],
        ],
      );
      assert.equal(item(items, '2').documentation, 'impact level 2 of 2: Major');
    });

    it('offers today for a date, then one year after the approval for next-review', () => {
      const { items } = complete('policy infosec "Policy" {\n  approved 2026-01-15\n  next-review $0\n}\n');
      assert.deepEqual(
        sorted(items).map((c) => [c.label, c.kind, c.detail]),
        [
          ['2026-11-27', 'date', 'today'],
          ['2027-01-15', 'date', 'one year after approval'],
        ],
      );
    });

    it('offers the current value plus one year', () => {
      const { items, offset } = complete('risk R-001 "Ransomware" {\n  assessed 2025-$002-01\n}\n');
      assert.deepEqual(
        sorted(items).map((c) => [c.label, c.detail]),
        [
          ['2026-11-27', 'today'],
          ['2026-02-01', 'one year after 2025-02-01'],
        ],
      );
      assert.deepEqual(items[0].replace, { start: offset - 5, end: offset + 5 });
      assert.equal(plusOneYear('2024-02-29'), '2025-02-28');
    });
  });

  describe('after control', () => {
    it('offers the Annex A controls without an SoA entry, in catalogue order, with title and theme', () => {
      const { items, offset } = complete(`//- /soa.isms
control A.5.1 {
  applicable yes
}

control A.8.13 {
  applicable yes
}
//- /main.isms
control $0
`);
      assert.deepEqual(labels(items), ANNEX_A_IDS.filter((id) => id !== 'A.5.1' && id !== 'A.8.13'));
      assert.deepEqual(item(items, 'A.5.2'), {
        label: 'A.5.2',
        kind: 'annex-control',
        detail: 'Information security roles and responsibilities · organizational',
        labelDetails: { detail: ' Information security roles and responsibilities', description: 'organizational' },
        documentation: '**A.5.2 Information security roles and responsibilities**\n\nISO/IEC 27001:2022 Annex A, organizational control. No SoA entry yet.',
        insertText: 'A.5.2',
        snippet: false,
        filterText: 'A.5.2 Information security roles and responsibilities',
        sortText: '00-00001',
        replace: { start: offset, end: offset },
      });
    });

    it('does not count the entry being typed as present', () => {
      const { items } = complete('control A.5.$0\n');
      assert.equal(items.length, 93);
    });

    it('offers nothing after the id', () => {
      assert.deepEqual(complete('control A.5.1 $0\n').items, []);
      assert.deepEqual(complete('risk $0\n').items, []);
    });
  });

  describe('mid-edit documents', () => {
    it('completes references in a file with syntax errors elsewhere', () => {
      const { items } = complete(`${ROLES}//- /main.isms
risk R-001 "Unterminated {
  owner cto
  likelihood 4 5 }
}
}

risk R-002 "Phishing" {
  accepted-by c$0
`);
      assert.deepEqual(labels(items), ['cto', 'ceo']);
    });

    it('in an unclosed block, offers fields on an indented line and kinds at column 0', () => {
      const fields = complete('risk R-001 "Ransomware" {\n  owner cto\n  $0\n');
      assert.ok(labels(fields.items).includes('likelihood'));
      assert.ok(!labels(fields.items).includes('owner'));
      const kinds = complete('risk R-001 "Ransomware" {\n  owner cto\n$0\n');
      assert.deepEqual(labels(kinds.items), [...ALL_KINDS, 'control-annex']);
      assert.equal(item(kinds.items, 'risk').insertText.startsWith('risk ${1:R-002} '), true);
    });

    it('completes the fields of an entity swallowed by an unclosed block', () => {
      const { items } = complete('risk R-001 "Ransomware" {\n  owner cto\n\nrole cfo "CFO" {\n  holder "Kim"\n  $0\n}\n');
      assert.deepEqual(labels(items), ['top-management', 'responsibilities', 'competence', 'competence-evidence']);
    });

    it('offers nothing in comments, strings and text blocks', () => {
      assert.deepEqual(complete('risk R-001 "Ransomware" {\n  // owner $0\n}\n').items, []);
      assert.deepEqual(complete('/* risk R-001 "Ransomware" {\n  owner $0\n}\n').items, []);
      assert.deepEqual(complete('risk R-001 "Ransomware" {\n  threat "owner $0"\n}\n').items, []);
      assert.deepEqual(complete('risk R-001 "Ransomware" {\n  threat "unterminated $0\n}\n').items, []);
      assert.deepEqual(complete('scope {\n  statement """\n    All of\n    $0\n  """\n}\n').items, []);
      assert.deepEqual(complete('risk R-001 "Rans$0omware" {\n}\n').items, []);
    });

    it('offers nothing for an unknown file or in the block of an unknown statement', () => {
      const service = createLanguageService({ asOf: TODAY });
      assert.deepEqual(completions(service, 'missing.isms', 0, TODAY), []);
      assert.deepEqual(complete('riks R-001 "Ransomware" {\n  $0\n}\n').items, []);
    });
  });

  // Speed is measured by bench/lsp.mjs (npm run bench:lsp), not asserted here.
  describe('large workspace', function () {
    this.timeout(60000);

    it('answers on a workspace of 8,000 risks, numbering new risks after the last', () => {
      const service = largeWorkspace(8000, TODAY);
      const risks = service.text('risks-01.isms')!;
      const edited = `${risks}\n`;
      service.setFile('risks-01.isms', edited);
      service.analysis();
      const cases: Array<[string, number]> = [
        ['kinds', edited.length],
        ['fields', edited.indexOf('  owner ')],
        ['controls', edited.indexOf('  controls ') + '  controls '.length],
        ['owner', edited.indexOf('  owner ') + '  owner '.length],
        ['assets', edited.indexOf('  asset ') + '  asset '.length],
      ];
      for (const [name, offset] of cases) {
        assert.ok(completions(service, 'risks-01.isms', offset, TODAY).length > 0, name);
      }
      assert.equal(item(completions(service, 'risks-01.isms', edited.length, TODAY), 'risk').insertText.split('"')[0], 'risk ${1:R-8001} ');
    });
  });
});
