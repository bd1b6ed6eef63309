/** docs/diagnostics.md documents every code with the severity and clause the checker uses. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ALL_CODES, DIAGNOSTIC_CODES } from '../../../server/src/analysis/diagnostic-codes';

describe('docs/diagnostics.md', () => {
  const text = fs.readFileSync('docs/diagnostics.md', 'utf8');

  for (const code of ALL_CODES) {
    it(`documents ${code}`, () => {
      const section = text.split(/^### /m).find((part) => part.startsWith(`\`${code}\``));
      assert.ok(section, `no section for ${code}`);
      const info = DIAGNOSTIC_CODES[code];
      const [, severity, clause] = /\*\*Severity:\*\* (\w+)\. \*\*Clause:\*\* ([^\n]*)/.exec(section) ?? [];
      assert.equal(severity, info.severity);
      if (info.clause === null) assert.equal(clause, 'none.');
      else if (info.clause !== 'context') assert.ok(clause.startsWith(info.clause.replace('Amd', 'Amendment')), `${code}: ${clause} vs ${info.clause}`);
      assert.match(section, /```isms\n/, 'a failing example');
    });
  }
});
