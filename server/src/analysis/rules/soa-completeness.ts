/** `soa-incomplete` (6.1.3 d): every one of the 93 Annex A controls needs a `control` entry in the SoA. */
import { ANNEX_A_IDS } from '../../catalogue/annex-a';
import type { WorkspaceRule } from '../rule';
import { wholeIsmsLocation } from '../whole-isms-location';

/** How many missing ids the message lists before "and N more" (the data always has them all). */
const LISTED = 12;

export const soaCompleteness: WorkspaceRule = {
  name: 'soa-completeness',
  scope: 'workspace',
  codes: ['soa-incomplete'],
  check({ index, report }) {
    const at = wholeIsmsLocation(index);
    if (!at) return;
    const missing = ANNEX_A_IDS.filter((id) => !index.declarations(id).some((entity) => entity.kind === 'control'));
    if (missing.length === 0) return;
    const listed = missing.slice(0, LISTED).join(', ');
    const more = missing.length > LISTED ? ` and ${missing.length - LISTED} more` : '';
    report('soa-incomplete', at.file, at.start, at.end, `the Statement of Applicability lacks ${missing.length} of the 93 Annex A controls: ${listed}${more}`, {
      data: { controls: missing },
    });
  },
};
