/** Issue 13: `isms.severity` lists the codes in the settings UI; commands are named as VS Code names them; the log lines. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DIAGNOSTIC_CODES } from '../../../server/src/analysis/diagnostic-codes';
import { severityUpdate } from '../../../client/src/severity-update';

const ROOT = join(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('client: settings and commands (issue 13)', () => {
  it('isms.severity has the diagnostic codes as properties, each an enum of the four severities with its default', () => {
    const severity = manifest.contributes.configuration.properties['isms.severity'];
    const properties = severity.properties as Record<string, { enum: string[]; markdownDescription: string }>;
    for (const [code, spec] of Object.entries(properties)) {
      assert.ok(code in DIAGNOSTIC_CODES, `${code} is no diagnostic code`);
      assert.deepEqual(spec.enum, ['error', 'warning', 'info', 'off']);
      assert.ok(spec.markdownDescription.includes(`Default: \`${DIAGNOSTIC_CODES[code as keyof typeof DIAGNOSTIC_CODES].severity}\``), code);
    }
    // Every code, so that a new check shows in the settings UI too.
    assert.deepEqual(Object.keys(properties).sort(), Object.keys(DIAGNOSTIC_CODES).sort());
    assert.deepEqual(properties['missing-internal-audit']!.markdownDescription, 'No internal audit. Default: `error` (ISO/IEC 27001:2022 9.2).');
    assert.deepEqual(severity.additionalProperties.enum, ['error', 'warning', 'info', 'off']);
  });

  it('names the commands as VS Code does', () => {
    const title = (id: string) => manifest.contributes.commands.find((c: { command: string }) => c.command === id)?.title;
    assert.equal(title('isms.restartServer'), 'Restart Language Server');
    assert.equal(title('isms.refreshViews'), 'Refresh Clauses, Risks, SoA and Frameworks Views');
    assert.equal(title('isms.configureSeverity'), 'Configure Diagnostic Severity…');
    assert.deepEqual(manifest.contributes.configuration.properties['isms.logLevel'].enum, ['info', 'debug']);
  });

  it('updates the severity setting: sets, replaces, and "default" removes a code', () => {
    assert.deepEqual(severityUpdate({}, 'missing-measurement', 'off'), { 'missing-measurement': 'off' });
    assert.deepEqual(severityUpdate({ 'risk-untreated': 'warning', 'missing-measurement': 'off' }, 'missing-measurement', 'info'), {
      'missing-measurement': 'info',
      'risk-untreated': 'warning',
    });
    assert.deepEqual(severityUpdate({ 'missing-measurement': 'off' }, 'missing-measurement', 'default'), {});
  });
});
