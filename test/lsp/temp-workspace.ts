/** A workspace folder on disk for server tests, from a multi-file fixture. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseFixture } from '../helpers/fixture';

export function tempWorkspace(fixtureText: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'isms-lsp-')));
  for (const [file, text] of parseFixture(fixtureText).files) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

export function copyFolder(from: string): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'isms-lsp-')));
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}
