/**
 * The version of ISMS Studio, read from package.json once: the bundler puts
 * it in (`ISMS_VERSION`, scripts/build.mjs); unbundled (the compiled tests),
 * it is read from the package.json above this file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

declare const ISMS_VERSION: string | undefined;

export const VERSION: string = typeof ISMS_VERSION === 'string' ? ISMS_VERSION : versionFromPackage();

function versionFromPackage(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'isms-studio' && pkg.version) return pkg.version;
    } catch {
      // not here: look further up
    }
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}
