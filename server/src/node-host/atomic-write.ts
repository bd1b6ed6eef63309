/**
 * Writing a file so that it is never seen half-written (issue 14): the data
 * goes to a temporary file in the same folder, is flushed to disk (fsync) and
 * renamed over the target, which keeps its mode. Writing through a link
 * writes its target (the link stays a link), but only when the target is
 * inside `realRoot`, when given; `expected`: the bytes the file must still
 * hold (it was read, then changed on disk: it is not replaced).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInside } from './workspace-files';

export interface AtomicWriteOptions {
  /** The real path of the folder that a link being written through must stay in. */
  readonly realRoot?: string;
  /** The bytes the file must still hold just before it is replaced. */
  readonly expected?: Uint8Array;
}

function failure(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

export function writeFileAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  let real: string;
  let isLink = false;
  try {
    isLink = fs.lstatSync(target).isSymbolicLink();
    real = fs.realpathSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    if (isLink) throw failure('EBROKENLINK', 'a broken link');
    real = path.join(fs.realpathSync(path.dirname(target)), path.basename(target));
  }
  if (isLink && options.realRoot !== undefined && !isInside(options.realRoot, real)) throw failure('EOUTSIDE', 'a link to a file outside the workspace folder');
  let mode: number | undefined;
  try {
    const stat = fs.statSync(real);
    if (!stat.isFile()) throw failure('ENOTFILE', 'not a regular file');
    mode = stat.mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const folder = path.dirname(real);
  const temp = path.join(folder, `.${path.basename(real)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fd = fs.openSync(temp, 'wx', mode ?? 0o666);
  try {
    try {
      let written = 0;
      while (written < bytes.length) written += fs.writeSync(fd, bytes, written, bytes.length - written);
      if (mode !== undefined) fs.fchmodSync(fd, mode);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (options.expected !== undefined) {
      let now: Buffer | undefined;
      try {
        now = fs.readFileSync(real);
      } catch {
        now = undefined;
      }
      if (now === undefined || !now.equals(options.expected)) throw failure('ECHANGED', 'it changed on disk while it was being formatted; it was not rewritten');
    }
    fs.renameSync(temp, real);
  } catch (error) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // Already renamed or never created.
    }
    throw error;
  }
  try {
    const dir = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  } catch {
    // Some file systems cannot fsync a folder: the rename is done all the same.
  }
}
