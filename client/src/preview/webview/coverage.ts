/**
 * The SoA preview's coverage section as plain data: per declared framework,
 * a bar per function/section (covered, partial, gap, unmapped) and the table
 * of gaps, with the framework's credit and what a mapping means. Pure: no
 * DOM, no `vscode`; reads the server's `isms/frameworks` defensively.
 */
import type { FrameworksResult, PlainLocation } from '../messages';

export type CoverageSegmentKind = 'covered' | 'partial' | 'gap' | 'unmapped';
export const COVERAGE_SEGMENT_LABELS: Readonly<Record<CoverageSegmentKind, string>> = Object.freeze({
  covered: 'Covered',
  partial: 'Partial',
  gap: 'Gap',
  unmapped: 'Unmapped (needs its own evidence)',
});

export interface CoverageBar {
  readonly id: string;
  readonly title: string;
  readonly segments: readonly { readonly kind: CoverageSegmentKind; readonly count: number; readonly percent: number }[];
  /** `18 covered · 0 partial · 0 gaps · 0 unmapped of 18`. */
  readonly caption: string;
}

export interface CoverageGap {
  readonly id: string;
  readonly title: string;
  /** The mapped controls and clauses with their state here. */
  readonly targets: readonly { readonly id: string; readonly state: string; readonly location: PlainLocation | undefined }[];
}

export interface FrameworkSection {
  readonly id: string;
  readonly name: string;
  readonly credit: string;
  readonly bars: readonly CoverageBar[];
  readonly gaps: readonly CoverageGap[];
}

const KINDS: readonly CoverageSegmentKind[] = ['covered', 'partial', 'gap', 'unmapped'];

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

function bar(id: string, title: string, totals: unknown): CoverageBar {
  const t = (totals ?? {}) as Record<string, unknown>;
  const counts = KINDS.map((kind) => count(t[kind]));
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    id,
    title,
    segments: KINDS.map((kind, i) => ({ kind, count: counts[i], percent: total === 0 ? 0 : (counts[i] / total) * 100 })),
    caption: `${counts[0]} covered · ${counts[1]} partial · ${counts[2]} ${counts[2] === 1 ? 'gap' : 'gaps'} · ${counts[3]} unmapped of ${total}`,
  };
}

export function coverageSections(data: FrameworksResult | null | undefined): FrameworkSection[] {
  if (!data || !Array.isArray(data.frameworks)) return [];
  return data.frameworks.map((framework) => {
    type Group = FrameworksResult['frameworks'][number]['groups'][number];
    type Requirement = Group['requirements'][number];
    const groups: readonly Group[] = Array.isArray(framework.groups) ? framework.groups : [];
    const targets: FrameworksResult['frameworks'][number]['targets'] = framework.targets && typeof framework.targets === 'object' ? framework.targets : {};
    return {
      id: String(framework.framework?.id ?? ''),
      name: String(framework.framework?.name ?? ''),
      credit: String(framework.framework?.credit ?? ''),
      bars: [...groups.map((g) => bar(String(g.id), `${g.id} ${g.name}`, g.totals)), bar('all', 'All requirements', framework.totals)],
      gaps: groups.flatMap((g) =>
        ((Array.isArray(g.requirements) ? g.requirements : []) as readonly Requirement[])
          .filter((r) => r.status === 'gap')
          .map((r) => ({
            id: String(r.id),
            title: String(r.title),
            targets: ((Array.isArray(r.targets) ? r.targets : []) as Requirement['targets']).map((id) => {
              const target = targets[String(id)];
              return { id: String(id), state: String(target?.state ?? ''), location: target?.location };
            }),
          })),
      ),
    };
  });
}
