/**
 * The workspace re-uses a file's contextual and cross-file findings while
 * the file and the rule's key are unchanged (analysis/workspace.ts), and the
 * declaration tables of the files not being edited (workspace-index.ts).
 * These tests hold the result equal to a fresh analysis after edits:
 * declaring, renaming or moving what the findings depend on.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyseWorkspace, analyseFile } from '../../../server/src/analysis/analyse';
import type { Diagnostic } from '../../../server/src/analysis/diagnostic';
import type { CrossFileRule } from '../../../server/src/analysis/rule';
import { CROSS_FILE_RULES } from '../../../server/src/analysis/rule-registry';
import { Workspace } from '../../../server/src/analysis/workspace';

const AS_OF = '2026-11-27';

function fresh(files: Record<string, string>): readonly Diagnostic[] {
  return analyseWorkspace(Object.entries(files).map(([name, text]) => analyseFile(name, text)), { asOf: AS_OF }).diagnostics;
}

function plain(diagnostics: readonly Diagnostic[]): unknown {
  return JSON.parse(JSON.stringify(diagnostics));
}

/** A workspace kept up to date edit by edit (and a one-shot one, which keeps nothing), checked against a fresh analysis after each. */
function check(files: Record<string, string>, edits: Array<[string, string]>): void {
  for (const oneShot of [false, true]) {
    const workspace = new Workspace({ asOf: AS_OF }, oneShot);
    const current = { ...files };
    for (const [name, text] of Object.entries(files)) workspace.setFile(name, text);
    assert.deepEqual(plain(workspace.analysis().diagnostics), plain(fresh(current)), `one-shot: ${oneShot}`);
    for (const [name, text] of edits) {
      current[name] = text;
      workspace.setFile(name, text);
      assert.deepEqual(plain(workspace.analysis().diagnostics), plain(fresh(current)), `after editing ${name} (one-shot: ${oneShot})`);
    }
  }
}

const ROLES = 'role cto "CTO" {\n  top-management yes\n}\n';
const RISKS = 'risk R-1 "Laptop theft" {\n  owner cto\n  controls A.8.1\n}\n\nrisk R-2 "Phishing" {\n  owner ciso\n}\n';

describe('workspace re-use of findings and declaration tables across edits', () => {
  it('clears an unknown-reference when another file declares the id, and brings it back when the id goes', () => {
    const withCiso = `${ROLES}\nrole ciso "CISO" {\n}\n`;
    check({ 'roles.isms': ROLES, 'risks.isms': RISKS }, [
      ['roles.isms', withCiso],
      ['roles.isms', ROLES],
    ]);
    const workspace = new Workspace({ asOf: AS_OF });
    workspace.setFile('roles.isms', ROLES);
    workspace.setFile('risks.isms', RISKS);
    const unknown = () => workspace.analysis().diagnostics.filter((d) => d.code === 'unknown-reference' && d.file === 'risks.isms').length;
    assert.equal(unknown(), 1);
    workspace.setFile('roles.isms', withCiso);
    assert.equal(unknown(), 0);
  });

  it('moves the related location of a wrong-reference-kind when the target file is edited above the target', () => {
    const assets = 'asset ciso "A laptop" {\n}\n';
    check({ 'roles.isms': ROLES, 'risks.isms': RISKS, 'z.isms': assets }, [
      ['z.isms', `// a comment that moves the asset down\n\n${assets}`],
      ['z.isms', `// a longer comment that moves the asset further down\n\n\n${assets}`],
    ]);
  });

  it('moves the related location of an excluded-control-used when the SoA is edited above the control', () => {
    const soa = 'control A.8.1 "User endpoint devices" {\n  applicable no\n  reason "No endpoints"\n}\n';
    check({ 'roles.isms': ROLES, 'risks.isms': RISKS, 'soa.isms': soa }, [
      ['soa.isms', `// moved\n${soa}`],
      ['soa.isms', soa.replace('applicable no', 'applicable yes')],
      ['soa.isms', soa],
    ]);
  });

  it('suggests the nearest id declared in another file, and follows a rename of it', () => {
    const risks = RISKS.replace('owner ciso', 'owner cfo');
    check({ 'roles.isms': ROLES, 'risks.isms': risks }, [
      ['roles.isms', ROLES.replace(/cto/g, 'cfo1')],
      ['roles.isms', ROLES.replace(/cto/g, 'cf')],
    ]);
  });

  it('finds duplicates between the file being edited and the others, in path order, edit after edit', () => {
    const a = 'role cto "CTO" {\n  top-management yes\n}\n';
    const c = 'asset laptop "Laptop" {\n}\n';
    const b = (extra: string) => `risk R-1 "Theft" {\n  owner cto\n  assets laptop\n}\n${extra}`;
    check({ 'a.isms': a, 'b.isms': b(''), 'c.isms': c }, [
      ['b.isms', b('\nrole laptop "Not an asset" {\n}\n')],
      ['b.isms', b('\nrole laptop "Not an asset" {\n}\n\nrole cto "Twice" {\n}\n')],
      ['b.isms', b('\nasset cto "Thrice" {\n}\n\nrole cto "Twice" {\n}\n')],
      ['b.isms', b('')],
      ['c.isms', `${c}\nasset laptop "Again" {\n}\n`],
      ['c.isms', `${c}\nasset laptop "Again, renamed" {\n}\n`],
      ['b.isms', b('\nasset laptop "A third" {\n}\n')],
    ]);
  });

  it('re-checks held reviews and risk acceptances in other files when a role becomes or stops being top management', () => {
    const roles = (top: string) => `role ceo "CEO" {\n  top-management ${top}\n}\n\nrole cto "CTO" {\n}\n`;
    const criteria = 'risk-criteria {\n  likelihood-scale "1", "2", "3", "4", "5"\n  impact-scale "1", "2", "3", "4", "5"\n  acceptance 6\n}\n';
    const records =
      'review MR-1 "Review" {\n  date 2026-07-01\n  attendees ceo\n  decisions "Go"\n}\n\n' +
      'risk R-1 "Theft" {\n  owner cto\n  likelihood 4\n  impact 4\n  treatment accept\n  accepted-by cto, ceo\n  assessed 2026-10-01\n}\n';
    check({ 'a.isms': roles('yes'), 'b.isms': records, 'c.isms': criteria }, [
      ['a.isms', roles('no')],
      ['a.isms', `organization "Acme" {\n  top-management ceo\n}\n\n${roles('no')}`],
      ['a.isms', roles('yes')],
      ['c.isms', criteria.replace('acceptance 6', 'acceptance 20')],
    ]);
  });

  it('equals a fresh analysis over random line edits across the flawed example', () => {
    const dir = 'examples/flawed';
    const files = Object.fromEntries(fs.readdirSync(dir).map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]));
    const names = Object.keys(files);
    // An edit replaces one line of one file with a line of any file (ids, references and controls move between files).
    const allLines = names.flatMap((name) => files[name].split('\n'));
    const edit = fc.record({ file: fc.constantFrom(...names), line: fc.nat(), with: fc.nat() });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (plan) => {
        const current = { ...files };
        const edits: Array<[string, string]> = plan.map(({ file, line, with: source }) => {
          const lines = current[file].split('\n');
          lines[line % lines.length] = allLines[source % allLines.length];
          current[file] = lines.join('\n');
          return [file, current[file]];
        });
        check(files, edits);
      }),
      { numRuns: 25 },
    );
  });

  it('never asks a cross-file rule for its key in a one-shot analysis (the command line)', () => {
    const dir = 'examples/flawed';
    const workspace = new Workspace({ asOf: AS_OF }, true);
    for (const name of fs.readdirSync(dir)) workspace.setFile(name, fs.readFileSync(path.join(dir, name), 'utf8'));
    const keys = CROSS_FILE_RULES.map((rule) => rule.key);
    const asked: string[] = [];
    CROSS_FILE_RULES.forEach((rule) => ((rule as { key: CrossFileRule['key'] }).key = () => (asked.push(rule.name), '')));
    try {
      const codes = new Set(workspace.analysis().diagnostics.map((d) => d.code));
      assert.ok(codes.has('unknown-reference') && codes.has('excluded-control-used'), 'the cross-file rules ran');
    } finally {
      CROSS_FILE_RULES.forEach((rule, i) => ((rule as { key: CrossFileRule['key'] }).key = keys[i]));
    }
    assert.deepEqual(asked, []);
  });
});
