/** Inline suppressions (LANGUAGE.md §7.7), as the analysis applies them for the CLI and the server alike. */
import * as assert from 'node:assert/strict';
import { createLanguageService, type LanguageService } from '../../../server/src/language-service';
import { renderDiagnostic } from '../../helpers/render';

const ORGANIZATION = ['organization "Acme Cloud Ltd" {', '  top-management ceo', '  climate-change not-relevant', '}', ''];
const CEO = ['role ceo "Chief Executive" {', '  top-management yes', '}', ''];

function service(files: Record<string, string[]>, severities = {}): LanguageService {
  const s = createLanguageService({ asOf: '2026-11-27', severities });
  for (const [file, lines] of Object.entries(files)) s.setFile(file, lines.join('\n'));
  return s;
}

function codes(s: LanguageService): string[] {
  return s.diagnostics().map((d) => d.code);
}

function suppressed(s: LanguageService): string[] {
  return s.analysis().suppressed.map((f) => `${renderDiagnostic(s, f.diagnostic)} | ${f.reason}`);
}

describe('suppressions', () => {
  it('suppresses whole-ISMS findings from before the organization head, each code it names', () => {
    const s = service({ 'a.isms': ['// isms-ignore missing-scope, missing-objectives: kept in the group ISMS', ...ORGANIZATION, ...CEO] });
    assert.ok(!codes(s).includes('missing-scope'));
    assert.ok(!codes(s).includes('missing-objectives'));
    assert.ok(codes(s).includes('missing-policy'), 'a code not named stays');
    assert.deepEqual(
      s.analysis().suppressed.map((f) => [renderDiagnostic(s, f.diagnostic).split(':').slice(0, 3).join(':'), f.diagnostic.code, f.reason, f.suppression.start]),
      [
        ['a.isms:2:1-2', 'missing-objectives', 'kept in the group ISMS', 0],
        ['a.isms:2:1-2', 'missing-scope', 'kept in the group ISMS', 0],
      ],
    );
    assert.ok(!codes(s).includes('unused-suppression'));
  });

  it('skips blank lines and comment lines (line or block) between the comment and its line', () => {
    const s = service({
      'a.isms': [
        ...CEO,
        'policy p "P" {',
        '  approved-by ceo',
        '  approved 2025-01-01',
        '  // isms-ignore review-overdue: board meets in December',
        '',
        '  // owner to confirm',
        '  /* agreed',
        '     with the auditor */',
        '  next-review 2026-01-01',
        '}',
      ],
    });
    assert.deepEqual(suppressed(s).filter((line) => line.includes('review-overdue')), [
      'a.isms:13:15-13:25 warning review-overdue: the review of p was due on 2026-01-01 (as of 2026-11-27) | board meets in December',
    ]);
  });

  it('matches on the line where the range starts, not the entity: a head finding needs the comment above the head', () => {
    const inside = service({ 'a.isms': [...CEO, 'role cto "CTO" {', '  // isms-ignore missing-competence-evidence: certificate on its way', '  responsibilities "Runs it"', '}'] });
    assert.ok(codes(inside).includes('missing-competence-evidence'));
    assert.ok(codes(inside).includes('unused-suppression'));
    const above = service({ 'a.isms': [...CEO, '// isms-ignore missing-competence-evidence: certificate on its way', 'role cto "CTO" {', '  responsibilities "Runs it"', '}'] });
    assert.ok(!codes(above).includes('missing-competence-evidence'));
    assert.ok(!codes(above).includes('unused-suppression'));
    assert.equal(above.analysis().suppressed.length, 1);
  });

  it('without a reason suppresses nothing; a blank reason is no reason', () => {
    for (const comment of ['// isms-ignore missing-competence-evidence', '// isms-ignore missing-competence-evidence:   ']) {
      const s = service({ 'a.isms': [...CEO, comment, 'role cto "CTO" {', '  responsibilities "Runs it"', '}'] });
      assert.deepEqual(
        s.diagnostics().filter((d) => d.code === 'suppression-without-reason' || d.code === 'missing-competence-evidence').map((d) => renderDiagnostic(s, d)),
        [
          `a.isms:5:1-5:${comment.length + 1} warning suppression-without-reason: this suppression has no reason, so it suppresses nothing: write '// isms-ignore missing-competence-evidence: reason'`,
          'a.isms:6:1-6:15 warning missing-competence-evidence: role cto has responsibilities but no competence-evidence',
        ],
      );
      assert.deepEqual(s.analysis().suppressed, []);
    }
  });

  it('takes a placeholder reason (TODO, TBD, FIXME, XXX, ?, …) for no reason', () => {
    for (const reason of ['TODO', 'todo: ask the auditor', 'TBD', 'FIXME later', 'XXX', '?', '…']) {
      const s = service({ 'a.isms': [...CEO, `// isms-ignore missing-competence-evidence: ${reason}`, 'role cto "CTO" {', '  responsibilities "Runs it"', '}'] });
      assert.ok(codes(s).includes('missing-competence-evidence'), reason);
      const problem = s.diagnostics().find((d) => d.code === 'suppression-without-reason');
      assert.ok(problem, reason);
      assert.match(problem.message, /^this suppression gives a placeholder \('.*'\) for its reason, so it suppresses nothing/);
    }
    const real = service({ 'a.isms': [...CEO, '// isms-ignore missing-competence-evidence: Todorov certificate pending', 'role cto "CTO" {', '  responsibilities "Runs it"', '}'] });
    assert.ok(!codes(real).includes('missing-competence-evidence'), 'a word that starts like a placeholder is a reason');
  });

  it('reports each unused code on the code itself, and a comment with no code', () => {
    const s = service({ 'a.isms': [...CEO, '// isms-ignore missing-competence-evidence, no-such-code: why not', 'role cto "CTO" {', '  responsibilities "Runs it"', '}', '// isms-ignore: nothing named'] });
    assert.deepEqual(
      s.diagnostics().filter((d) => d.code === 'unused-suppression').map((d) => renderDiagnostic(s, d)),
      [
        "a.isms:5:45-5:57 warning unused-suppression: unused suppression of 'no-such-code': no no-such-code finding starts on the next line",
        'a.isms:9:1-9:30 warning unused-suppression: this suppression names no diagnostic code, so it suppresses nothing',
      ],
    );
  });

  it('is not a suppression unless the comment starts with isms-ignore', () => {
    const s = service({ 'a.isms': [...CEO, '// see isms-ignore missing-competence-evidence: no', '// isms-ignored missing-competence-evidence: no', 'role cto "CTO" {', '  responsibilities "Runs it"', '}'] });
    assert.ok(codes(s).includes('missing-competence-evidence'));
    assert.ok(!codes(s).some((c) => c === 'unused-suppression' || c === 'suppression-without-reason'));
  });

  it('holds with CRLF line ends', () => {
    const s = createLanguageService({ asOf: '2026-11-27' });
    s.setFile('a.isms', [...CEO, '// isms-ignore missing-competence-evidence: on its way', 'role cto "CTO" {', '  responsibilities "Runs it"', '}'].join('\r\n'));
    assert.ok(!codes(s).includes('missing-competence-evidence'));
    assert.equal(s.analysis().suppressed.length, 1);
  });

  it('applies before severities: a code turned off is neither shown nor listed, and its suppression is not unused', () => {
    const lines = [...CEO, '// isms-ignore missing-competence-evidence: on its way', 'role cto "CTO" {', '  responsibilities "Runs it"', '}'];
    const off = service({ 'a.isms': lines }, { 'missing-competence-evidence': 'off' });
    assert.deepEqual(off.analysis().suppressed, []);
    assert.ok(!codes(off).includes('unused-suppression'));
    const raised = service({ 'a.isms': lines }, { 'missing-competence-evidence': 'error' });
    assert.ok(!codes(raised).includes('missing-competence-evidence'));
    const quiet = service({ 'a.isms': ['// isms-ignore missing-scope: x', ...ORGANIZATION, '// isms-ignore nothing-here: x', ...CEO] }, { 'unused-suppression': 'off' });
    assert.ok(!codes(quiet).includes('unused-suppression'));
  });

  it('follows edits of a live workspace (the language server): adding the reason suppresses, removing the line unsuppresses', () => {
    const s = createLanguageService({ asOf: '2026-11-27' });
    const lines = [...CEO, '// isms-ignore missing-competence-evidence', 'role cto "CTO" {', '  responsibilities "Runs it"', '}'];
    s.setFile('a.isms', lines.join('\n'));
    assert.ok(codes(s).includes('missing-competence-evidence'));
    lines[4] = '// isms-ignore missing-competence-evidence: certificate on its way';
    s.setFile('a.isms', lines.join('\n'));
    assert.ok(!codes(s).includes('missing-competence-evidence'));
    assert.deepEqual(s.analysis().suppressed.map((f) => f.reason), ['certificate on its way']);
    lines.splice(5, 0, 'role cfo "CFO" {', '}');
    s.setFile('a.isms', lines.join('\n'));
    assert.ok(codes(s).includes('missing-competence-evidence'), 'the comment now stands above another role');
    assert.ok(codes(s).includes('unused-suppression'));
  });
});
