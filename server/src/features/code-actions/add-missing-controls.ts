/**
 * `soa-incomplete`: two actions that add a SoA entry for every missing
 * Annex A control, in catalogue order, neither preferred (the fix does not
 * decide for the user): all applicable, to decide (`applicable yes`, a TODO
 * reason, `status planned`), or all excluded, to justify (`applicable no`, a
 * TODO reason). The TODO reasons stay in the Problems panel
 * (`placeholder-text`) until each is decided.
 *
 * The entries go after the last `control` of the file that holds the most
 * of them (the first such file in path order); when no file has a control,
 * at the end of the file holding `organization`, else of the first file.
 */
import { ANNEX_A_IDS } from '../../catalogue/annex-a';
import type { FileModel } from '../../analysis/model';
import { appendToFile, insertAfterCode, lineBreakOf } from './edit-helpers';
import { quickFixAction, type QuickFix } from './quick-fix';
import { controlStub } from './stubs';

export const addMissingControls: QuickFix = {
  codes: ['soa-incomplete'],
  fixes(context) {
    const { index, diagnostic } = context;
    const wanted = new Set(diagnostic.data?.controls ?? []);
    // Catalogue order, and only ids that still lack an entry.
    const missing = ANNEX_A_IDS.filter((id) => wanted.has(id) && !index.declarations(id).some((entity) => entity.kind === 'control'));
    if (missing.length === 0) return [];

    const target = soaFile(index.files);
    const fallback = index.first('organization')?.file ?? index.files[0]?.file;
    const model = target ?? index.files.find((file) => file.file === fallback);
    if (!model) return [];
    const parsed = model.parsed;
    const eol = lineBreakOf(parsed.text);
    const lastControl = target ? [...model.entities].reverse().find((entity) => entity.kind === 'control') : undefined;
    const count = missing.length;
    const controls = `${count} missing Annex A control${count === 1 ? '' : 's'}`;
    const variants = [
      { decision: 'applicable' as const, title: `Add ${controls} to the SoA as applicable (to decide)` },
      { decision: 'excluded' as const, title: `Add ${controls} to the SoA as excluded (to justify)` },
    ];
    return variants.map(({ decision, title }) => {
      const stubs = missing.map((id) => controlStub(id, eol, undefined, decision)).join(eol + eol);
      const edit = lastControl ? insertAfterCode(parsed, lastControl.statement.end, stubs) : appendToFile(parsed, stubs);
      return quickFixAction(context, title, [edit], { file: model.file });
    });
  },
};

/** The file with the most `control` entries (the first in path order on a tie), if any has one. */
function soaFile(files: readonly FileModel[]): FileModel | undefined {
  let best: FileModel | undefined;
  let bestCount = 0;
  for (const file of files) {
    const count = file.entities.filter((entity) => entity.kind === 'control').length;
    if (count > bestCount) {
      best = file;
      bestCount = count;
    }
  }
  return best;
}
