import { strict as assert } from 'node:assert';

import { LineIndex } from '../../../grammar/src';
import { definition } from '../../../server/src/features/definition';
import { documentHighlights } from '../../../server/src/features/document-highlight';
import { applyEdits, type FileRange, type WorkspaceEdit } from '../../../server/src/features/feature-types';
import { references } from '../../../server/src/features/references';
import { prepareRename, rename } from '../../../server/src/features/rename';
import type { LanguageService } from '../../../server/src/language-service';
import { fixtureService, parseFixture } from '../../helpers/fixture';
import { withCursor } from '../../helpers/markers';

const WORKSPACE = `//- /roles.isms
role cto "Chief Technology Officer" {
  holder "Sam Okafor"
}

role ceo "Chief Executive Officer" {
  top-management yes
}
//- /risks.isms
// cto owns the ransomware risk
risk R-1 "Ransomware reaches the cto laptop" {
  owner cto
  likelihood 4
  impact 4
  treatment mitigate
  controls A.8.13, C-1, A.5.1
  accepted-by cto
}

control A.8.13 {
  applicable yes
  owner cto
}

control C-1 "Laptop hardening" {
  applicable yes
  owner ceo
}`;

/** A range as `file:line:column text` (1-based). */
function show(service: LanguageService, range: FileRange): string {
  const text = service.text(range.file)!;
  const { line, column } = new LineIndex(text).position(range.start);
  return `${range.file}:${line + 1}:${column + 1} ${text.slice(range.start, range.end)}`;
}

/** The service over WORKSPACE and the offset of the `n`th `needle` in `file` (plus `delta`). */
function at(file: string, needle: string, n = 0, delta = 0): { service: LanguageService; offset: number } {
  const service = fixtureService(parseFixture(WORKSPACE));
  const text = service.text(file)!;
  let offset = -1;
  for (let i = 0; i <= n; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `${needle} #${n} in ${file}`);
  }
  return { service, offset: offset + delta };
}

function cursor(text: string): { service: LanguageService; file: string; offset: number } {
  const marked = withCursor(text);
  return { service: fixtureService(marked.fixture), file: marked.file, offset: marked.offset };
}

describe('navigation: definition', () => {
  it('goes from a reference to the declaration in another file', () => {
    const { service, offset } = at('risks.isms', 'owner cto', 0, 7);
    assert.deepEqual(
      definition(service, 'risks.isms', offset).map((r) => show(service, r)),
      ['roles.isms:1:6 cto'],
    );
  });

  it('counts the cursor touching either end of the id', () => {
    const { service, offset } = at('risks.isms', 'owner cto', 0, 6);
    assert.deepEqual(definition(service, 'risks.isms', offset).map((r) => show(service, r)), ['roles.isms:1:6 cto']);
    assert.deepEqual(definition(service, 'risks.isms', offset + 3).map((r) => show(service, r)), ['roles.isms:1:6 cto']);
  });

  it('on a declared id gives the declaration itself', () => {
    const { service, offset } = at('roles.isms', 'cto', 0, 1);
    assert.deepEqual(definition(service, 'roles.isms', offset).map((r) => show(service, r)), ['roles.isms:1:6 cto']);
  });

  it('goes from an Annex A id to its SoA entry, and nowhere without one', () => {
    const withEntry = at('risks.isms', 'A.8.13', 0, 2);
    assert.deepEqual(definition(withEntry.service, 'risks.isms', withEntry.offset).map((r) => show(withEntry.service, r)), ['risks.isms:11:9 A.8.13']);
    const without = at('risks.isms', 'A.5.1', 0, 2);
    assert.deepEqual(definition(without.service, 'risks.isms', without.offset), []);
  });

  it('gives nothing on keywords, field names, strings, enum values, comments and blanks', () => {
    const service = fixtureService(parseFixture(WORKSPACE));
    const text = service.text('risks.isms')!;
    for (const needle of ['risk R-1', 'owner cto', '"Ransomware', 'mitigate', 'owns', '\n\ncontrol']) {
      assert.deepEqual(definition(service, 'risks.isms', text.indexOf(needle) + 1), [], needle);
    }
    assert.deepEqual(definition(service, 'nowhere.isms', 0), []);
  });

  it('prefers the declarations of the kind the field expects when an id is duplicated', () => {
    const { service, file, offset } = cursor(`//- /a.isms
asset dup "An asset" {
  owner dup
}
//- /b.isms
role dup "A role" {
  holder "x"
}
risk R-1 "r" {
  owner d$0up
  asset dup
}`);
    assert.deepEqual(definition(service, file, offset).map((r) => show(service, r)), ['b.isms:1:6 dup']);
    const asset = service.text('b.isms')!.indexOf('asset dup') + 7;
    assert.deepEqual(definition(service, 'b.isms', asset).map((r) => show(service, r)), ['a.isms:1:7 dup']);
    const head = service.text('a.isms')!.indexOf('dup');
    assert.deepEqual(definition(service, 'a.isms', head).map((r) => show(service, r)), ['a.isms:1:7 dup', 'b.isms:1:6 dup']);
  });
});

describe('navigation: references', () => {
  it('finds the references to a role across files, with and without its declaration', () => {
    const { service, offset } = at('roles.isms', 'cto', 0, 0);
    assert.deepEqual(references(service, 'roles.isms', offset, false).map((r) => show(service, r)), [
      'risks.isms:3:9 cto',
      'risks.isms:8:15 cto',
      'risks.isms:13:9 cto',
    ]);
    assert.deepEqual(references(service, 'roles.isms', offset, true).map((r) => show(service, r)), [
      'risks.isms:3:9 cto',
      'risks.isms:8:15 cto',
      'risks.isms:13:9 cto',
      'roles.isms:1:6 cto',
    ]);
  });

  it('works from a reference as from the declaration', () => {
    const { service, offset } = at('risks.isms', 'accepted-by cto', 0, 13);
    assert.deepEqual(references(service, 'risks.isms', offset, true).map((r) => show(service, r)), [
      'risks.isms:3:9 cto',
      'risks.isms:8:15 cto',
      'risks.isms:13:9 cto',
      'roles.isms:1:6 cto',
    ]);
  });

  it('finds the references to an Annex A control, with or without an SoA entry', () => {
    const entry = at('risks.isms', 'A.8.13', 1, 0);
    assert.deepEqual(references(entry.service, 'risks.isms', entry.offset, true).map((r) => show(entry.service, r)), [
      'risks.isms:7:12 A.8.13',
      'risks.isms:11:9 A.8.13',
    ]);
    const none = at('risks.isms', 'A.5.1', 0, 0);
    assert.deepEqual(references(none.service, 'risks.isms', none.offset, true).map((r) => show(none.service, r)), ['risks.isms:7:25 A.5.1']);
  });

  it('gives nothing off an id', () => {
    const { service, offset } = at('risks.isms', 'likelihood', 0, 2);
    assert.deepEqual(references(service, 'risks.isms', offset, true), []);
  });
});

describe('navigation: document highlights', () => {
  it('marks the declaration as write and the references as read, in this file only', () => {
    const { service, offset } = at('risks.isms', 'C-1', 0, 1);
    assert.deepEqual(
      documentHighlights(service, 'risks.isms', offset).map((h) => `${show(service, { file: 'risks.isms', ...h.range })} ${h.kind}`),
      ['risks.isms:7:20 C-1 read', 'risks.isms:16:9 C-1 write'],
    );
    const role = at('risks.isms', 'owner cto', 0, 7);
    assert.deepEqual(
      documentHighlights(role.service, 'risks.isms', role.offset).map((h) => `${show(role.service, { file: 'risks.isms', ...h.range })} ${h.kind}`),
      ['risks.isms:3:9 cto read', 'risks.isms:8:15 cto read', 'risks.isms:13:9 cto read'],
    );
    assert.deepEqual(documentHighlights(role.service, 'risks.isms', 0), []);
  });
});

describe('navigation: rename', () => {
  it('prepares a rename on an id, declared or referred to', () => {
    const head = at('roles.isms', 'cto', 0, 2);
    assert.deepEqual(prepareRename(head.service, 'roles.isms', head.offset), { start: 5, end: 8, placeholder: 'cto' });
    const ref = at('risks.isms', 'C-1', 0, 3);
    assert.deepEqual(prepareRename(ref.service, 'risks.isms', ref.offset), { start: ref.offset - 3, end: ref.offset, placeholder: 'C-1' });
  });

  it('refuses Annex A ids, keywords, field names, other values and unknown ids', () => {
    const refusal = (file: string, needle: string, n = 0, delta = 1) => {
      const { service, offset } = at(file, needle, n, delta);
      const result = prepareRename(service, file, offset);
      assert.ok('error' in result, `${needle}: ${JSON.stringify(result)}`);
      return result.error;
    };
    assert.equal(refusal('risks.isms', 'A.8.13', 0), 'Annex A ids are fixed by ISO/IEC 27001');
    assert.equal(refusal('risks.isms', 'A.8.13', 1), 'Annex A ids are fixed by ISO/IEC 27001');
    assert.equal(refusal('risks.isms', 'A.5.1'), 'Annex A ids are fixed by ISO/IEC 27001');
    assert.equal(refusal('risks.isms', 'risk R-1'), "'risk' is a kind keyword; only ids can be renamed");
    assert.equal(refusal('risks.isms', 'owner cto'), "'owner' is a field name; only ids can be renamed");
    assert.equal(refusal('risks.isms', 'mitigate'), 'This value is not an id; only ids can be renamed');
    assert.equal(refusal('risks.isms', '"Laptop'), 'This value is not an id; only ids can be renamed');
    assert.equal(refusal('risks.isms', 'likelihood 4', 0, 11), 'This value is not an id; only ids can be renamed');
    assert.equal(refusal('risks.isms', 'owns'), 'Place the cursor on an id to rename it');

    const unknown = cursor('risk R-1 "r" {\n  owner nob$0ody\n}\n');
    assert.deepEqual(prepareRename(unknown.service, unknown.file, unknown.offset), {
      error: "'nobody' is declared nowhere in the workspace; declare it before renaming it",
    });
    const legacy = cursor('control A.12.3$0.1 {\n  applicable yes\n}\n');
    assert.deepEqual(prepareRename(legacy.service, legacy.file, legacy.offset), { error: 'Annex A ids are fixed by ISO/IEC 27001' });
  });

  it('renames the declaration and every reference across files, leaving strings and comments alone', () => {
    const { service, offset } = at('risks.isms', 'accepted-by cto', 0, 12);
    const edit = rename(service, 'risks.isms', offset, 'it-lead') as WorkspaceEdit;
    assert.deepEqual(Object.keys(edit.changes).sort(), ['risks.isms', 'roles.isms']);
    assert.equal(
      applyEdits(service.text('roles.isms')!, edit.changes['roles.isms']),
      `role it-lead "Chief Technology Officer" {
  holder "Sam Okafor"
}

role ceo "Chief Executive Officer" {
  top-management yes
}`,
    );
    assert.equal(
      applyEdits(service.text('risks.isms')!, edit.changes['risks.isms']),
      `// cto owns the ransomware risk
risk R-1 "Ransomware reaches the cto laptop" {
  owner it-lead
  likelihood 4
  impact 4
  treatment mitigate
  controls A.8.13, C-1, A.5.1
  accepted-by it-lead
}

control A.8.13 {
  applicable yes
  owner it-lead
}

control C-1 "Laptop hardening" {
  applicable yes
  owner ceo
}`,
    );
    const edits = edit.changes['risks.isms'];
    assert.ok(edits.every((e, i) => i === 0 || edits[i - 1].end <= e.start), 'sorted, not overlapping');
  });

  it('renames a custom control from its declaration', () => {
    const { service, offset } = at('risks.isms', 'C-1', 1, 0);
    const edit = rename(service, 'risks.isms', offset, 'C-hardening') as WorkspaceEdit;
    assert.deepEqual(edit.changes, {
      'risks.isms': [
        { start: service.text('risks.isms')!.indexOf('C-1'), end: service.text('risks.isms')!.indexOf('C-1') + 3, newText: 'C-hardening' },
        { start: offset, end: offset + 3, newText: 'C-hardening' },
      ],
    });
  });

  it('refuses invalid, Annex-A-shaped and taken names; the same name changes nothing', () => {
    const { service, offset } = at('roles.isms', 'cto', 0, 0);
    const error = (name: string) => {
      const result = rename(service, 'roles.isms', offset, name);
      assert.ok('error' in result, name);
      return result.error;
    };
    const invalid = "is not a valid id: use ASCII letters, digits, '_', '-' and '.', start with a letter or '_', and do not end in '-' or '.'";
    for (const name of ['', '1cto', 'cto-', 'c.', 'chief officer', 'cto"', 'émile', '-x']) assert.equal(error(name), `'${name}' ${invalid}`);
    assert.equal(error('A.5.1'), "'A.5.1' has the shape of an Annex A id, which only the controls of ISO/IEC 27001 may have");
    assert.equal(error('A.12.3.1'), "'A.12.3.1' has the shape of an Annex A id, which only the controls of ISO/IEC 27001 may have");
    assert.equal(error('ceo'), "'ceo' is already the id of role ceo (roles.isms)");
    assert.equal(error('C-1'), "'C-1' is already the id of control C-1 (risks.isms)");
    assert.deepEqual(rename(service, 'roles.isms', offset, 'cto'), { changes: {} });
    for (const name of ['_x', 'x', 'a.b-c_d', 'owner', 'Cto']) assert.ok(!('error' in rename(service, 'roles.isms', offset, name)), name);
  });

  it('passes prepareRename refusals through', () => {
    const { service, offset } = at('risks.isms', 'A.8.13', 0, 0);
    assert.deepEqual(rename(service, 'risks.isms', offset, 'backup'), { error: 'Annex A ids are fixed by ISO/IEC 27001' });
  });
});

describe('navigation: robustness', () => {
  it('answers at every offset of broken text without throwing', () => {
    const broken = `risk R-1 "unterminated {
  owner
  controls A.8.13,, ,
  owner cto {
    nested x
  }
control { applicable yes }
"""never closed
risk`;
    const service = fixtureService(parseFixture(`//- /a.isms\n${broken}\n//- /b.isms\nrole cto "c" {\n}\n`));
    for (let offset = 0; offset <= broken.length + 1; offset++) {
      definition(service, 'a.isms', offset);
      references(service, 'a.isms', offset, true);
      documentHighlights(service, 'a.isms', offset);
      const prepared = prepareRename(service, 'a.isms', offset);
      const renamed = rename(service, 'a.isms', offset, 'other');
      assert.equal('error' in prepared, 'error' in renamed, `offset ${offset}`);
    }
  });
});
