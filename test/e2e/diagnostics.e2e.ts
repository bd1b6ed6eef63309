/**
 * The language server's diagnostics as VS Code receives them
 * (`vscode.languages.getDiagnostics`): for examples/flawed/risks.isms, exactly
 * the codes that the example's comments announce, at the lines `isms check
 * examples/flawed --as-of 2026-11-27` reports (the workspace pins isms.asOf to
 * that date), with their severities, ranges and clause references.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, fileOf, showFile, waitForDiagnostics } from './helpers';

/** `code@line severity`, lines 1-based, in the file's order. */
const FLAWED_RISKS = [
  'duplicate-singleton@12 error',
  'acceptance-out-of-scale@15 error',
  'unknown-field@35 error',
  'duplicate-field@43 warning',
  'invalid-value@50 error',
  'missing-field@54 error',
  'missing-title@59 error',
  'duplicate-id@65 error',
  'wrong-reference-kind@72 error',
  'rating-out-of-scale@80 error',
  'risk-untreated@91 error',
  'risk-untreated@105 error',
  'acceptance-above-criteria@106 warning',
  'residual-risk-not-accepted@111 warning',
  'acceptor-not-owner@133 warning',
  'excluded-control-used@144 error',
  'unknown-reference@154 error',
  'risk-assessment-overdue@174 warning',
  'residual-exceeds-inherent@185 error',
  'missing-assessment-date@192 warning',
];

const SEVERITY: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function described(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return [...diagnostics]
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map((d) => `${codeOf(d)}@${d.range.start.line + 1} ${SEVERITY[d.severity]}`);
}

suite('diagnostics', () => {
  test('flawed/risks.isms: exact codes at exact lines reach vscode.languages.getDiagnostics', async () => {
    const uri = fileOf('flawed', 'risks.isms');
    const settled = waitForDiagnostics(uri, (ds) => JSON.stringify(described(ds)) === JSON.stringify(FLAWED_RISKS));
    const editor = await showFile(uri);
    const diagnostics = await settled;
    assert.deepEqual(described(diagnostics), FLAWED_RISKS);

    // The ranges cover what each finding is about.
    const text = (code: string) => editor.document.getText(diagnostics.find((d) => codeOf(d) === code)!.range);
    assert.equal(text('unknown-field'), 'clasification');
    assert.equal(text('invalid-value'), 'secret');
    assert.equal(text('wrong-reference-kind'), 'tms');
    assert.equal(text('rating-out-of-scale'), '7');
    assert.equal(text('acceptor-not-owner'), 'ops-manager');
    assert.equal(text('excluded-control-used'), 'A.7.4');
    assert.equal(text('unknown-reference'), 'custmer-portal');

    // The message is the finding alone; the code links to its documentation (which names the clause).
    const overdue = diagnostics.find((d) => codeOf(d) === 'risk-assessment-overdue')!;
    assert.equal(overdue.message, 'R-08 was last assessed on 2025-03-01; reassessment was due on 2026-03-01 (as of 2026-11-27)');
    assert.deepEqual(
      typeof overdue.code === 'object' ? [overdue.code.value, overdue.code.target.toString(true)] : overdue.code,
      ['risk-assessment-overdue', 'https://github.com/isms-studio/isms-studio/blob/main/docs/diagnostics.md#risk-assessment-overdue'],
    );
  });
});
