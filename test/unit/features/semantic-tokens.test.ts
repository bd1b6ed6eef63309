import { strict as assert } from 'node:assert';

import {
  ID_TOKEN_TYPES,
  SEMANTIC_TOKEN_MODIFIERS,
  SEMANTIC_TOKEN_TYPES,
  semanticTokens,
} from '../../../server/src/features/semantic-tokens';
import type { LanguageService } from '../../../server/src/language-service';
import { KINDS } from '../../../server/src/schema';
import { fixtureService, parseFixture } from '../../helpers/fixture';

const WORKSPACE = `//- /roles.isms
role cto "CTO" {
  top-management yes
}
//- /risks.isms
// risk R-1 in a comment gets no token
risk R-1 "Ransomware" {
  owner cto
  asset db
  likelihood 4
  treatment mitigate
  controls A.8.13, A.12.3.1, A.9.99, C-1
  accepted-by nobody
  nonsense cto
  assessed 2026-01-15
}

control C-1 "Custom" {
  applicable maybe
  status implemented
}

control A.8.13 {
  applicable yes
  evidence "A.8.13 runbook"
}

asset db "Database" {
  owner cto
}

bogus X {
  owner cto
}`;

function render(service: LanguageService, file: string): string[] {
  const text = service.text(file)!;
  return semanticTokens(service, file).map((t) => `${text.slice(t.start, t.start + t.length)} ${t.type}${t.modifiers.length ? ` [${t.modifiers.join(' ')}]` : ''}`);
}

describe('semantic tokens', () => {
  const service = fixtureService(parseFixture(WORKSPACE));

  it('types keywords, fields, enum values and ids by kind; leaves literals and comments alone', () => {
    assert.deepEqual(render(service, 'risks.isms'), [
      'risk keyword',
      'R-1 variable [declaration]',
      'owner property',
      'cto parameter',
      'asset property',
      'db struct',
      'likelihood property',
      'treatment property',
      'mitigate enumMember',
      'controls property',
      'A.8.13 macro [readonly defaultLibrary]',
      'A.12.3.1 macro [readonly deprecated]',
      'A.9.99 macro [readonly]',
      'C-1 function',
      'accepted-by property',
      'nobody parameter',
      'assessed property',
      'control keyword',
      'C-1 function [declaration]',
      'applicable property',
      'status property',
      'implemented enumMember',
      'control keyword',
      'A.8.13 macro [declaration readonly defaultLibrary]',
      'applicable property',
      'yes enumMember',
      'evidence property',
      'asset keyword',
      'db struct [declaration]',
      'owner property',
      'cto parameter',
    ]);
    assert.deepEqual(render(service, 'roles.isms'), ['role keyword', 'cto parameter [declaration]', 'top-management property', 'yes enumMember']);
  });

  it('gives sorted, single-line tokens from the legends', () => {
    const text = service.text('risks.isms')!;
    const tokens = semanticTokens(service, 'risks.isms');
    for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i - 1].start + tokens[i - 1].length <= tokens[i].start, 'sorted, disjoint');
    for (const token of tokens) {
      assert.ok(SEMANTIC_TOKEN_TYPES.includes(token.type));
      assert.ok(token.modifiers.every((m) => SEMANTIC_TOKEN_MODIFIERS.includes(m)));
      assert.doesNotMatch(text.slice(token.start, token.start + token.length), /[\r\n]/);
    }
    assert.deepEqual(semanticTokens(service, 'nowhere.isms'), []);
  });

  it('has a token type from the legend for the ids of every kind', () => {
    for (const kind of KINDS) assert.ok(SEMANTIC_TOKEN_TYPES.includes(ID_TOKEN_TYPES[kind.kind]), kind.kind);
    assert.deepEqual([...SEMANTIC_TOKEN_MODIFIERS], ['declaration', 'readonly', 'deprecated', 'defaultLibrary']);
  });

  it('types a reference by the kind of what it names, even the wrong kind', () => {
    const wrong = fixtureService(parseFixture('asset db "D" {\n  owner db\n}\n'));
    assert.deepEqual(render(wrong, 'main.isms'), ['asset keyword', 'db struct [declaration]', 'owner property', 'db struct']);
  });
});
