import type { FileRule } from '../rule';

/** `syntax-error`: the parser's errors, each at its place. */
export const syntaxErrors: FileRule = {
  name: 'syntax-errors',
  scope: 'file',
  codes: ['syntax-error'],
  check({ model, report }) {
    for (const error of model.parsed.errors) {
      report('syntax-error', model.file, error.start, Math.max(error.end, error.start), error.message);
    }
  },
};
