/**
 * `isms.export` with `{ format: 'xlsx', target }`: the workbook is written
 * where asked (no dialog), and reads back as an XLSX: a zip (read here with
 * Node alone: the central directory, and zlib for one entry) with the
 * workbook, its sheets and the clinic's controls in its shared strings.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import * as vscode from 'vscode';
import { codeOf, fileOf, SERVER_TIMEOUT_MS, waitForDiagnostics, withTimeout, workspaceFolder } from './helpers';

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localHeaderOffset: number;
}

/** The entries of a zip from its central directory (no zip64: a small file). */
function zipEntries(bytes: Buffer): ZipEntry[] {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  assert.ok(eocd >= 0, 'no end of central directory record');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, `no central directory header at ${at}`);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function zipText(bytes: Buffer, entry: ZipEntry): string {
  const at = entry.localHeaderOffset;
  assert.equal(bytes.readUInt32LE(at), 0x04034b50, `no local header for ${entry.name}`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  return (entry.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

suite('export', () => {
  // Made in suiteSetup, not when the suite is defined: a grep that skips the suite skips its teardown too.
  let dir = '';
  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isms-e2e-export-'));
  });
  suiteTeardown(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('isms.export writes the clinic as XLSX to the target, a zip with its sheets', async () => {
    const target = vscode.Uri.file(path.join(dir, 'clinic-soa.xlsx'));
    const clinic = workspaceFolder('clinic');
    const written = await withTimeout(
      vscode.commands.executeCommand<vscode.Uri | undefined>('isms.export', { format: 'xlsx', target, folderUri: clinic.uri }),
      SERVER_TIMEOUT_MS,
      'isms.export',
    );
    assert.ok(written instanceof vscode.Uri, `isms.export returned ${String(written)}`);
    assert.equal(written.toString(), target.toString());

    const bytes = fs.readFileSync(target.fsPath);
    assert.equal(bytes.toString('latin1', 0, 2), 'PK');
    const entries = zipEntries(bytes);
    const names = entries.map((e) => e.name);
    for (const name of ['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml']) {
      assert.ok(names.includes(name), `${name} is not in the workbook: ${names.join(', ')}`);
    }
    const workbook = zipText(bytes, entries.find((e) => e.name === 'xl/workbook.xml')!);
    assert.match(workbook, /<sheet [^>]*name="Statement of Applicability"/);
    assert.match(workbook, /<sheet [^>]*name="Risk register"/);
    const strings = zipText(bytes, entries.find((e) => e.name === 'xl/sharedStrings.xml')!);
    assert.ok(strings.includes('Policies for information security'), 'A.5.1 is not in the shared strings');
  });

  test('flawed has errors: isms.export does not write unless told to export a draft (issue 13)', async () => {
    const flawed = workspaceFolder('flawed');
    await waitForDiagnostics(fileOf('flawed', 'risks.isms'), (ds) => ds.some((d) => codeOf(d) === 'unknown-field'));
    const cancelled = vscode.Uri.file(path.join(dir, 'flawed-cancelled.md'));
    const none = await withTimeout(
      vscode.commands.executeCommand<vscode.Uri | undefined>('isms.export', { format: 'md', target: cancelled, folderUri: flawed.uri, ifErrors: 'cancel' }),
      SERVER_TIMEOUT_MS,
      'isms.export (cancel)',
    );
    assert.equal(none, undefined);
    assert.equal(fs.existsSync(cancelled.fsPath), false, 'a cancelled export wrote a file');

    const draft = vscode.Uri.file(path.join(dir, 'flawed-draft.md'));
    const written = await withTimeout(
      vscode.commands.executeCommand<vscode.Uri | undefined>('isms.export', { format: 'md', target: draft, folderUri: flawed.uri, ifErrors: 'draft' }),
      SERVER_TIMEOUT_MS,
      'isms.export (draft)',
    );
    assert.equal(written?.toString(), draft.toString());
    assert.match(fs.readFileSync(draft.fsPath, 'utf8'), /A\.8\.13/);
  });
});
