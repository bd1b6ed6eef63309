/**
 * `unknown-annex-control`: replaces an id of Annex A shape that is no 2022
 * control (`A.7.15`, `A.9.99`) with one of the nearest 2022 ids (by edit
 * distance; among equals, the same theme first, then the nearest number,
 * then catalogue order: A.7.15 → A.7.14, A.7.13, A.7.12), at most three, none preferred. In a
 * `control` head, ids that already have an SoA entry are left out (they
 * would be declared twice).
 */
import { ANNEX_A_IDS, annexControl } from '../../catalogue/annex-a';
import { editDistance } from '../../util/nearest-name';
import { entityAt } from './edit-helpers';
import { quickFixAction, rangeIs, type QuickFix } from './quick-fix';

const OFFERED = 3;

/** The 2022 ids nearest to `id`, best first. */
export function nearestAnnexIds(id: string, count = OFFERED, exclude: (candidate: string) => boolean = () => false): string[] {
  const [, theme, number] = /^A\.(\d+)\.(\d+)/.exec(id) ?? [];
  return ANNEX_A_IDS.filter((candidate) => !exclude(candidate))
    .map((candidate, order) => {
      const [, candidateTheme, candidateNumber] = /^A\.(\d+)\.(\d+)$/.exec(candidate)!;
      return {
        candidate,
        order,
        distance: editDistance(id, candidate),
        otherTheme: candidateTheme === theme ? 0 : 1,
        gap: number === undefined ? 0 : Math.abs(Number(candidateNumber) - Number(number)),
      };
    })
    .sort((a, b) => a.distance - b.distance || a.otherTheme - b.otherTheme || a.gap - b.gap || a.order - b.order)
    .slice(0, count)
    .map(({ candidate }) => candidate);
}

export const nearestAnnexControl: QuickFix = {
  codes: ['unknown-annex-control'],
  fixes(context) {
    const { diagnostic, index, model } = context;
    const actual = diagnostic.data?.actual;
    if (!actual || !rangeIs(context, actual)) return [];
    const entity = entityAt(model.entities, diagnostic.start);
    const inHead = entity?.kind === 'control' && entity.id?.start === diagnostic.start;
    const declared = (id: string) => inHead && index.declarations(id).some((other) => other.kind === 'control');
    return nearestAnnexIds(actual, OFFERED, declared).map((id) =>
      quickFixAction(context, `Replace ${actual} with ${id} (${annexControl(id)!.title})`, [{ start: diagnostic.start, end: diagnostic.end, newText: id }]),
    );
  },
};
