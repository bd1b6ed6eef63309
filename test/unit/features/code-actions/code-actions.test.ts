import { strict as assert } from 'node:assert';

import { codeActions, fixableCodes, QUICK_FIXES } from '../../../../server/src/features/code-actions/code-actions';
import { ALL_CODES } from '../../../../server/src/analysis/diagnostic-codes';
import { allActions, service, serviceOf } from './helpers';

const TEXT = `organization "Acme" {
  climate-change not-relevant
}

role it "IT" {
  holdr "Leo"
}

asset net "Network" {
  owner it
  clasification internal
}
`;

describe('code actions', () => {
  it('offers the fixes of the diagnostics that intersect the range', () => {
    const svc = service(TEXT);
    const at = TEXT.indexOf('clasification');
    assert.deepEqual(
      codeActions(svc, 'main.isms', at + 2, at + 2).map((a) => a.title),
      ["Change 'clasification' to 'classification'"],
    );
    const holder = TEXT.indexOf('holdr');
    assert.deepEqual(
      codeActions(svc, 'main.isms', holder, at).map((a) => a.title),
      ["Change 'holdr' to 'holder'", "Change 'clasification' to 'classification'"],
    );
    // A range touching the end of a diagnostic counts.
    assert.equal(codeActions(svc, 'main.isms', holder + 5, holder + 5).length, 1);
    assert.deepEqual(codeActions(svc, 'main.isms', TEXT.indexOf('owner it'), TEXT.indexOf('owner it') + 3), []);
  });

  it('offers nothing for an unknown file, or for a code turned off', () => {
    const svc = service(TEXT);
    assert.deepEqual(codeActions(svc, 'nope.isms', 0, 10), []);
    svc.configure({ asOf: '2026-11-27', severities: { 'unknown-field': 'off' } });
    assert.deepEqual(codeActions(svc, 'main.isms', 0, TEXT.length).filter((a) => a.diagnostic.code === 'unknown-field'), []);
  });

  it('registers each fix for codes that exist, and one kind of action', () => {
    for (const code of fixableCodes()) assert.ok(ALL_CODES.includes(code), code);
    assert.equal(QUICK_FIXES.length, 16);
    for (const action of codeActions(service(TEXT), 'main.isms', 0, TEXT.length)) assert.equal(action.kind, 'quickfix');
  });

  it('drops an action that a syntax error of the file would swallow', () => {
    // The skeleton would land inside the unterminated comment.
    const svc = serviceOf({ 'a.isms': 'organization "Acme" {\n  climate-change relevant\n}\n/* unterminated\n' });
    assert.deepEqual(allActions(svc, 'missing-scope'), []);
    assert.deepEqual(allActions(svc, 'soa-incomplete'), []);
    // A fix elsewhere in the same file is still offered.
    const other = serviceOf({ 'a.isms': 'organization "Acme" {\n  climate-change relevant\n}\n\nrole r "R" {\n  holdr "X"\n}\n/* unterminated\n' });
    assert.deepEqual(allActions(other, 'unknown-field').map((a) => a.title), ["Change 'holdr' to 'holder'"]);
  });
});
