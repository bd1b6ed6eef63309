/**
 * The hover's part about other frameworks: for an Annex A control, what it
 * helps meet in each framework the organization declares (`frameworks`),
 * with titles; for a framework id in `frameworks`, what the framework is and
 * where its data comes from. Every such hover credits the data's source and
 * says that a mapping means "helps meet", never "complies".
 */
import type { WorkspaceIndex } from '../analysis/workspace-index';
import { HELPS_MEET, type FrameworkInfo } from '../catalogue/framework-set';
import type { Snapshot } from '../analysis/snapshot';
import { declaredFrameworks, requirementsMappedTo } from './coverage';

/** At most this many requirements per framework, then "and N more". */
const MAX_REQUIREMENTS = 8;

function inline(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
}

function shorten(text: string, length = 110): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

export function helpsMeetMarkdown(snapshot: Snapshot, index: WorkspaceIndex, controlId: string): string | undefined {
  const frameworks = declaredFrameworks(index, snapshot.frameworks());
  if (frameworks.length === 0) return undefined;
  const parts: string[] = [];
  for (const framework of frameworks) {
    const requirements = requirementsMappedTo(framework, controlId);
    if (requirements.length === 0) {
      parts.push(`**Helps meet in ${inline(framework.label)}:** nothing (no requirement is mapped to ${controlId})`);
      continue;
    }
    const lines = requirements.slice(0, MAX_REQUIREMENTS).map((r) => `- ${inline(r.id)} ${inline(shorten(r.title))}`);
    if (requirements.length > MAX_REQUIREMENTS) lines.push(`- and ${requirements.length - MAX_REQUIREMENTS} more`);
    parts.push(`**Helps meet in ${inline(framework.label)}** (${requirements.length} ${requirements.length === 1 ? 'requirement' : 'requirements'})\n${lines.join('\n')}\n\n*${inline(creditLine(framework))}*`);
  }
  parts.push(`*${HELPS_MEET}*`);
  return parts.join('\n\n');
}

export function frameworkMarkdown(framework: FrameworkInfo): string {
  const mapped = framework.requirements.filter((r) => r.targets.length > 0).length;
  return [
    `**${inline(framework.name)}** (\`${framework.id}\`)`,
    `${framework.requirements.length} requirements in ${framework.groups.length} ${framework.groupKind}s; ${mapped} mapped to ISO/IEC 27001:2022.`,
    `*${HELPS_MEET}*`,
    `*${inline(creditLine(framework))}*`,
  ].join('\n\n');
}

function creditLine(framework: FrameworkInfo): string {
  return `Source: ${framework.credit}`;
}
