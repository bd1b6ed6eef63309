/**
 * "Caches in one place" (docs/architecture.md): every memo of the language
 * service lives in server/src/analysis/derived-data.ts. This test lists the
 * module-level state of grammar/src and server/src (a `let` at the top of a
 * module, an empty map or set, any weak map) and holds it to the few places
 * that are not caches of analysed data, each with its reason.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SOURCES = ['grammar/src', 'server/src'];
const STORE = 'server/src/analysis/derived-data.ts';

/** Module-level state that is not a memo of analysed data, by file and name. */
const ALLOWED: Readonly<Record<string, string>> = {
  // Built on first use so that a well-formed workspace never loads Chevrotain (the fast path parses it).
  'grammar/src/chevrotain-runtime.ts runtime': 'the Chevrotain module, required on first use',
  'grammar/src/tokens.ts defined': 'the token types, defined on first use',
  'grammar/src/lexer.ts lexer': 'the lexer, built on first use',
  'grammar/src/parser.ts instance': 'the parser, built on first use',
  'grammar/src/parser.ts argumentKindByIndex': 'a scratch array the parser reuses (reset at each parse)',
  // Indexes of the generated catalogue: constants, built on first use, never stale.
  'server/src/catalogue/frameworks.ts indexes': 'index of a shipped framework, on first use',
  'server/src/catalogue/frameworks.ts allFrameworks': 'the shipped frameworks, on first use',
  'server/src/catalogue/frameworks.ts byIsoId': 'the shipped requirements by ISO id, on first use',
  'server/src/catalogue/shipped-frameworks.ts shipped': 'the shipped frameworks as FrameworkInfo, on first use',
  // The process's heap policy (node-host), not data.
  'server/src/node-host/heap-policy.ts limited': 'whether the policy is set',
  'server/src/node-host/heap-policy.ts collect': 'the gc function',
  'server/src/node-host/heap-policy.ts floor': 'the resident size after the last collection',
};

const MODULE_LET = /^let\s+([A-Za-z_$][\w$]*)/;
const EMPTY_COLLECTION = /^(?:export\s+)?const\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*new\s+(?:Map|Set)\s*(?:<[^>]*>)?\(\s*\)/;
const WEAK = /^(?:export\s+)?(?:const|let)\s+([A-Za-z_$][\w$]*).*new\s+Weak(?:Map|Set|Ref)\b/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') ? [file] : [];
  });
}

/** `file name` for each module-level binding that can hold state. */
export function moduleState(file: string, text: string): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const match = MODULE_LET.exec(line) ?? EMPTY_COLLECTION.exec(line) ?? WEAK.exec(line);
    if (match) found.push(`${file} ${match[1]}`);
  }
  return found;
}

describe('architecture: caches in one place', () => {
  it('finds module-level state only where it is no memo of analysed data', () => {
    const state = SOURCES.flatMap(sourceFiles)
      .filter((file) => file !== STORE)
      .flatMap((file) => moduleState(file, fs.readFileSync(file, 'utf8')));
    assert.deepEqual(state.sort(), Object.keys(ALLOWED).sort());
  });

  it('catches a memo of a feature (the check itself)', () => {
    const memo = 'const memo = new WeakMap<object, Map<string, number>>();\n';
    assert.deepEqual(moduleState('server/src/features/x.ts', memo), ['server/src/features/x.ts memo']);
    assert.deepEqual(moduleState('x.ts', 'const seen = new Map<string, number>();\nlet last: string | undefined;\n'), ['x.ts seen', 'x.ts last']);
    // A constant table built from constants is no cache.
    assert.deepEqual(moduleState('x.ts', "const BY_ID: ReadonlyMap<string, number> = new Map([['a', 1]]);\n"), []);
  });
});
