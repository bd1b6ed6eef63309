import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { KINDS } from '../../../server/src/schema';
import { languageReference } from '../../../server/src/schema/language-reference';

describe('docs/language.md', () => {
  it('is the reference generated from the schema (run npm run docs after changing the schema)', () => {
    assert.equal(fs.readFileSync('docs/language.md', 'utf8'), languageReference());
  });

  it('documents every kind and field of the schema', () => {
    const text = languageReference();
    for (const spec of KINDS) {
      assert.ok(text.includes(`### \`${spec.kind}\``), spec.kind);
      for (const field of spec.fields) assert.ok(text.includes(`| \`${field.name}\` |`), `${spec.kind}.${field.name}`);
    }
  });
});

describe('schema', () => {
  it('has the 15 kinds of LANGUAGE.md §3 and the 8 of §7.1 with their required fields', () => {
    assert.equal(KINDS.length, 23);
    const required = Object.fromEntries(KINDS.map((k) => [k.kind, k.fields.filter((f) => f.required).map((f) => f.name)]));
    assert.deepEqual(required, {
      organization: [],
      scope: ['statement'],
      issue: ['type'],
      party: [],
      role: [],
      policy: ['approved-by', 'approved'],
      'risk-criteria': ['likelihood-scale', 'impact-scale', 'acceptance'],
      asset: ['owner'],
      risk: ['owner', 'likelihood', 'impact'],
      control: ['applicable'],
      objective: ['measure', 'target', 'owner', 'due'],
      measurement: [],
      audit: ['date', 'auditor'],
      review: ['date', 'decisions'],
      nonconformity: ['corrective-action'],
      soa: ['version', 'approved-by', 'approved'],
      'audit-programme': ['owner', 'interval'],
      supplier: ['owner', 'criticality'],
      obligation: ['type'],
      incident: ['reported', 'severity', 'status'],
      training: ['type', 'date'],
      change: ['date', 'purpose'],
      communication: ['what', 'when', 'with', 'by'],
    });
  });
});
