/** Reads the mapping packs of `--mappings DIR` (every `*.tsv` directly in it) for the language service. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MappingPackText } from '../language-service';
import { describeError } from '../node-host/workspace-files';
import { displayPath } from './positioned';
import { UsageError } from './usage-error';

export function readMappingPacks(dir: string | undefined, cwd: string): MappingPackText[] {
  if (dir === undefined) return [];
  const folder = path.resolve(cwd, dir);
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter((name) => name.toLowerCase().endsWith('.tsv')).sort();
  } catch (error) {
    throw new UsageError(`cannot read the mappings folder '${dir}': ${describeError(error)}`);
  }
  // Regular files only: reading a FIFO would block.
  return names.flatMap((name) => {
    const file = path.join(folder, name);
    try {
      if (!fs.statSync(file).isFile()) return [];
      return [{ file: displayPath(file, cwd), text: fs.readFileSync(file, 'utf8') }];
    } catch (error) {
      throw new UsageError(`cannot read '${displayPath(file, cwd)}': ${describeError(error)}`);
    }
  });
}

/** The first problem of a malformed pack as one line (`file:line:column: message`), exit 2. */
export function rejectMalformedPacks(errors: readonly { file: string; line: number; column: number; message: string }[]): void {
  const first = errors[0];
  if (first) throw new UsageError(`${first.file}:${first.line}:${first.column}: malformed mapping pack: ${first.message}`);
}
