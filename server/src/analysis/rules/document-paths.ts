/**
 * How `document` and `evidence` values name files: a value is a relative file
 * path when it has no blanks, no URL scheme, is not absolute, and has a `/`
 * or a file extension. It is resolved against the folder of the `.isms` file
 * that holds it, and must stay inside the workspace folder.
 */
import * as path from 'node:path';

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
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), value.replace(/\\/g, '/')));
  if (joined === '..' || joined.startsWith('../') || path.posix.isAbsolute(joined)) return undefined;
  return joined;
}
