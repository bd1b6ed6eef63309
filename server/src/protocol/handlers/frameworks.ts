/** `isms/frameworks` → features/coverage.ts: the coverage of each declared framework, with LSP locations. */
import { HELPS_MEET } from '../../catalogue/framework-set';
import { declaredFrameworks, workspaceCoverage } from '../../features/coverage';
import { toRange } from '../convert';
import { FRAMEWORKS_REQUEST, type FrameworksParams, type FrameworksResult, type PlainLocation, type TargetResult } from '../custom-requests';
import type { IsmsFolder } from '../isms-folder';
import { guarded, type ServerContext } from '../server-context';

function plainLocation(folder: IsmsFolder, location: { file: string; start: number; end: number } | undefined): PlainLocation | undefined {
  if (!location) return undefined;
  const parsed = folder.service.parsed(location.file);
  return parsed ? { uri: folder.uriOf(location.file), range: toRange(parsed.lines, location.start, location.end) } : undefined;
}

export function registerFrameworks(context: ServerContext): void {
  context.connection.onRequest(
    FRAMEWORKS_REQUEST,
    guarded(context, FRAMEWORKS_REQUEST, null, (params: FrameworksParams): FrameworksResult => {
      const folder = context.folders.folderFor(params?.uri);
      if (!folder) throw new Error(`no ISMS folder for ${params?.uri ?? 'this workspace'}`);
      const service = folder.service;
      const set = service.frameworks();
      const chosen = Array.isArray(params?.frameworks)
        ? params.frameworks.flatMap((id) => (typeof id === 'string' && set.get(id) ? [set.get(id)!] : []))
        : declaredFrameworks(service.analysis().index, set);
      const frameworks = chosen.map((framework) => {
        const coverage = workspaceCoverage(service, framework.id)!;
        const targets: Record<string, TargetResult> = {};
        for (const requirement of coverage.requirements) {
          for (const target of requirement.targets) targets[target.id] ??= { ...target, location: plainLocation(folder, target.location) };
        }
        return {
          framework: coverage.framework,
          totals: coverage.totals,
          targets,
          groups: coverage.groups.map((group) => ({
            ...group,
            requirements: group.requirements.map((requirement) => ({ ...requirement, targets: requirement.targets.map((target) => target.id) })),
          })),
        };
      });
      return { folderUri: folder.uri, meaning: HELPS_MEET, frameworks, available: set.ids(), packErrors: set.errors };
    }),
  );
}
