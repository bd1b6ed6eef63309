/**
 * snippets/isms.code-snippets: generated from the schema and up to date,
 * one snippet per kind, and every snippet — with its placeholders replaced
 * by their defaults — is valid ISMS text. The starter ISMS analyses with no
 * finding but `soa-incomplete` (its SoA has one control of 93).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parse } from '../../grammar/src';
import { ANNEX_A_IDS } from '../../server/src/catalogue/annex-a';
import { createLanguageService } from '../../server/src/language-service';
import { KINDS } from '../../server/src/schema';
import { buildSnippets, generateSnippets, generateVscodeSnippets, SNIPPETS_PATH, VSCODE_SNIPPETS_PATH, type Snippet } from '../../scripts/generate-snippets';

const AS_OF = '2026-11-27';

/** VS Code's snippet variables that the snippets use, filled in as on the as-of date. */
const VARIABLES: Readonly<Record<string, string>> = {
  CURRENT_YEAR: AS_OF.slice(0, 4),
  CURRENT_MONTH: AS_OF.slice(5, 7),
  CURRENT_DATE: AS_OF.slice(8, 10),
};

/**
 * The text a snippet inserts when every placeholder keeps its default
 * (`${1:x}` → x, `${1|a,b|}` → a, `$1`/`$0` → nothing, variables from
 * {@link VARIABLES}). Throws on malformed snippet syntax or an unknown variable.
 */
function expandSnippet(body: string): string {
  let pos = 0;

  const fail = (message: string): never => {
    throw new Error(`${message} at ${pos} in ${JSON.stringify(body)}`);
  };

  /** Text up to an unescaped `}` (when nested) or the end. */
  function sequence(nested: boolean): string {
    let out = '';
    while (pos < body.length) {
      const c = body[pos];
      if (c === '\\' && pos + 1 < body.length && '$}\\'.includes(body[pos + 1])) {
        out += body[pos + 1];
        pos += 2;
      } else if (c === '$') {
        out += dollar();
      } else if (c === '}' && nested) {
        return out;
      } else {
        out += c;
        pos++;
      }
    }
    if (nested) fail('unclosed placeholder');
    return out;
  }

  function variable(name: string, fallback: string | undefined): string {
    const value = VARIABLES[name] ?? fallback;
    if (value === undefined) fail(`unknown variable ${name}`);
    return value!;
  }

  function dollar(): string {
    pos++; // $
    const simple = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(body.slice(pos));
    if (simple) {
      pos += simple[0].length;
      return /^\d/.test(simple[0]) ? '' : variable(simple[0], undefined);
    }
    if (body[pos] !== '{') return '$';
    pos++; // {
    const head = /^(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(body.slice(pos));
    if (!head) fail('expected a tab stop number or a variable name');
    pos += head![0].length;
    const isStop = /^\d/.test(head![0]);
    const next = body[pos];
    if (next === '}') {
      pos++;
      return isStop ? '' : variable(head![0], undefined);
    }
    if (next === ':') {
      pos++;
      const value = sequence(true);
      pos++; // }
      return isStop ? value : variable(head![0], value);
    }
    if (next === '|' && isStop) {
      pos++;
      const choices: string[] = [''];
      while (pos < body.length && !(body[pos] === '|' && body[pos + 1] === '}')) {
        if (body[pos] === '\\' && pos + 1 < body.length && '$}\\,|'.includes(body[pos + 1])) {
          choices[choices.length - 1] += body[pos + 1];
          pos += 2;
        } else if (body[pos] === ',') {
          choices.push('');
          pos++;
        } else {
          choices[choices.length - 1] += body[pos++];
        }
      }
      if (pos >= body.length) fail('unclosed choice');
      pos += 2; // |}
      return choices[0];
    }
    return fail(`unexpected ${JSON.stringify(next)}`);
  }

  return sequence(false);
}

function bodyText(snippet: Snippet): string {
  return snippet.body.join('\n');
}

function readSnippetsFile(): Record<string, Snippet> {
  const text = fs.readFileSync(SNIPPETS_PATH, 'utf8');
  // A .code-snippets file is JSON with comments: the generated one has a header comment.
  return JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')) as Record<string, Snippet>;
}

describe('snippets (snippets/isms.code-snippets)', () => {
  const snippets = buildSnippets();

  it('is up to date with the schema (run `npm run snippets`)', () => {
    assert.equal(fs.readFileSync(SNIPPETS_PATH, 'utf8'), generateSnippets());
  });

  it('gives VS Code only isms-starter: the server offers the kinds and control-annex in context (issue 13)', () => {
    assert.equal(fs.readFileSync(VSCODE_SNIPPETS_PATH, 'utf8'), generateVscodeSnippets());
    const vscodeFile = JSON.parse(fs.readFileSync(VSCODE_SNIPPETS_PATH, 'utf8').replace(/^\s*\/\/.*$/gm, '')) as Record<string, Snippet>;
    assert.deepEqual(Object.keys(vscodeFile), ['isms-starter']);
    const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    assert.deepEqual(manifest.contributes.snippets, [{ language: 'isms', path: './snippets/isms-vscode.code-snippets' }]);
  });

  it('is a valid snippets file holding what the generator builds', () => {
    assert.deepEqual(readSnippetsFile(), JSON.parse(JSON.stringify(snippets)));
  });

  it('has a snippet for every kind of the schema, with its description', () => {
    for (const spec of KINDS) {
      const snippet = snippets[spec.kind];
      assert.ok(snippet, `no snippet for ${spec.kind}`);
      assert.equal(snippet.prefix, spec.kind);
      assert.equal(snippet.description, spec.description);
      assert.equal(snippet.scope, 'isms');
    }
    assert.deepEqual(Object.keys(snippets), [...KINDS.map((spec) => spec.kind), 'control-annex', 'isms-starter']);
  });

  it('puts each kind in its snippet with its required fields, as tab stops', () => {
    for (const spec of KINDS) {
      const text = expandSnippet(bodyText(snippets[spec.kind]));
      const [statement] = parse(text).statements;
      assert.equal(statement.name, spec.kind);
      const given = statement.block?.statements.map((field) => field.name) ?? [];
      assert.deepEqual(given, spec.fields.filter((field) => field.required).map((field) => field.name), spec.kind);
      // Every required value is a tab stop (not fixed text).
      for (const line of snippets[spec.kind].body.slice(1, -1)) {
        if (line.trim() !== '$0') assert.match(line, /\$\{\d+[:|]/, `${spec.kind}: ${line}`);
      }
    }
  });

  it('offers all 93 Annex A ids in control-annex, in catalogue order', () => {
    const head = snippets['control-annex'].body[0];
    assert.equal(head, `control \${1|${ANNEX_A_IDS.join(',')}|} {`);
    assert.equal(ANNEX_A_IDS.length, 93);
  });

  for (const [name, snippet] of Object.entries(buildSnippets())) {
    it(`parses ${name} with its defaults without syntax errors`, () => {
      const text = expandSnippet(bodyText(snippet));
      const parsed = parse(text);
      assert.deepEqual(parsed.errors, [], text);
      assert.ok(parsed.statements.length > 0);
    });
  }

  it('analyses the starter ISMS with no finding but soa-incomplete', () => {
    const service = createLanguageService({ asOf: AS_OF });
    service.setFile('isms.isms', expandSnippet(bodyText(snippets['isms-starter'])));
    const findings = service.diagnostics().map((d) => `${d.code}: ${d.message}`);
    assert.equal(findings.length, 1, findings.join('\n'));
    assert.match(findings[0], /^soa-incomplete: /);
    assert.match(findings[0], /\b92\b/, 'the SoA lacks 92 of the 93 controls');
  });

  it('uses no date in the starter that could be overdue: today, or the end of this year', () => {
    const body = bodyText(snippets['isms-starter']);
    assert.doesNotMatch(body, /\b\d{4}-\d{2}-\d{2}\b/, 'no fixed dates');
  });

  describe('expandSnippet (the test helper)', () => {
    it('takes defaults, first choices, variables and escapes', () => {
      assert.equal(expandSnippet('a ${1:x ${2:y}} ${3|p,q|} $4 ${5} $0 \\$ \\} $CURRENT_YEAR-${CURRENT_MONTH}'), 'a x y p    $ } 2026-11');
      assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
      assert.throws(() => expandSnippet('${1:open'), /unclosed/);
      assert.throws(() => expandSnippet('$NO_SUCH_VARIABLE'), /unknown variable/);
    });
  });
});
