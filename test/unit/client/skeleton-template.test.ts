import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from '../../../grammar/src';
import { ANNEX_A_IDS } from '../../../server/src/catalogue/annex-a';
import { formatText } from '../../../server/src/features/format';
import { soaTable } from '../../../server/src/features/soa-table';
import { createLanguageService } from '../../../server/src/language-service';
import { addMonths, quote, SKELETON_MAIN_FILE, skeletonFiles, todayUtc } from '../../../server/src/features/skeleton';

const AS_OF = '2026-11-27';

function analyse(organization = 'Acme Ltd', today = AS_OF) {
  const files = skeletonFiles({ organization, today });
  const service = createLanguageService({ asOf: AS_OF });
  for (const file of files) service.setFile(file.path, file.text);
  return { files, service };
}

/** The only errors of a fresh skeleton: its audit and review are planned, not held yet. */
const PLANNED_ONLY = ['missing-internal-audit', 'missing-management-review'];

function errorCodes(service: ReturnType<typeof createLanguageService>): string[] {
  return service
    .diagnostics()
    .filter((d) => d.severity === 'error')
    .map((d) => d.code);
}

describe('client: ISMS skeleton template', () => {
  it('writes four files under isms/, the organization file first', () => {
    const { files } = analyse();
    assert.deepEqual(
      files.map((file) => file.path),
      ['isms/organization.isms', 'isms/risks.isms', 'isms/soa.isms', 'isms/performance.isms'],
    );
    assert.equal(SKELETON_MAIN_FILE, files[0].path);
  });

  it('parses without syntax errors and is already in the canonical format', () => {
    for (const file of analyse().files) {
      assert.deepEqual(parse(file.text).errors, [], file.path);
      assert.equal(formatText(file.text)?.changed, false, `${file.path} is not formatted`);
    }
  });

  it('analyses with no error but the audit and review it only plans; the warnings ask for evidence, text and dates', () => {
    const { service } = analyse();
    const all = service.diagnostics();
    // Left on purpose (v2): the skeleton's "TODO" texts and its planned controls without a date are what the user fills in.
    const toFill = all.filter((d) => d.code === 'placeholder-text' || d.code === 'control-without-due');
    assert.ok(toFill.some((d) => d.code === 'placeholder-text') && toFill.some((d) => d.code === 'control-without-due'));
    const findings = all.filter((d) => !toFill.includes(d));
    // Left on purpose (LANGUAGE.md §7.2): a planned audit, review or training is not evidence until it is held,
    // and evidence of competence (7.2 d) only the organization can give.
    assert.deepEqual(
      findings.map((d) => `${d.severity} ${d.code} ${d.file}: ${d.message}`),
      [
        'warning missing-awareness isms/organization.isms: no awareness training was held in the 12 months before 2026-11-27; T-001 is only planned, for 2026-12-27',
        'error missing-internal-audit isms/organization.isms: no internal audit has been held by 2026-11-27: IA-001 is only planned, for 2027-09-27',
        'error missing-management-review isms/organization.isms: no management review has been held by 2026-11-27: MR-001 is only planned, for 2027-10-27',
        'warning missing-competence-evidence isms/organization.isms: role ceo has responsibilities but no competence-evidence',
        'warning missing-competence-evidence isms/organization.isms: role ciso has responsibilities but no competence-evidence',
      ],
    );
  });

  it('declares all 93 Annex A controls, applicable and planned, with a reason to write', () => {
    const { service, files } = analyse();
    const table = soaTable(service.analysis().index, AS_OF);
    const annex = table.rows.filter((row) => row.theme !== 'custom');
    assert.deepEqual(annex.map((row) => row.id), [...ANNEX_A_IDS]);
    assert.ok(annex.every((row) => row.declared && row.applicable === 'yes' && row.status === 'planned' && row.reason === 'TODO'));
    assert.equal(table.rows.length, 93);
    const soa = files.find((file) => file.path === 'isms/soa.isms')!.text;
    assert.equal(soa.match(/^control A\.\d+\.\d+ \{$/gm)?.length, 93);
  });

  it('holds every element of a whole ISMS', () => {
    const { service } = analyse();
    const kinds = new Set<string>(service.fileNames().flatMap((file) => service.model(file)!.entities.map((entity) => entity.kind)));
    for (const kind of ['organization', 'scope', 'issue', 'party', 'role', 'policy', 'risk-criteria', 'asset', 'risk', 'control', 'objective', 'measurement', 'audit', 'review', 'soa', 'audit-programme', 'training']) {
      assert.ok(kinds.has(kind), `no ${kind}`);
    }
  });

  it('dates relative to today and stays clean on a leap day', () => {
    const { files } = analyse('Acme', '2028-02-29');
    const organization = files[0].text;
    assert.match(organization, /approved 2028-02-29\n  next-review 2029-02-28\n/);
    const service = createLanguageService({ asOf: '2028-02-29' });
    for (const file of files) service.setFile(file.path, file.text);
    assert.deepEqual(errorCodes(service), PLANNED_ONLY);
  });

  it('quotes the organization name safely', () => {
    const { files, service } = analyse('Smith & "Sons" \\ Co\nLtd');
    assert.match(files[0].text, /^organization "Smith & \\"Sons\\" \\\\ Co\\nLtd" \{$/m);
    assert.match(files[0].text, /^\/\/ Smith & "Sons" \\ Co Ltd: information security/);
    assert.deepEqual(parse(files[0].text).errors, []);
    assert.deepEqual(errorCodes(service), PLANNED_ONLY);
    assert.match(analyse('   ').files[0].text, /^organization "TODO: organization name" \{$/m);
  });

  it('adds calendar months, clamping the day', () => {
    assert.equal(addMonths('2026-11-27', 12), '2027-11-27');
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
    assert.equal(addMonths('2026-12-15', 1), '2027-01-15');
    assert.equal(addMonths('2026-11-30', 10), '2027-09-30');
    assert.throws(() => addMonths('27/11/2026', 1));
    assert.equal(todayUtc(new Date(Date.UTC(2026, 10, 27, 23, 59))), '2026-11-27');
    assert.equal(quote('a\tb'), '"a\\tb"');
  });
});

describe('client: pure tree and template modules', () => {
  // They run in plain Node above; this keeps them free of `vscode` by construction.
  // The template is composed by the server now (features/skeleton.ts, `isms/skeleton`).
  for (const file of ['client/src/tree/clause-items.ts', 'client/src/tree/icons.ts', 'client/src/tree/markdown.ts', 'client/src/tree/risk-bands.ts', 'client/src/tree/soa-filter.ts', 'client/src/tree/soa-items.ts', 'server/src/features/skeleton.ts']) {
    it(`${file} does not import vscode`, () => {
      const source = readFileSync(join(process.cwd(), file), 'utf8');
      assert.doesNotMatch(source, /from ['"]vscode['"]|require\(['"]vscode['"]\)/);
      assert.doesNotMatch(source, /grammar\/src/, 'the client never parses');
    });
  }
});
