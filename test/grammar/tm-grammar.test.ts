/**
 * The TextMate grammar (syntaxes/isms.tmLanguage.json), run by the engine VS
 * Code uses:
 *
 * - golden token scopes for every example file and for focused samples
 *   (test/grammar/golden/<name>.isms → <name>.scopes.txt; the examples' go
 *   to golden/examples/<folder>/<name>.scopes.txt). `UPDATE_GOLDEN=1`
 *   rewrites them: review the diff before committing;
 * - targeted assertions on what the grammar must get right (keywords are not
 *   reserved, so position decides: a kind only at the start of a top-level
 *   line, a field only at the start of a line in a block);
 * - agreement with the schema: every kind, field and enum value, and with the
 *   catalogue: all 93 Annex A ids and the 2013 ones.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import { ANNEX_A_IDS } from '../../server/src/catalogue/annex-a';
import { LEGACY_2013_MAPPINGS } from '../../server/src/catalogue/legacy-2013';
import { KINDS } from '../../server/src/schema';
import { expectGolden } from '../helpers/golden';
import { GRAMMAR_PATH, loadGrammar, renderTokens, tokenizeText, type ScopedToken } from './textmate';

const GOLDEN = path.join('test', 'grammar', 'golden');
const EXAMPLES = 'examples';

const KIND = 'keyword.other.kind.isms';
const ID = 'entity.name.tag.isms';
const FIELD = 'support.type.property-name.isms';
const REFERENCE = 'variable.other.reference.isms';
const ENUM = 'constant.language.isms';
const ANNEX = 'support.constant.annex-control.isms';
const LEGACY = 'invalid.deprecated.legacy-annex-control.isms';
const UNKNOWN_ANNEX = 'invalid.illegal.unknown-annex-control.isms';
const TEXT_BLOCK = 'string.quoted.triple.isms';
const STRING = 'string.quoted.double.isms';

/** The focused samples: test/grammar/golden/*.isms. */
function samples(): string[] {
  return fs
    .readdirSync(GOLDEN)
    .filter((name) => name.endsWith('.isms'))
    .sort();
}

/** The example files: examples/<folder>/*.isms. */
function exampleFiles(): string[] {
  const files: string[] = [];
  for (const folder of fs.readdirSync(EXAMPLES).sort()) {
    const dir = path.join(EXAMPLES, folder);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) if (name.endsWith('.isms')) files.push(path.join(dir, name));
  }
  return files;
}

function exampleGolden(file: string): string {
  return path.join(GOLDEN, file.replace(/\.isms$/, '.scopes.txt'));
}

let grammar: IGrammar;

function tokens(text: string): ScopedToken[] {
  return tokenizeText(grammar, text);
}

/** The `occurrence`-th token (0-based) with this text on this 1-based line. */
function tokenAt(all: readonly ScopedToken[], line: number, text: string, occurrence = 0): ScopedToken {
  const found = all.filter((token) => token.line === line && token.text === text);
  assert.ok(found.length > occurrence, `no token ${JSON.stringify(text)} (#${occurrence}) on line ${line}: ${JSON.stringify(all.filter((t) => t.line === line))}`);
  return found[occurrence];
}

function assertScope(token: ScopedToken, scope: string): void {
  assert.ok(token.scopes.includes(scope), `${token.line}:${token.column} ${JSON.stringify(token.text)} has ${token.scopes.join(' ')}, not ${scope}`);
}

function assertNoScope(token: ScopedToken, scope: string): void {
  assert.ok(!token.scopes.includes(scope), `${token.line}:${token.column} ${JSON.stringify(token.text)} has ${scope}`);
}

/** The innermost scope of a token. */
function innermost(token: ScopedToken): string | undefined {
  return token.scopes[token.scopes.length - 1];
}

describe('TextMate grammar', () => {
  before(async () => {
    grammar = await loadGrammar();
  });

  describe('golden token scopes', () => {
    for (const sample of samples()) {
      it(`focused sample ${sample}`, () => {
        const text = fs.readFileSync(path.join(GOLDEN, sample), 'utf8');
        expectGolden(path.join(GOLDEN, sample.replace(/\.isms$/, '.scopes.txt')), renderTokens(tokens(text)));
      });
    }

    for (const file of exampleFiles()) {
      it(`example ${file}`, () => {
        const golden = exampleGolden(file);
        if (process.env.UPDATE_GOLDEN) fs.mkdirSync(path.dirname(golden), { recursive: true });
        expectGolden(golden, renderTokens(tokens(fs.readFileSync(file, 'utf8'))));
      });
    }

    it('has no golden file without its source', () => {
      const expected = new Set([
        ...samples().map((sample) => path.join(GOLDEN, sample.replace(/\.isms$/, '.scopes.txt'))),
        ...exampleFiles().map(exampleGolden),
      ]);
      const stale: string[] = [];
      const walk = (dir: string): void => {
        for (const name of fs.readdirSync(dir)) {
          const file = path.join(dir, name);
          if (fs.statSync(file).isDirectory()) walk(file);
          else if (name.endsWith('.scopes.txt') && !expected.has(file)) stale.push(file);
        }
      };
      walk(GOLDEN);
      assert.deepEqual(stale, []);
    });
  });

  describe('positions decide meaning (keywords are not reserved)', () => {
    it('gives A.8.13 in `controls A.8.7, A.8.13` the Annex A scope', () => {
      const all = tokens('risk R-1 "Ransomware" {\n  controls A.8.7, A.8.13\n}\n');
      assertScope(tokenAt(all, 2, 'A.8.7'), ANNEX);
      assertScope(tokenAt(all, 2, 'A.8.13'), ANNEX);
      assertScope(tokenAt(all, 2, ','), 'punctuation.separator.comma.isms');
      assertScope(tokenAt(all, 2, 'controls'), FIELD);
    });

    it('makes `owner` a field at the start of a line in a block, an id after a kind, and a reference as a value', () => {
      const all = tokens('role owner "Owner" {\n  holder "Someone"\n}\n\nasset crm "CRM" {\n  owner owner\n}\n');
      assertScope(tokenAt(all, 1, 'role'), KIND);
      assertScope(tokenAt(all, 1, 'owner'), ID);
      assertNoScope(tokenAt(all, 1, 'owner'), KIND);
      assertScope(tokenAt(all, 6, 'owner', 0), FIELD);
      assertScope(tokenAt(all, 6, 'owner', 1), REFERENCE);
      assertNoScope(tokenAt(all, 6, 'owner', 1), FIELD);
    });

    it('makes `risk` a kind only at the start of a top-level line', () => {
      const all = tokens('risk R-1 "A" {\n  owner risk\n  risk x\n}\nrisk R-2 "B"\n');
      assertScope(tokenAt(all, 1, 'risk'), KIND);
      assertScope(tokenAt(all, 2, 'risk'), REFERENCE);
      assertScope(tokenAt(all, 3, 'risk'), FIELD);
      assertNoScope(tokenAt(all, 3, 'risk'), KIND);
      assertScope(tokenAt(all, 5, 'risk'), KIND);
    });

    it('makes `scope` a kind at top level and a field in an audit', () => {
      const all = tokens('scope {\n  statement "S"\n}\naudit IA-1 "A" {\n  scope "Clauses 4 to 10"\n}\n');
      assertScope(tokenAt(all, 1, 'scope'), KIND);
      assertScope(tokenAt(all, 5, 'scope'), FIELD);
    });

    it('reports a top-level statement that is no kind, and still tags its id', () => {
      const all = tokens('vendor van-hire "Acme Van Hire" {\n  contract "Fuel cards"\n}\n');
      assertScope(tokenAt(all, 1, 'vendor'), 'invalid.illegal.unknown-statement.isms');
      assertScope(tokenAt(all, 1, 'van-hire'), ID);
      assertScope(tokenAt(all, 2, 'contract'), FIELD);
    });

    it('does not take a kind for the start of a longer name', () => {
      const all = tokens('risks R-1 "x"\nrisk.x R-2 "y"\nrisk-criteria {\n}\n');
      assertNoScope(tokenAt(all, 1, 'risks'), KIND);
      assertNoScope(tokenAt(all, 2, 'risk.x'), KIND);
      assertScope(tokenAt(all, 3, 'risk-criteria'), KIND);
    });

    it('colours enum values only in the fields that take them', () => {
      const all = tokens('role yes "Yes" {\n  top-management yes\n}\nrisk R-1 "R" {\n  accepted-by yes\n  treatment mitigate\n}\n');
      assertScope(tokenAt(all, 1, 'yes'), ID);
      assertScope(tokenAt(all, 2, 'yes'), ENUM);
      assertScope(tokenAt(all, 5, 'yes'), REFERENCE);
      assertNoScope(tokenAt(all, 5, 'yes'), ENUM);
      assertScope(tokenAt(all, 6, 'mitigate'), ENUM);
    });

    it('continues a list after a line-ending comma, over comments and blank lines', () => {
      const all = tokens('risk R-1 "R" {\n  controls A.8.7, // more below\n\n    // still the list\n    A.8.13, owner\n  owner cto\n}\n');
      assertScope(tokenAt(all, 5, 'A.8.13'), ANNEX);
      assertNoScope(tokenAt(all, 5, 'A.8.13'), FIELD);
      assertScope(tokenAt(all, 5, 'owner'), REFERENCE);
      assertScope(tokenAt(all, 4, '//'), 'comment.line.double-slash.isms');
      assertScope(tokenAt(all, 6, 'owner'), FIELD);
    });

    it('lets `"""` text blocks span lines, names inside them being text', () => {
      const all = tokens('scope {\n  statement """\n    owner cto\n    risk R-1 "x" {\n  """\n  includes "x"\n}\nrisk R-1 "y"\n');
      assertScope(tokenAt(all, 2, '"""'), TEXT_BLOCK);
      for (const line of [3, 4]) {
        const onLine = all.filter((token) => token.line === line);
        assert.equal(onLine.length, 1, `line ${line} is one token`);
        assertScope(onLine[0], TEXT_BLOCK);
        assertNoScope(onLine[0], FIELD);
      }
      assertScope(tokenAt(all, 5, '"""'), 'punctuation.definition.string.end.isms');
      assertScope(tokenAt(all, 6, 'includes'), FIELD);
      assertNoScope(tokenAt(all, 6, 'includes'), TEXT_BLOCK);
      assertScope(tokenAt(all, 8, 'risk'), KIND);
    });

    it('lets block comments span lines, and leaves comment markers in strings alone', () => {
      const all = tokens('/* one\n   risk R-1 "x" {\n*/ risk R-2 "y" {\n  holder "a // b /* c */"\n}\n');
      assertScope(tokenAt(all, 2, '   risk R-1 "x" {'), 'comment.block.isms');
      assertScope(tokenAt(all, 3, 'risk'), KIND);
      assertScope(tokenAt(all, 4, 'a // b /* c */'), STRING);
      assertNoScope(tokenAt(all, 4, 'a // b /* c */'), 'comment.line.double-slash.isms');
    });

    it('tells valid escapes from invalid ones, and ends an unterminated string at the line end', () => {
      const all = tokens('risk R-1 "a \\" b \\\\ c \\n d \\t e \\q" {\n  threat "open\n  owner cto\n}\n');
      for (const escape of ['\\"', '\\\\', '\\n', '\\t']) assertScope(tokenAt(all, 1, escape), 'constant.character.escape.isms');
      assertScope(tokenAt(all, 1, '\\q'), 'invalid.illegal.unknown-escape.isms');
      assertScope(tokenAt(all, 3, 'owner'), FIELD);
    });

    it('scopes dates, durations with their unit, percents and numbers', () => {
      const all = tokens('measurement M-1 "M" {\n  date 2026-01-15\n  frequency 12 months\n  result 95%\n  other 4.5\n}\n');
      assertScope(tokenAt(all, 2, '2026-01-15'), 'constant.other.date.isms');
      assertScope(tokenAt(all, 3, '12 '), 'constant.numeric.duration.isms');
      assertScope(tokenAt(all, 3, 'months'), 'keyword.other.unit.isms');
      assertScope(tokenAt(all, 4, '95'), 'constant.numeric.percent.isms');
      assertScope(tokenAt(all, 4, '%'), 'keyword.other.unit.percent.isms');
      assertScope(tokenAt(all, 5, '4.5'), 'constant.numeric.isms');
    });

    it('tracks nested braces: fields inside, kinds again after the outer block closes', () => {
      const all = tokens('control A.5.1 {\n  outer x {\n    inner {\n      deep 1\n    }\n    after y\n  }\n  status planned\n}\nrisk R-1 "x"\n');
      assertScope(tokenAt(all, 1, '{'), 'punctuation.section.block.begin.isms');
      assertScope(tokenAt(all, 4, 'deep'), FIELD);
      assert.equal(tokenAt(all, 4, 'deep').scopes.filter((scope) => scope === 'meta.block.isms').length, 3);
      assertScope(tokenAt(all, 6, 'after'), FIELD);
      assertScope(tokenAt(all, 8, 'status'), FIELD);
      assertScope(tokenAt(all, 8, 'planned'), ENUM);
      assertScope(tokenAt(all, 9, '}'), 'punctuation.section.block.end.isms');
      assertScope(tokenAt(all, 10, 'risk'), KIND);
    });

    it('marks a closing brace with no block open', () => {
      const all = tokens('}\nrisk R-1 "x"\n');
      assertScope(tokenAt(all, 1, '}'), 'invalid.illegal.stray-brace.isms');
      assertScope(tokenAt(all, 2, 'risk'), KIND);
    });
  });

  describe('agreement with the schema and the catalogue', () => {
    it('has the scope name source.isms', () => {
      const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as { scopeName: string };
      assert.equal(raw.scopeName, 'source.isms');
    });

    it('lists exactly the kinds of the schema', () => {
      const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as { repository: { statement: { begin: string } } };
      const match = /\(\?:\(([a-z|-]+)\)\|/.exec(raw.repository.statement.begin);
      assert.ok(match, 'the statement rule starts with the alternation of the kinds');
      assert.deepEqual(match[1].split('|').sort(), KINDS.map((spec) => spec.kind).sort());
    });

    for (const spec of KINDS) {
      it(`scopes the kind ${spec.kind}, its id and every one of its fields`, () => {
        const fields = spec.fields.map((field) => `  ${field.name} x`).join('\n');
        const all = tokens(`${spec.kind} some-id "Title" {\n${fields}\n}\n`);
        assert.deepEqual(tokenAt(all, 1, spec.kind).scopes, ['meta.statement.isms', KIND]);
        assertScope(tokenAt(all, 1, 'some-id'), ID);
        spec.fields.forEach((field, i) => assert.equal(innermost(tokenAt(all, i + 2, field.name)), FIELD, field.name));
      });
    }

    for (const spec of KINDS) {
      for (const field of spec.fields) {
        for (const type of field.types) {
          if (type.kind !== 'enum') continue;
          it(`colours the values of ${spec.kind}.${field.name}: ${type.values.join(', ')}`, () => {
            const lines = type.values.map((value) => `  ${field.name} ${value}`).join('\n');
            const all = tokens(`${spec.kind} x "T" {\n${lines}\n  holder ${type.values.join(', ')}\n}\n`);
            type.values.forEach((value, i) => assert.equal(innermost(tokenAt(all, i + 2, value)), ENUM, value));
            // In a field that takes no enum, the same words are references.
            for (const value of type.values) assert.equal(innermost(tokenAt(all, type.values.length + 2, value)), REFERENCE, value);
          });
        }
      }
    }

    it('gives all 93 Annex A ids of ISO/IEC 27001:2022 the Annex A scope, as references and in heads', () => {
      assert.equal(ANNEX_A_IDS.length, 93);
      const all = tokens(`risk R-1 "x" {\n  controls ${ANNEX_A_IDS.join(', ')}\n}\n${ANNEX_A_IDS.map((id) => `control ${id} {\n}`).join('\n')}\n`);
      for (const id of ANNEX_A_IDS) assert.equal(innermost(tokenAt(all, 2, id)), ANNEX, id);
      ANNEX_A_IDS.forEach((id, i) => {
        const token = tokenAt(all, 4 + 2 * i, id);
        assertScope(token, ID);
        assert.equal(innermost(token), ANNEX, id);
      });
    });

    it('marks the 114 ids of ISO/IEC 27001:2013 as legacy', () => {
      assert.equal(LEGACY_2013_MAPPINGS.length, 114);
      const ids = LEGACY_2013_MAPPINGS.map((mapping) => mapping.id2013);
      const all = tokens(`risk R-1 "x" {\n  controls ${ids.join(', ')}\n}\n`);
      for (const id of ids) assert.equal(innermost(tokenAt(all, 2, id)), LEGACY, id);
    });

    it('marks other ids of the Annex A shape as unknown, and leaves longer names alone', () => {
      const unknown = ['A.5.0', 'A.5.38', 'A.6.0', 'A.6.9', 'A.7.15', 'A.8.35', 'A.4.1', 'A.9.1', 'A.5.01', 'A.5.1.1.1'];
      const names = ['A.5.1x', 'A.5.1-b', 'A.5', 'A.8.13_x', 'B.5.1', 'xA.5.1'];
      const all = tokens(`risk R-1 "x" {\n  controls ${unknown.join(', ')}\n  controls ${names.join(', ')}\n}\n`);
      for (const id of unknown) assert.equal(innermost(tokenAt(all, 2, id)), UNKNOWN_ANNEX, id);
      for (const name of names) assert.equal(innermost(tokenAt(all, 3, name)), REFERENCE, name);
    });
  });
});
