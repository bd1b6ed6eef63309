/**
 * `duplicate-id`: ids are unique across the workspace whatever their kind;
 * each declaration is reported, pointing at the others.
 * `duplicate-singleton`: a second `organization`, `scope`, `risk-criteria`,
 * `soa` or `audit-programme`, or a second policy of `type information-security`.
 */
import { KINDS } from '../../schema';
import { declaredInformationSecurityPolicies } from '../information-security-policy';
import { describeEntity } from '../model';
import type { WorkspaceRule } from '../rule';
import { reportAtHead } from '../placement';

export const duplicateIds: WorkspaceRule = {
  name: 'duplicate-ids',
  scope: 'workspace',
  codes: ['duplicate-id', 'duplicate-singleton'],
  check({ index, report }) {
    for (const id of index.duplicatedIds()) {
      const declarations = index.declarations(id);
      if (declarations.length < 2) continue;
      for (const entity of declarations) {
        const others = declarations.filter((other) => other !== entity);
        report('duplicate-id', entity.file, entity.id!.start, entity.id!.end, `'${id}' is declared ${declarations.length} times; ids must be unique in the workspace`, {
          clause: entity.spec.clauses[0],
          data: { actual: id },
          related: others.map((other) => ({ file: other.file, start: other.id!.start, end: other.id!.end, message: `also declared here as ${describeEntity(other)}` })),
        });
      }
    }
    for (const spec of KINDS) {
      if (!spec.singleton) continue;
      const [first, ...rest] = index.ofKind(spec.kind);
      for (const extra of rest) {
        reportAtHead(report, extra, 'duplicate-singleton', `a workspace has one ${spec.kind}; this is a second one`, {
          related: [{ file: first.file, start: first.statement.start, end: first.headEnd, message: `the first ${spec.kind}` }],
        });
      }
    }
    // The information security policy is one too (v2): a second `type information-security` policy.
    const [first, ...rest] = declaredInformationSecurityPolicies(index);
    for (const extra of rest) {
      reportAtHead(report, extra, 'duplicate-singleton', `a workspace has one information security policy; ${first.id?.image ?? 'another policy'} is already of type information-security`, {
        data: { field: 'type', ...(extra.id ? { entity: extra.id.image } : {}) },
        related: [{ file: first.file, start: first.statement.start, end: first.headEnd, message: 'the information security policy' }],
      });
    }
  },
};
