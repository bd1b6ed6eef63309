/**
 * Diagnostics name their clause once (issue 13, Messages): the CLI shows it as `[9.2.2]` and the editor
 * carries it in the diagnostic's data and codeDescription, so no message repeats it in parentheses.
 */
import * as assert from 'node:assert/strict';
import { runCli } from '../../helpers/run-cli';

interface JsonDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly clause?: string | null;
  readonly message: string;
}

describe('messages name their clause once', () => {
  for (const folder of ['examples/flawed', 'examples/flawed-no-organization', 'examples/flawed-policies']) {
    it(`no message of ${folder} repeats its own clause in parentheses`, () => {
      const run = runCli(['check', folder, '--format', 'json', '--as-of', '2026-11-27']);
      assert.equal(run.status, 1);
      const diagnostics: JsonDiagnostic[] = JSON.parse(run.stdout).diagnostics;
      const withClause = diagnostics.filter((d) => d.clause);
      assert.ok(withClause.length > 0, `${folder} has findings with a clause`);
      const repeating = withClause
        .filter((d) =>
          d.clause!.split(', ').some((part) => d.message.includes(`(${part})`) || d.message.includes(`, ${part})`)),
        )
        .map((d) => `${d.file}:${d.line} ${d.code} [${d.clause}]: ${d.message}`);
      assert.deepEqual(repeating, []);
    });
  }
});
