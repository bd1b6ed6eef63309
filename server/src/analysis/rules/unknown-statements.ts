import { KINDS } from '../../schema';
import { nearestName } from '../../util/nearest-name';
import type { FileRule } from '../rule';

const KIND_NAMES = KINDS.map((spec) => spec.kind);

/** `unknown-statement`: a top-level statement that is no kind, with the nearest kind as suggestion. */
export const unknownStatements: FileRule = {
  name: 'unknown-statements',
  scope: 'file',
  codes: ['unknown-statement'],
  check({ model, report }) {
    for (const statement of model.unknownStatements) {
      const suggestion = nearestName(statement.name, KIND_NAMES);
      const hint = suggestion ? `; did you mean '${suggestion}'?` : '';
      report('unknown-statement', model.file, statement.nameStart, statement.nameEnd, `'${statement.name}' is not a kind of statement${hint}`, {
        data: { actual: statement.name, ...(suggestion ? { suggestion } : {}) },
      });
    }
  },
};
