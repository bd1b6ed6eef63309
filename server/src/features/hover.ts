/**
 * Hover: markdown about what is under the cursor, as plain data.
 *
 * - an Annex A id (a `control` head or a control reference): the control's
 *   title, theme and ISO/IEC 27002 attributes, its SoA decision, and the
 *   risks and parties that use it;
 * - an entity's id or a reference to it: kind, id, title, the key facts of
 *   its kind (a risk's scores against the acceptance criteria, …) and where
 *   it is declared; an unknown id says so;
 * - a kind keyword or a field name: the schema's description, value types,
 *   whether required, and the clause with its title;
 * - a risk's likelihood or impact level: its label on the scale.
 *
 * Cost: index look-ups; the users of a control are memoized per file model.
 */
import type { Argument } from '../../../grammar/src';
import { argumentText } from '../../../grammar/src';
import { ATTRIBUTE_KINDS, THEMES, annexControl, formatAttributeValue, looksLikeAnnexId, type AnnexControl } from '../catalogue/annex-a';
import { legacyMapping } from '../catalogue/legacy-2013';
import { entityTitle, fieldText, fieldTexts, type Entity, type FileModel } from '../analysis/model';
import { riskCriteria, riskScore, type RiskCriteria } from '../analysis/risk-score';
import type { WorkspaceIndex } from '../analysis/workspace-index';
import { derivation, derived } from '../analysis/derived-data';
import type { Snapshot } from '../analysis/snapshot';
import { withArticle } from '../util/nearest-name';
import { clauseOf, kindSpec, type EntityKind, type FieldSpec, type KindSpec } from '../schema';
import { LEVEL_SCALES, clauseLabel, headForm, typesDescription } from '../schema/describe';
import { cursorContext } from './cursor-context';
import { frameworkMarkdown, helpsMeetMarkdown } from './framework-hover';

export interface Hover {
  readonly markdown: string;
  readonly range: { readonly start: number; readonly end: number };
}

/** At most this many users of a control are listed, then "and N more". */
const MAX_USERS = 10;

export function hover(snapshot: Snapshot, file: string, offset: number): Hover | undefined {
  const model = snapshot.model(file);
  if (!model) return undefined;
  const context = cursorContext(model, offset);
  const statement = context.statement;
  if (!statement) return undefined;
  const range = (start: number, end: number) => ({ start, end });

  if (context.onName) {
    const nameRange = range(statement.nameStart, statement.nameEnd);
    if (context.field) {
      const spec = context.fieldSpec;
      return spec && context.entity ? { markdown: fieldMarkdown(context.entity.spec, spec), range: nameRange } : undefined;
    }
    const spec = kindSpec(statement.name);
    return spec && context.entity?.statement === statement ? { markdown: kindMarkdown(spec), range: nameRange } : undefined;
  }

  const argument = context.argument;
  if (!argument || argument.kind === 'string' || argument.kind === 'textblock') return undefined;
  const argumentRange = range(argument.start, argument.end);
  const entity = context.entity;
  if (!entity) return undefined;

  // An entity's own id.
  if (!context.field) {
    if (argument !== entity.id) return undefined;
    const index = snapshot.analysis().index;
    const annex = entity.kind === 'control' ? annexControl(argument.image) : undefined;
    let markdown = annex ? annexMarkdown(snapshot, index, annex) : entityMarkdown(snapshot, index, entity, undefined);
    const note = entity.kind === 'control' && !annex ? notAnnexNote(argument.image) : undefined;
    if (note) markdown = `${note}\n\n${markdown}`;
    return { markdown, range: argumentRange };
  }

  const spec = context.fieldSpec;
  if (!spec) return undefined;
  const reference = spec.types.find((type) => type.kind === 'reference');
  if (reference?.kind === 'reference' && argument.kind === 'name') {
    const index = snapshot.analysis().index;
    const annex = reference.to.includes('control') ? annexControl(argument.image) : undefined;
    if (annex) return { markdown: annexMarkdown(snapshot, index, annex), range: argumentRange };
    const declared = index.declarations(argument.image);
    const note = reference.to.includes('control') ? notAnnexNote(argument.image) : undefined;
    if (declared.length === 0) return { markdown: note ?? `No entity \`${argument.image}\` is declared.`, range: argumentRange };
    const target = declared.find((candidate) => reference.to.includes(candidate.kind)) ?? declared[0];
    const markdown = entityMarkdown(snapshot, index, target, { field: spec.name, kinds: reference.to });
    return { markdown: note ? `${note}\n\n${markdown}` : markdown, range: argumentRange };
  }
  if (entity.kind === 'organization' && spec.name === 'frameworks' && argument.kind === 'name') {
    const framework = snapshot.frameworks().get(argument.image);
    return framework ? { markdown: frameworkMarkdown(framework), range: argumentRange } : undefined;
  }
  if (entity.kind === 'risk' && argument.kind === 'number' && LEVEL_SCALES.has(spec.name)) {
    const markdown = levelMarkdown(snapshot.analysis().index, spec.name, Number(argument.image));
    return markdown ? { markdown, range: argumentRange } : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Schema

function kindMarkdown(spec: KindSpec): string {
  const required = spec.fields.filter((field) => field.required).map((field) => `\`${field.name}\``);
  const lines = [
    `- Head: \`${headForm(spec)}\`${spec.singleton ? ' (at most one in a workspace)' : ''}`,
    `- Clause: ${spec.clauses.map(clauseLabel).join('; ')}`,
    `- Required fields: ${required.length > 0 ? required.join(', ') : 'none'}`,
  ];
  return `**${spec.kind}** (kind)\n\n${spec.description}\n\n${lines.join('\n')}`;
}

function fieldMarkdown(kind: KindSpec, field: FieldSpec): string {
  const lines = [
    `- Value: ${typesDescription(field)}${field.repeatable ? ' (may be repeated)' : ''}`,
    `- Required: ${field.required ? 'yes' : 'no'}`,
    `- Clause: ${clauseLabel(clauseOf(kind, field))}`,
  ];
  return `**${field.name}** (field of \`${kind.kind}\`)\n\n${field.description}\n\n${lines.join('\n')}`;
}

// ---------------------------------------------------------------------------
// Annex A controls

function annexMarkdown(snapshot: Snapshot, index: WorkspaceIndex, control: AnnexControl): string {
  const theme = THEMES.find((t) => t.id === control.theme)!;
  const parts: string[] = [
    `**${control.id} ${control.title}**`,
    `ISO/IEC 27001:2022 Annex A, ${control.theme} control (A.${theme.clause} ${theme.title})`,
    ATTRIBUTE_KINDS.map(({ key, label }) => `- ${label}: ${control[key].map(formatAttributeValue).join(', ') || '—'}`).join('\n'),
  ];

  const entry = index.declarations(control.id).find((entity) => entity.kind === 'control');
  if (entry) {
    const lines = [`- Applicable: ${fieldText(entry, 'applicable') ?? 'not stated'}`];
    const reason = fieldText(entry, 'reason');
    if (reason !== undefined) lines.push(`- Reason: ${inline(reason)}`);
    const status = fieldText(entry, 'status');
    if (status !== undefined) lines.push(`- Status: ${status}`);
    const owner = fieldText(entry, 'owner');
    if (owner !== undefined) lines.push(`- Owner: ${linkText(index, owner)}`);
    parts.push(`**SoA entry** (${where(snapshot, entry)})\n${lines.join('\n')}`);
  } else {
    parts.push('No SoA entry yet.');
  }

  const risks: Entity[] = [];
  const parties: Entity[] = [];
  for (const file of index.files) {
    for (const user of controlUsers(file).get(control.id) ?? []) (user.kind === 'risk' ? risks : parties).push(user);
  }
  const users = [...risks, ...parties];
  if (users.length === 0) {
    parts.push('Used by no risk or party.');
  } else {
    const lines = users.slice(0, MAX_USERS).map((user) => `- ${user.kind} ${entityLink(user)}`);
    if (users.length > MAX_USERS) lines.push(`- and ${users.length - MAX_USERS} more`);
    parts.push(`**Used by**\n${lines.join('\n')}`);
  }
  const helpsMeet = helpsMeetMarkdown(snapshot, index, control.id);
  if (helpsMeet) parts.push(helpsMeet);
  return parts.join('\n\n');
}

/**
 * The risks and parties of one file that refer to each id, memoized with the
 * file's model: models are cached per file, so after an edit only the edited
 * file is scanned again (the index's linked `referencesTo` map would be
 * rebuilt over every reference of the workspace on the first hover).
 */
const CONTROL_USERS = /* @__PURE__ */ derivation<FileModel, Map<string, Entity[]>>('control users', (model) => {
  const users = new Map<string, Entity[]>();
  for (const reference of model.references) {
    const user = reference.entity;
    if (user.kind !== 'risk' && user.kind !== 'party') continue;
    const id = reference.value.image;
    const list = users.get(id);
    if (!list) users.set(id, [user]);
    else if (list[list.length - 1] !== user) list.push(user);
  }
  return users;
});

function controlUsers(model: FileModel): Map<string, Entity[]> {
  return derived(CONTROL_USERS, model);
}

/** For an id of the Annex A shape that is no 2022 control: what it is (a 2013 control and its successors). */
function notAnnexNote(id: string): string | undefined {
  if (!looksLikeAnnexId(id)) return undefined;
  const legacy = legacyMapping(id);
  if (!legacy) return `⚠ \`${id}\` is not an ISO/IEC 27001:2022 Annex A control.`;
  const successors = legacy.ids2022.map((successor) => `${successor} ${annexControl(successor)?.title ?? ''}`.trim()).join('; ');
  return `⚠ \`${id}\` ${inline(legacy.title2013)} is an ISO/IEC 27001:2013 control; in the 2022 edition: ${successors}.`;
}

// ---------------------------------------------------------------------------
// Entities

/**
 * `**risk `R-001`** Title`, the facts of its kind, where it is declared; with
 * `expected`, a note when the entity is not of a kind the reference accepts.
 */
function entityMarkdown(
  snapshot: Snapshot,
  index: WorkspaceIndex,
  entity: Entity,
  expected: { readonly field: string; readonly kinds: readonly EntityKind[] } | undefined,
): string {
  const id = entity.id?.image;
  const title = entityTitle(entity);
  const parts = [`**${entity.kind}${id ? ` \`${id}\`` : ''}**${title !== undefined ? ` ${inline(title)}` : ''}`];
  if (expected && !expected.kinds.includes(entity.kind)) {
    parts.push(`⚠ \`${expected.field}\` expects ${expected.kinds.map(withArticle).join(' or ')}, not ${withArticle(entity.kind)}.`);
  }
  const facts = entityFacts(snapshot, index, entity);
  if (facts.length > 0) parts.push(facts.map((fact) => `- ${fact}`).join('\n'));
  const declarations = id ? index.declarations(id) : [entity];
  const places = declarations.map((declaration) => where(snapshot, declaration)).join(', ');
  parts.push(`Declared in ${places}${declarations.length > 1 ? ' (duplicate id)' : ''}`);
  return parts.join('\n\n');
}

function entityFacts(snapshot: Snapshot, index: WorkspaceIndex, entity: Entity): string[] {
  switch (entity.kind) {
    case 'risk': {
      const criteria = riskCriteria(index);
      const score = riskScore(entity, criteria);
      const treatment = fieldText(entity, 'treatment');
      const owner = fieldText(entity, 'owner');
      return [
        `Inherent risk: ${scoreText(criteria, score.likelihood, score.impact, score.inherent, score.inherentAcceptable)}`,
        `Residual risk: ${scoreText(criteria, score.residualLikelihood, score.residualImpact, score.residual, score.residualAcceptable)}`,
        `Treatment: ${treatment ?? 'none'}`,
        `Owner: ${owner !== undefined ? linkText(index, owner) : 'none'}`,
      ];
    }
    case 'role': {
      const holder = fieldText(entity, 'holder');
      const id = entity.id?.image;
      return [`Holder: ${holder !== undefined ? inline(holder) : 'not named'}`, `Top management: ${id && index.isTopManagement(id) ? 'yes' : 'no'}`];
    }
    case 'policy': {
      const approvers = fieldTexts(entity, 'approved-by');
      const approved = fieldText(entity, 'approved');
      const review = fieldText(entity, 'next-review');
      const overdue = review !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(review) && review < snapshot.asOf;
      return [
        `Approved by: ${approvers.length > 0 ? approvers.map((approver) => linkText(index, approver)).join(', ') : 'not stated'}`,
        `Approved: ${approved ?? 'not stated'}`,
        `Next review: ${review ?? 'not set'}${overdue ? ' (overdue)' : ''}`,
      ];
    }
    case 'asset': {
      const owner = fieldText(entity, 'owner');
      return [`Owner: ${owner !== undefined ? linkText(index, owner) : 'none'}`, `Classification: ${fieldText(entity, 'classification') ?? 'not set'}`];
    }
    default:
      return entity.fields
        .filter((field) => field.args.length > 0)
        .slice(0, 3)
        .map((field) => `${field.name}: ${inline(shorten(field.args.map(valueText).join(', ')))}`);
  }
}

function scoreText(
  criteria: RiskCriteria | undefined,
  likelihood: number | undefined,
  impact: number | undefined,
  score: number | undefined,
  acceptable: boolean | undefined,
): string {
  if (likelihood === undefined || impact === undefined || score === undefined) return 'not rated';
  const label = (labels: readonly string[] | undefined, level: number) =>
    labels && Number.isInteger(level) && level >= 1 && level <= labels.length ? inline(labels[level - 1]) : String(level);
  const text = `${label(criteria?.likelihoodLabels, likelihood)} × ${label(criteria?.impactLabels, impact)} = ${score}`;
  if (acceptable === undefined) return text;
  return `${text}, ${acceptable ? 'acceptable' : 'not acceptable'} (acceptance ${criteria!.acceptance})`;
}

function levelMarkdown(index: WorkspaceIndex, field: string, level: number): string | undefined {
  const criteria = riskCriteria(index);
  if (!criteria) return undefined;
  const scale = LEVEL_SCALES.get(field);
  const labels = scale === 'likelihood' ? criteria.likelihoodLabels : criteria.impactLabels;
  if (!Number.isInteger(level) || level < 1 || level > labels.length) {
    return `**${level}** is outside the ${scale} scale (1–${labels.length})`;
  }
  return `**${inline(labels[level - 1])}**: ${scale} level ${level} of ${labels.length}`;
}

// ---------------------------------------------------------------------------
// Helpers

/** `` `cto` Chief Technology Officer `` for a declared id, else the bare id in code. */
function linkText(index: WorkspaceIndex, id: string): string {
  const target = index.declaration(id);
  return target ? entityLink(target) : `\`${id}\``;
}

function entityLink(entity: Entity): string {
  const title = entityTitle(entity);
  return `\`${entity.id?.image ?? entity.kind}\`${title !== undefined ? ` ${inline(title)}` : ''}`;
}

/** `risks.isms:12` (1-based line of the entity's head). */
function where(snapshot: Snapshot, entity: Entity): string {
  const lines = snapshot.parsed(entity.file)?.lines;
  const line = lines ? lines.position(entity.statement.start).line + 1 : 1;
  return `${entity.file}:${line}`;
}

/** A value as text: strings decoded (first line only), other values as written. */
function valueText(value: Argument): string {
  if (value.kind !== 'string' && value.kind !== 'textblock') return value.image;
  const text = argumentText(value);
  const firstLine = text.split(/\r\n|\r|\n/)[0];
  return firstLine.length < text.length ? `${firstLine} …` : firstLine;
}

/** User text for inline markdown: first line only, markdown characters escaped. */
function inline(text: string): string {
  const firstLine = text.split(/\r\n|\r|\n/)[0];
  const shown = firstLine.length < text.length ? `${firstLine} …` : firstLine;
  return shown.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);
}

function shorten(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

