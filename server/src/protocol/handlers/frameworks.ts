/** `isms/frameworks` → the coverage of each declared framework (or of those asked for), with LSP locations. */
import { HELPS_MEET, declaredFrameworks, frameworkCoverage, frameworkSet, type FrameworkInfo, type Snapshot } from '../../language-service';
import { toRange } from '../convert';
import { FRAMEWORKS_REQUEST, type FrameworksParams, type FrameworksResult, type PlainLocation, type TargetResult } from '../custom-requests';
import type { IsmsFolder } from '../isms-folder';
import { guarded, type ServerContext } from '../server-context';

function plainLocation(folder: IsmsFolder, snapshot: Snapshot, location: { file: string; start: number; end: number } | undefined): PlainLocation | undefined {
  if (!location) return undefined;
  const parsed = snapshot.parsed(location.file);
  return parsed ? { uri: folder.uriOf(location.file), range: toRange(parsed.lines, location.start, location.end) } : undefined;
}

export function registerFrameworks(context: ServerContext): void {
  context.connection.onRequest(
    FRAMEWORKS_REQUEST,
    guarded(context, FRAMEWORKS_REQUEST, null, (params: FrameworksParams): FrameworksResult => {
      const folder = context.folders.folderFor(params?.uri);
      if (!folder) throw new Error(`no ISMS folder for ${params?.uri ?? 'this workspace'}`);
      const snapshot = folder.service.snapshot();
      const set = frameworkSet(snapshot);
      const chosen: FrameworkInfo[] = Array.isArray(params?.frameworks)
        ? params.frameworks.flatMap((id) => {
            const framework = typeof id === 'string' ? set.get(id) : undefined;
            return framework ? [framework] : [];
          })
        : declaredFrameworks(snapshot);
      const frameworks = chosen.map((framework) => {
        const coverage = frameworkCoverage(snapshot, framework.id)!;
        const targets: Record<string, TargetResult> = {};
        for (const requirement of coverage.requirements) {
          for (const target of requirement.targets) targets[target.id] ??= { ...target, location: plainLocation(folder, snapshot, target.location) };
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
