/**
 * Annex A ids, in control heads and in control references:
 * `legacy-annex-control` for a 2013 id (naming its 2022 control(s)),
 * `unknown-annex-control` for an id of that shape that is no 2022 control.
 */
import type { Argument } from '../../../../grammar/src';
import { annexControl, looksLikeAnnexId } from '../../catalogue/annex-a';
import { legacyMapping } from '../../catalogue/legacy-2013';
import type { Entity } from '../model';
import type { FileRule, Report } from '../rule';

export const annexIds: FileRule = {
  name: 'annex-ids',
  scope: 'file',
  codes: ['legacy-annex-control', 'unknown-annex-control'],
  check({ model, report }) {
    for (const entity of model.entities) if (entity.kind === 'control' && entity.id) checkAnnexId(entity, entity.id, report);
    for (const reference of model.references) {
      if (reference.expected.includes('control')) checkAnnexId(reference.entity, reference.value, report);
    }
  },
};

/** What is wrong with an id of Annex A shape that is no 2022 control; `undefined` for a 2022 control or another id. */
export function annexIdProblem(id: string): { code: 'legacy-annex-control' | 'unknown-annex-control'; message: string; controls?: readonly string[] } | undefined {
  // A 2022 control first: nearly every id is one, and a map lookup is cheaper than the shape test.
  if (annexControl(id) || !looksLikeAnnexId(id)) return undefined;
  const legacy = legacyMapping(id);
  if (legacy) {
    const names = legacy.ids2022.map((id2022) => `${id2022} ${annexControl(id2022)?.title ?? ''}`.trim());
    return {
      code: 'legacy-annex-control',
      message: `${id} is an ISO/IEC 27001:2013 control (${legacy.title2013}); in the 2022 edition it is ${names.join(' and ')}`,
      controls: legacy.ids2022,
    };
  }
  return {
    code: 'unknown-annex-control',
    message: `${id} is not an Annex A control of ISO/IEC 27001:2022 (A.5.1–A.5.37, A.6.1–A.6.8, A.7.1–A.7.14, A.8.1–A.8.34)`,
  };
}

function checkAnnexId(entity: Entity, value: Argument, report: Report): void {
  const id = value.image;
  const problem = annexIdProblem(id);
  if (!problem) return;
  report(problem.code, entity.file, value.start, value.end, problem.message, {
    data: problem.controls ? { actual: id, controls: problem.controls } : { actual: id },
  });
}
