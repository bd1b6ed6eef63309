/**
 * Did you mean …? For `unknown-reference`, `unknown-field`,
 * `unknown-statement` and `invalid-value` with a suggestion: replace the name
 * as written (the diagnostic's range, which is exactly `data.actual`) with
 * `data.suggestion`. The preferred fix.
 */
import { quickFixAction, rangeIs, type QuickFix } from './quick-fix';

export const didYouMean: QuickFix = {
  codes: ['unknown-reference', 'unknown-field', 'unknown-statement', 'invalid-value'],
  fixes(context) {
    const { diagnostic } = context;
    const suggestion = diagnostic.data?.suggestion;
    const actual = diagnostic.data?.actual;
    if (!suggestion || !rangeIs(context, actual)) return [];
    return [
      quickFixAction(context, `Change '${actual}' to '${suggestion}'`, [{ start: diagnostic.start, end: diagnostic.end, newText: suggestion }], {
        isPreferred: true,
      }),
    ];
  },
};
