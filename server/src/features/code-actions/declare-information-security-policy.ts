/**
 * `missing-information-security-policy` (5.2): policies exist but none is
 * the information security policy. Offers, for each policy without a
 * `type information-security`, to declare it so: its `type` value is
 * replaced, or `type information-security` added as the last line of its
 * block. The policy whose title speaks of information security is
 * preferred. The edit goes to the policy's file, wherever the finding stands.
 */
import { argumentText } from '../../../../grammar/src';
import { INFORMATION_SECURITY, isDeclaredInformationSecurityPolicy } from '../../analysis/information-security-policy';
import { entityTitle, firstField } from '../../analysis/model';
import type { TextEdit } from '../feature-types';
import type { CodeAction } from './code-actions';
import { insertFieldLine } from './edit-helpers';
import { quickFixAction, type QuickFix } from './quick-fix';

/** How many policies get an action of their own (a workspace with dozens of topic-specific policies needs no menu of dozens). */
const OFFERED = 8;

export const declareInformationSecurityPolicy: QuickFix = {
  codes: ['missing-information-security-policy'],
  fixes(context) {
    const { index } = context;
    const policies = index.ofKind('policy').filter((policy) => policy.id && !isDeclaredInformationSecurityPolicy(policy));
    const titled = (text: string | undefined) => text !== undefined && /information[\s-]+security/i.test(text);
    const preferred = policies.find((policy) => titled(entityTitle(policy)));
    const ordered = preferred ? [preferred, ...policies.filter((policy) => policy !== preferred)] : policies;
    const actions: CodeAction[] = [];
    for (const policy of ordered.slice(0, OFFERED)) {
      const model = index.files.find((file) => file.file === policy.file);
      if (!model) continue;
      const typeField = firstField(policy, 'type');
      const value = typeField?.args[0];
      let edit: TextEdit | undefined;
      if (typeField && value && typeField.args.length === 1) edit = { start: value.start, end: value.end, newText: INFORMATION_SECURITY };
      else if (!typeField) edit = insertFieldLine(model.parsed, policy, `type ${INFORMATION_SECURITY}`);
      if (!edit) continue;
      const was = value ? ` instead of ${argumentText(value)}` : '';
      actions.push(
        quickFixAction(context, `Declare '${policy.id!.image}' the information security policy (type information-security${was})`, [edit], {
          file: policy.file,
          ...(policy === preferred ? { isPreferred: true } : {}),
        }),
      );
    }
    return actions;
  },
};
