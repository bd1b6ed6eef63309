import { strict as assert } from 'node:assert';

import { isFormulaLike, neutralizeCell } from '../../../../server/src/features/export/cell-safety';
import { csvField, riskRegisterCsv, soaCsv } from '../../../../server/src/features/export/csv';
import type { SoaRow } from '../../../../server/src/features/soa-table';
import { assertGolden, FORMULAS, reportData, SMALL } from './fixtures';

/** Splits an RFC 4180 document (without BOM) into records of fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        assert.ok(q >= 0, 'unterminated quoted field');
        field += text.slice(i, q);
        if (text[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else if (c === ',') {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      i += 2;
    } else {
      assert.ok(c !== '"' && c !== '\r' && c !== '\n', `unquoted special character at ${i}`);
      field += c;
      i++;
    }
  }
  assert.equal(field, '');
  assert.deepEqual(fields, [], 'the last record ends with CRLF');
  return records;
}

describe('export: CSV', () => {
  const data = reportData(SMALL);

  it('matches the golden SoA and risk register of a small workspace', () => {
    assertGolden('small.csv', soaCsv(data));
    assertGolden('small-risks.csv', riskRegisterCsv(data));
  });

  it('starts with a UTF-8 BOM, ends lines with CRLF and has the documented columns', () => {
    const csv = soaCsv(data);
    // The document control line first (§7.6), then the header.
    assert.ok(
      csv.startsWith(
        '\uFEFF"# Statement of Applicability — Acme | Cloud Ltd: No soa statement: the version, approvers and approval date of this SoA are not recorded."\r\n' +
          'Control,Theme,Title,Applicable,Reason,Risks,Parties,Status,Owner,Evidence,Due,Implementation,Verified\r\n',
      ),
    );
    assert.ok(csv.endsWith('\r\n'));
    const records = parseCsv(csv.slice(1)).slice(1);
    assert.equal(records.length, 1 + 94);
    assert.ok(records.every((record) => record.length === 13));
    assert.deepEqual(records[1], [
      'A.5.1',
      'Organizational controls',
      'Policies for information security',
      'yes',
      'Policies set direction.\nApproved yearly | reviewed',
      '',
      '',
      'implemented',
      'cto',
      'policies/infosec.md; Board minutes, 2026',
      '',
      '',
      '',
    ]);
    assert.ok(csv.includes('\r\nA.8.13,Technological controls,Information backup,yes,,R-1,P-1,partial,cto,runbooks/backup.md,2027-03-31,,\r\n'));
    assert.ok(csv.includes('\r\nA.5.2,Organizational controls,Information security roles and responsibilities,— (no SoA entry),,,,,,,,,\r\n'));
  });

  it('quotes fields with quotes, commas, CR or LF and doubles the quotes', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('a\nb'), '"a\nb"');
    assert.equal(csvField('a\rb'), '"a\rb"');
    assert.equal(csvField(undefined), '');
    assert.equal(csvField(12), '12');
    // R-2 is accepted outright at 6, above acceptance 3: accepting it needs top management, and nobody accepted it.
    assert.ok(riskRegisterCsv(data).includes('\r\nR-2,"Laptop theft, ""high"" impact",cto,,,,2,3,6,no,accept,,2,3,6,no,,,,yes\r\n'));
  });

  it('neutralises cells that a spreadsheet would read as formulas', () => {
    // Leading blanks too (issue 14): spreadsheet programs may trim them on import.
    for (const value of ['=HYPERLINK("http://x","y")', '+1', '-1', '@SUM(A1)', '\tcmd', '\rcmd', '＝1+1', ' =1', '\u00A0=1', '  +cmd', '\u00A0 @SUM(A1)']) {
      assert.ok(isFormulaLike(value), JSON.stringify(value));
      assert.equal(neutralizeCell(value), `'${value}`);
    }
    for (const value of ['plain', '', "'=already", ' a=1', 'a=b', '1-2', '— (no SoA entry)']) {
      assert.equal(neutralizeCell(value), value, JSON.stringify(value));
    }
    assert.equal(csvField('=1+1'), "'=1+1");
    assert.equal(csvField('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
    assert.equal(csvField('\rcmd'), `"'\rcmd"`);
    assert.equal(csvField('\tcmd'), "'\tcmd");
  });

  it('leaves no formula-like field in the SoA or risk register of a hostile workspace', () => {
    const hostile = reportData(FORMULAS);
    for (const csv of [soaCsv(hostile), riskRegisterCsv(hostile)]) {
      const fields = parseCsv(csv.slice(1)).flat();
      assert.deepEqual(fields.filter(isFormulaLike), []);
    }
    const records = parseCsv(soaCsv(hostile).slice(1));
    const byId = new Map(records.map((record) => [record[0], record]));
    assert.equal(byId.get('A.5.1')![4], `'=HYPERLINK("http://evil.example","click")`);
    assert.equal(byId.get('A.5.1')![9], "'-1; @SUM(A1:A2)");
    assert.equal(byId.get('A.5.2')![4], "'+1");
    assert.equal(byId.get('A.5.2')![9], "'\tcmd");
    assert.equal(byId.get('X-1')![2], "'@SUM(1,2)");
    assert.equal(byId.get('X-1')![4], "'-1");
    const risk = parseCsv(riskRegisterCsv(hostile).slice(1))[1]!;
    assert.deepEqual(risk.slice(0, 6), ['R-1', "'=1+1", 'ceo', '', "'+cmd|' /C calc'!A0", "'-2+3"]);
  });

  it('carries the soa statement and, while the workspace has errors, the draft banner before the header (§7.6)', () => {
    const base = reportData(SMALL);
    const csv = soaCsv({
      soa: { ...base.soa, errors: 2, statement: { version: '2026.1', approvedBy: ['ceo', 'cfo'], approved: '2026-02-01', owner: undefined, classification: undefined } },
    });
    const records = parseCsv(csv.slice(1));
    assert.deepEqual(records.slice(0, 3), [
      ['# DRAFT: 2 errors in the ISMS — not for release until isms check passes'],
      ['# Statement of Applicability — Acme | Cloud Ltd: Version 2026.1 · approved by ceo, cfo on 2026-02-01'],
      ['Control', 'Theme', 'Title', 'Applicable', 'Reason', 'Risks', 'Parties', 'Status', 'Owner', 'Evidence', 'Due', 'Implementation', 'Verified'],
    ]);
  });

  it('neutralises a reason that starts with a carriage return', () => {
    const base = reportData(SMALL);
    const rows: SoaRow[] = base.soa.rows.map((row) => (row.id === 'A.5.1' ? { ...row, reason: '\r=1+1' } : row));
    const csv = soaCsv({ soa: { ...base.soa, rows } });
    assert.ok(csv.includes(`\r\nA.5.1,Organizational controls,Policies for information security,yes,"'\r=1+1",`));
  });
});
