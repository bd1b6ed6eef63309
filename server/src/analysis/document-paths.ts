/**
 * How `document` and `evidence` values name files: a value is a relative file
 * path when it has no blanks, no URL scheme, is not absolute, and has a `/`
 * or a file extension. It is resolved against the folder of the `.isms` file
 * that holds it, and must stay inside the workspace folder.
 *
 * Plain string logic on POSIX paths: the pure core does no I/O and imports no
 * `node:` module.
 */

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const EXTENSION = /\.[A-Za-z0-9]{1,5}$/;

export function isRelativeFilePath(value: string): boolean {
  if (value === '' || /\s/.test(value) || SCHEME.test(value)) return false;
  if (value.startsWith('/') || value.startsWith('\\') || value.startsWith('~')) return false;
  return value.includes('/') || value.includes('\\') || EXTENSION.test(value);
}

/**
 * The workspace-relative path (POSIX) a value names from a file, or
 * undefined when it leaves the workspace folder.
 */
export function resolveDocumentPath(fromFile: string, value: string): string | undefined {
  const relative = value.replace(/\\/g, '/');
  const joined = normalize(relative === '' ? dirname(fromFile) : `${dirname(fromFile)}/${relative}`);
  if (joined === '..' || joined.startsWith('../') || joined.startsWith('/')) return undefined;
  return joined;
}

/** `path.posix.dirname` for a relative path: `.` when it has no folder. */
function dirname(file: string): string {
  const slash = file.lastIndexOf('/');
  if (slash < 0) return '.';
  if (slash === 0) return '/';
  return file.slice(0, slash);
}

/** `path.posix.normalize`: `.` and empty segments dropped, `..` taken back where it can be, a trailing `/` kept. */
function normalize(file: string): string {
  if (file === '') return '.';
  const absolute = file.startsWith('/');
  const trailing = file.endsWith('/');
  const out: string[] = [];
  for (const segment of file.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(segment);
  }
  let result = (absolute ? '/' : '') + out.join('/');
  if (result === '') result = absolute ? '/' : '.';
  if (trailing && result !== '/') result += '/';
  return result;
}

/**
 * Why a value names a file outside any workspace, or undefined: an absolute
 * path, a `file:` URI, a `~` path, a drive path (`C:\…`, `C:/…`) or a UNC
 * path (`\\server\share`, `//server/share`).
 */
export function outsidePathKind(value: string): string | undefined {
  if (/^file:/i.test(value)) return 'a file: URI';
  if (/^[A-Za-z]:[\\/]/.test(value)) return 'a drive path';
  if (/^(\\\\|\/\/)[^\\/\s]+[\\/]/.test(value)) return 'a UNC path';
  if (/^~[A-Za-z0-9._-]*([\\/]|$)/.test(value) && !/\s/.test(value)) return 'a home-folder path';
  if (/^\/[^\s/]/.test(value) && !/\n/.test(value)) return 'an absolute path';
  return undefined;
}
