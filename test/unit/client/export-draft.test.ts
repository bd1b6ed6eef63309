/**
 * Issue 13, false green 4: the editor's export command warns before writing
 * when the folder's `.isms` files have errors (a modal with the error count,
 * "Export as Draft" or cancel), and writes at once when they have none.
 * With the fake `vscode` (test/unit/client/fake-vscode.ts).
 */
import { strict as assert } from 'node:assert';

import { answer, installFakeVscode, type FakeHost } from './fake-vscode';

type ExportModule = typeof import('../../../client/src/export-commands');

interface FakeUri {
  readonly scheme: string;
  readonly authority: string;
  readonly path: string;
  toString(): string;
}

function uri(text: string): FakeUri {
  const url = new URL(text);
  return { scheme: url.protocol.replace(/:$/, ''), authority: url.host, path: decodeURIComponent(url.pathname), toString: () => text };
}

const ERROR = 0;
const WARNING = 1;

describe('client: the export command warns before writing an ISMS with errors (issue 13)', () => {
  let host: FakeHost;
  let exports: ExportModule;
  let warnings: unknown[][];
  let written: string[];
  let exported: string[];
  let choice: string | undefined;
  const folder = { uri: uri('file:///ws/flawed'), name: 'flawed', index: 0 };
  const target = uri('file:///tmp/out/soa.md');
  /** The server's count of the errors that make the SoA a draft; undefined: the server does not answer. */
  let soaErrors: number | undefined;
  const requests = {
    soaTable: () => Promise.resolve(soaErrors === undefined ? null : { errors: soaErrors }),
    export: (format: string, folderUri: string) => {
      exported.push(`${format} ${folderUri}`);
      return Promise.resolve({ format, encoding: 'utf8', content: '# SoA', fileName: 'soa.md' });
    },
  };

  function diagnostics(entries: [string, number[]][]): void {
    answer('vscode.languages.getDiagnostics', () => entries.map(([u, severities]) => [uri(u), severities.map((severity) => ({ severity }))]));
  }

  beforeEach(() => {
    host = installFakeVscode();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vscode = require('vscode') as Record<string, unknown>;
    vscode.DiagnosticSeverity = { Error: ERROR, Warning: WARNING, Information: 2, Hint: 3 };
    vscode.ProgressLocation = { Window: 10 };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exports = require('../../../client/src/export-commands') as ExportModule;
    warnings = [];
    written = [];
    exported = [];
    choice = undefined;
    soaErrors = undefined;
    answer('vscode.Uri.parse', (text: unknown) => uri(String(text)));
    answer('vscode.Uri.joinPath', (base: unknown, ...parts: unknown[]) => uri(`${String(base)}/${parts.join('/')}`));
    answer('vscode.workspace.getWorkspaceFolder', (u: unknown) => (String(u).startsWith('file:///ws/flawed') ? folder : undefined));
    answer('vscode.window.showWarningMessage', (...args: unknown[]) => {
      warnings.push(args);
      return Promise.resolve(choice);
    });
    answer('vscode.window.withProgress', (_options: unknown, task: unknown) => (task as () => unknown)());
    answer('vscode.workspace.fs.writeFile', (u: unknown, bytes: unknown) => {
      written.push(`${String(u)} ${Buffer.from(bytes as Uint8Array).toString('utf8')}`);
      return Promise.resolve();
    });
  });

  afterEach(() => host.restore());

  it('counts the errors of the folder’s .isms files only (not warnings, not other folders or languages)', () => {
    diagnostics([
      ['file:///ws/flawed/risks.isms', [ERROR, WARNING, ERROR]],
      ['file:///ws/flawed/soa.isms', [ERROR]],
      ['file:///ws/flawed/notes.md', [ERROR]],
      ['file:///ws/flawed-copy/risks.isms', [ERROR]],
      ['file:///ws/clinic/soa.isms', [ERROR, ERROR]],
    ]);
    assert.equal(exports.errorCount(uri('file:///ws/flawed') as never), 3);
    assert.equal(exports.errorCount(uri('file:///ws/clinic') as never), 2);
    assert.equal(exports.errorCount(uri('file:///ws/other') as never), 0);
  });

  it('asks with the error count before fetching or writing; cancel writes nothing', async () => {
    diagnostics([['file:///ws/flawed/risks.isms', [ERROR, ERROR, WARNING]], ['file:///ws/flawed/soa.isms', [ERROR]]]);
    choice = undefined; // the modal's Cancel
    const result = await exports.exportIsms(requests as never, { format: 'md', folderUri: 'file:///ws/flawed/risks.isms', target: target as never });
    assert.equal(result, undefined);
    assert.equal(warnings.length, 1);
    const [message, options, ...buttons] = warnings[0]!;
    assert.equal(message, 'flawed has 3 errors: export it anyway as a draft?');
    assert.equal((options as { modal: boolean }).modal, true);
    assert.match((options as { detail: string }).detail, /^An export of an ISMS with errors is not a final Statement of Applicability/);
    assert.deepEqual(buttons, ['Export as Draft']);
    assert.deepEqual(exported, [], 'nothing is exported');
    assert.deepEqual(written, [], 'nothing is written');
  });

  it('"Export as Draft" exports and writes', async () => {
    diagnostics([['file:///ws/flawed/soa.isms', [ERROR]]]);
    choice = exports.EXPORT_AS_DRAFT;
    const result = await exports.exportIsms(requests as never, { format: 'md', folderUri: 'file:///ws/flawed', target: target as never });
    assert.equal(String(result), 'file:///tmp/out/soa.md');
    assert.equal(warnings[0]![0], 'flawed has 1 error: export it anyway as a draft?');
    assert.deepEqual(exported, ['md file:///ws/flawed']);
    assert.deepEqual(written, ['file:///tmp/out/soa.md # SoA']);
  });

  it('without errors (warnings only) it writes without asking', async () => {
    diagnostics([['file:///ws/flawed/soa.isms', [WARNING, WARNING]]]);
    const result = await exports.exportIsms(requests as never, { format: 'md', folderUri: 'file:///ws/flawed', target: target as never });
    assert.equal(String(result), 'file:///tmp/out/soa.md');
    assert.deepEqual(warnings, []);
    assert.deepEqual(written, ['file:///tmp/out/soa.md # SoA']);
  });

  it('ifErrors answers for programmatic callers: draft writes, cancel does not, neither asks', async () => {
    diagnostics([['file:///ws/flawed/soa.isms', [ERROR]]]);
    assert.equal(await exports.exportIsms(requests as never, { format: 'md', folderUri: 'file:///ws/flawed', target: target as never, ifErrors: 'cancel' }), undefined);
    assert.deepEqual(written, []);
    const result = await exports.exportIsms(requests as never, { format: 'md', folderUri: 'file:///ws/flawed', target: target as never, ifErrors: 'draft' });
    assert.equal(String(result), 'file:///tmp/out/soa.md');
    assert.deepEqual(warnings, []);
    assert.deepEqual(written, ['file:///tmp/out/soa.md # SoA']);
  });

  it('counts the errors that make the SoA a draft, also those isms.severity hides from the Problems panel', async () => {
    // The server counts 2 errors at their standard severities; the Problems panel shows one (the other is off).
    diagnostics([['file:///ws/flawed/soa.isms', [ERROR, WARNING]]]);
    soaErrors = 2;
    const result = await exports.exportIsms(requests as never, { format: 'md', folderUri: 'file:///ws/flawed', target: target as never });
    assert.equal(result, undefined);
    const [message, options] = warnings[0]!;
    assert.equal(message, 'flawed has 2 errors: export it anyway as a draft?');
    assert.match((options as { detail: string }).detail, /Fix them first \(1 of them is hidden from the Problems panel \(by isms\.severity or an isms-ignore comment\), but not from an auditor\)/);
    // None shown at all: still asked.
    warnings = [];
    diagnostics([]);
    soaErrors = 1;
    await exports.exportIsms(requests as never, { format: 'md', folderUri: 'file:///ws/flawed', target: target as never });
    assert.equal(warnings[0]![0], 'flawed has 1 error: export it anyway as a draft?');
    assert.match((warnings[0]![1] as { detail: string }).detail, /Fix them first \(it is hidden from the Problems panel/);
    // The server says none: written without asking, as the export carries no draft banner
    // (a severity raised to error in the settings does not make the SoA a draft).
    warnings = [];
    diagnostics([['file:///ws/flawed/soa.isms', [ERROR]]]);
    soaErrors = 0;
    assert.equal(String(await exports.exportIsms(requests as never, { format: 'md', folderUri: 'file:///ws/flawed', target: target as never })), 'file:///tmp/out/soa.md');
    assert.deepEqual(warnings, []);
  });

  it('the draft warning’s text', () => {
    assert.deepEqual(exports.draftWarning('clinic', 2).message, 'clinic has 2 errors: export it anyway as a draft?');
    assert.deepEqual(exports.draftWarning('clinic', 1).message, 'clinic has 1 error: export it anyway as a draft?');
  });
});
