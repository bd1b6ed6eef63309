import { strict as assert } from 'node:assert';

import { codeLenses } from '../../../server/src/features/code-lenses';
import { documentLinks } from '../../../server/src/features/document-links';
import { inlayHints } from '../../../server/src/features/inlay-hints';
import type { LanguageService } from '../../../server/src/language-service';
import { fixtureService, parseFixture } from '../../helpers/fixture';

const WORKSPACE = `//- /org.isms
organization "Acme" {
  top-management ceo
}

risk-criteria {
  likelihood-scale "Rare", "Unlikely", "Possible", "Likely: about once a year", "Almost certain"
  impact-scale "Negligible", "Minor", "Moderate", "Major", "Severe"
  acceptance 6
}

nonconformity NC-1 "Backups untested" {
  corrective-action "Test restores"
  status open
}

nonconformity NC-2 "Old" {
  corrective-action "Fixed"
  status closed
  effectiveness "Checked"
}

nonconformity NC-3 "No status yet" {
  corrective-action "Plan"
}
//- /policies/main.isms
policy infosec "Information Security Policy" {
  approved-by ceo
  approved 2026-01-15
  document "docs/infosec.md"
}

policy escape "Escaping" {
  approved-by ceo
  approved 2026-01-15
  document "../../outside.md"
}

control A.8.13 {
  applicable yes
  evidence "../runbooks/backup.md", "Nightly backups are checked", "https://wiki.example.com/backup.pdf", "plan.pdf", "/etc/passwd"
}

control A.5.1 "Our policies" {
  applicable yes
}
//- /risks.isms
risk R-1 "Ransomware" {
  owner ceo
  likelihood 4
  impact 4
  treatment mitigate
  controls A.8.13, A.12.3.1, C-1
  residual-likelihood 2
  residual-impact 3
}

risk R-2 "Phishing" {
  owner ceo
  likelihood 2
  impact 9
  residual-likelihood 1
}

risk R-3 "No ratings" {
  owner ceo
}

risk R-4 "Accepted as is" {
  owner ceo
  likelihood 1
  impact 2
}`;

describe('document links', () => {
  const service = fixtureService(parseFixture(WORKSPACE));

  it('links relative document and evidence paths inside the workspace, resolved from the file', () => {
    const text = service.text('policies/main.isms')!;
    assert.deepEqual(
      documentLinks(service, 'policies/main.isms').map((l) => `${text.slice(l.start, l.end)} -> ${l.target}`),
      ['docs/infosec.md -> policies/docs/infosec.md', '../runbooks/backup.md -> runbooks/backup.md', 'plan.pdf -> policies/plan.pdf'],
    );
    assert.deepEqual(documentLinks(service, 'risks.isms'), []);
    assert.deepEqual(documentLinks(service, 'nowhere.isms'), []);
  });
});

function renderHints(service: LanguageService, file: string, start = 0, end = service.text(file)!.length): string[] {
  const text = service.text(file)!;
  // The line up to the hint, the label between bars.
  return inlayHints(service, file, { start, end }).map(
    (h) => `${text.slice(text.lastIndexOf('\n', h.offset - 1) + 1, h.offset).trim()}|${h.label}| ${h.kind}${h.tooltip ? ` — ${h.tooltip}` : ''}`,
  );
}

describe('inlay hints', () => {
  const service = fixtureService(parseFixture(WORKSPACE));

  it('gives Annex A titles after control references and untitled SoA entries, and scores after ratings', () => {
    assert.deepEqual(renderHints(service, 'risks.isms'), [
      'impact 4|= 16 (Likely × Major)| parameter — Inherent risk score: likelihood 4 (Likely) × impact 4 (Major) = 16; acceptance 6: not acceptable',
      'controls A.8.13|Information backup| type — A.8.13 Information backup (ISO/IEC 27001:2022 Annex A, technological control)',
      'residual-impact 3|= 6 (Unlikely × Moderate)| parameter — Residual risk score: likelihood 2 (Unlikely) × impact 3 (Moderate) = 6; acceptance 6: acceptable',
      'impact 9|= 18 (Unlikely × 9)| parameter — Inherent risk score: likelihood 2 (Unlikely) × impact 9 = 18; acceptance 6: not acceptable',
      'residual-likelihood 1|= 9 (Rare × 9)| parameter — Residual risk score: likelihood 1 (Rare) × impact 9 = 9; acceptance 6: not acceptable',
      'impact 2|= 2 (Rare × Minor)| parameter — Inherent risk score: likelihood 1 (Rare) × impact 2 (Minor) = 2; acceptance 6: acceptable',
    ]);
    assert.deepEqual(renderHints(service, 'policies/main.isms'), [
      'control A.8.13|Information backup| type — A.8.13 Information backup (ISO/IEC 27001:2022 Annex A, technological control)',
    ]);
  });

  it('keeps to the range asked for', () => {
    const text = service.text('risks.isms')!;
    const r2 = text.indexOf('risk R-2');
    assert.deepEqual(
      renderHints(service, 'risks.isms', r2, text.indexOf('risk R-3')).map((h) => h.split('|')[1]),
      ['= 18 (Unlikely × 9)', '= 9 (Rare × 9)'],
    );
    assert.deepEqual(renderHints(service, 'risks.isms', 0, text.indexOf('impact 4')), []);
    assert.deepEqual(renderHints(service, 'nowhere.isms', 0, 10), []);
  });

  it('shows levels as numbers without risk criteria', () => {
    const bare = fixtureService(parseFixture('risk R-1 "r" {\n  owner x\n  likelihood 3\n  impact 2\n}\n'));
    assert.deepEqual(renderHints(bare, 'main.isms'), ['impact 2|= 6 (3 × 2)| parameter — Inherent risk score: likelihood 3 × impact 2 = 6']);
  });
});

describe('code lenses', () => {
  const service = fixtureService(parseFixture(WORKSPACE));
  const render = (file: string) => {
    const text = service.text(file)!;
    return codeLenses(service, file).map((l) => `${text.slice(l.range.start, l.range.end)}: ${l.title} ${JSON.stringify(l.command)}`);
  };

  it('gives each rated risk its scores and verdict', () => {
    assert.deepEqual(render('risks.isms'), [
      'risk R-1 "Ransomware": inherent 16 → residual 6 · acceptable {"id":"isms.showRisk","arguments":["R-1"]}',
      'risk R-2 "Phishing": inherent 18 → residual 9 · not acceptable {"id":"isms.showRisk","arguments":["R-2"]}',
      'risk R-4 "Accepted as is": inherent 2 → residual 2 · acceptable {"id":"isms.showRisk","arguments":["R-4"]}',
    ]);
  });

  it('summarises the SoA, risks above acceptance and open nonconformities on organization', () => {
    assert.deepEqual(render('org.isms'), [
      'organization "Acme": SoA 2/93 · 1 risk above acceptance · 2 open nonconformities {"id":"isms.openSoaPreview","arguments":[]}',
    ]);
    assert.deepEqual(render('policies/main.isms'), []);
  });

  it('leaves out the verdicts without risk criteria', () => {
    const bare = fixtureService(parseFixture('organization "A" {\n}\n\nrisk R-1 "r" {\n  owner x\n  likelihood 3\n  impact 2\n}\n'));
    assert.deepEqual(
      codeLenses(bare, 'main.isms').map((l) => l.title),
      ['SoA 0/93 · 0 open nonconformities', 'inherent 6 → residual 6'],
    );
  });
});

describe('links, hints and lenses: robustness', () => {
  it('answer on broken text', () => {
    const broken = 'risk R-1 "x {\n  impact\n  likelihood "4"\n  controls A.8.13,,\n}\npolicy p {\n  document "a.md\n}\norganization\n';
    const service = fixtureService(parseFixture(broken));
    assert.ok(Array.isArray(documentLinks(service, 'main.isms')));
    assert.ok(Array.isArray(inlayHints(service, 'main.isms', { start: 0, end: broken.length })));
    assert.ok(Array.isArray(codeLenses(service, 'main.isms')));
  });
});
