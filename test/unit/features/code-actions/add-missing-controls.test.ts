import { strict as assert } from 'node:assert';

import { ANNEX_A_IDS } from '../../../../server/src/catalogue/annex-a';
import { actionTitled, allActions, applied, appliedText, assertFixes, countOf, afterAction, serviceOf } from './helpers';

function entry(id: string, eol = '\n'): string {
  return [`control ${id} {`, '  applicable yes', '  reason "Needed"', '  status implemented', '}'].join(eol);
}

function stub(id: string, eol = '\n'): string {
  return [`control ${id} {`, '  applicable yes', '  reason "TODO: justify inclusion or exclusion"', '  status planned', '}'].join(eol);
}

/** An SoA with every control but the given ones, in catalogue order. */
function soaWithout(missing: readonly string[], eol = '\n'): string {
  return ANNEX_A_IDS.filter((id) => !missing.includes(id))
    .map((id) => entry(id, eol))
    .join(eol + eol);
}

const ORGANIZATION = 'organization "Acme" {\n  climate-change not-relevant\n}\n';

function excludedStub(id: string, eol = '\n'): string {
  return [`control ${id} {`, '  applicable no', '  reason "TODO: justify exclusion"', '}'].join(eol);
}

describe('quick fix: add missing Annex A controls (soa-incomplete)', () => {
  it('offers two variants, neither preferred: all applicable to decide, all excluded to justify (issue 13)', () => {
    const soa = `${soaWithout(['A.5.7', 'A.8.34'])}\n`;
    const svc = serviceOf({ 'a.isms': ORGANIZATION, 'soa.isms': soa });
    const actions = allActions(svc, 'soa-incomplete');
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ['Add 2 missing Annex A controls to the SoA as applicable (to decide)', undefined],
        ['Add 2 missing Annex A controls to the SoA as excluded (to justify)', undefined],
      ],
    );
    const excluded = actionTitled(svc, 'Add 2 missing Annex A controls to the SoA as excluded (to justify)');
    const last = entry('A.8.33');
    assert.equal(appliedText(svc, excluded), soa.replace(last, `${last}\n\n${excludedStub('A.5.7')}\n\n${excludedStub('A.8.34')}`));
    assertFixes(svc, excluded);
    // The placeholders stay: the exclusions still have to be justified.
    assert.ok(appliedText(svc, excluded).includes('reason "TODO: justify exclusion"'));
  });

  it('appends the missing controls in catalogue order after the last control of the SoA file', () => {
    // A.8.34 and A.5.7 are missing; the SoA file ends with A.8.33 and a comment after it.
    const soa = `// SoA\n\n${soaWithout(['A.5.7', 'A.8.34'])}\n\n// end of the SoA\n`;
    const svc = serviceOf({ 'a.isms': ORGANIZATION, 'soa.isms': soa });
    const action = actionTitled(svc, 'Add 2 missing Annex A controls to the SoA as applicable (to decide)');
    assert.equal(action.isPreferred, undefined, 'the fix does not decide for the user');
    assert.equal(action.diagnostic.code, 'soa-incomplete');
    assert.deepEqual(Object.keys(action.edit.changes), ['soa.isms']);
    const last = entry('A.8.33');
    const expected = soa.replace(last, `${last}\n\n${stub('A.5.7')}\n\n${stub('A.8.34')}`);
    assert.equal(appliedText(svc, action), expected);
    assertFixes(svc, action);
  });

  it('says "control" for one, and keeps CRLF line breaks', () => {
    const soa = soaWithout(['A.6.3'], '\r\n') + '\r\n';
    const svc = serviceOf({ 'a.isms': ORGANIZATION, 'soa.isms': soa });
    const action = actionTitled(svc, 'Add 1 missing Annex A control to the SoA as applicable (to decide)');
    assert.equal(appliedText(svc, action), `${soa.slice(0, -2)}\r\n\r\n${stub('A.6.3', '\r\n')}\r\n`);
    assertFixes(svc, action);
  });

  it('chooses the file with the most control entries', () => {
    const svc = serviceOf({
      'a.isms': `${ORGANIZATION}\n${entry('A.5.1')}\n`,
      'b.isms': `${entry('A.5.2')}\n\n${entry('A.5.3')}\n\n// trailing comment\n`,
      'c.isms': `${entry('A.5.4')}\n`,
    });
    const [action] = allActions(svc, 'soa-incomplete');
    assert.equal(action.title, 'Add 89 missing Annex A controls to the SoA as applicable (to decide)');
    const text = applied(svc, action)['b.isms'];
    assert.ok(text.startsWith(`${entry('A.5.2')}\n\n${entry('A.5.3')}\n\n${stub('A.5.5')}\n\n${stub('A.5.6')}\n\n`), text.slice(0, 400));
    assert.ok(text.endsWith(`${stub('A.8.34')}\n\n// trailing comment\n`));
    const next = afterAction(svc, action);
    assert.equal(countOf(next, 'soa-incomplete'), 0);
    assert.equal(countOf(next, 'control-missing-justification'), 0);
    assert.equal(countOf(next, 'control-missing-status'), 0);
  });

  it('without any control, appends to the end of the file holding organization', () => {
    const svc = serviceOf({ 'a.isms': 'role r "R" {\n  holder "X"\n}\n', 'b.isms': `// org\n${ORGANIZATION}\n\n` });
    const [action] = allActions(svc, 'soa-incomplete');
    const text = applied(svc, action)['b.isms'];
    assert.ok(text.startsWith(`// org\n${ORGANIZATION}\n${stub('A.5.1')}\n\n${stub('A.5.2')}`));
    assert.ok(text.endsWith(`${stub('A.8.34')}\n\n\n`));
    assertFixes(svc, action);
  });

  it('without any control or organization, appends to the end of the first file', () => {
    const svc = serviceOf({ 'b.isms': 'role r "R"', 'a.isms': '// first file' });
    const [action] = allActions(svc, 'soa-incomplete');
    assert.equal(action.title, 'Add 93 missing Annex A controls to the SoA as applicable (to decide)');
    const text = applied(svc, action)['a.isms'];
    assert.ok(text.startsWith(`// first file\n\n${stub('A.5.1')}\n\n`));
    assert.ok(text.endsWith(stub('A.8.34')));
    assertFixes(svc, action);
  });
});
