/**
 * Semantic tokens: the meaning of names that a TextMate grammar cannot know,
 * because keywords are not reserved and ids say nothing of their kind.
 * Strings, text blocks, numbers, dates, durations, percents and comments are
 * left to the TextMate grammar (no tokens here).
 *
 * | what | token type | modifiers |
 * |---|---|---|
 * | kind keyword of an entity (`risk`, `organization`) | `keyword` | |
 * | field name (`owner`), when the kind has the field | `property` | |
 * | enum value (`mitigate`, `yes`), when the field accepts it | `enumMember` | |
 * | Annex A id (`A.8.13`), declared or referred to | `macro` | `readonly`; `defaultLibrary` for a 2022 control, `deprecated` for a 2013 one |
 * | id of a role | `parameter` | `declaration` on the entity's own id |
 * | id of an asset | `struct` | 〃 |
 * | id of a risk | `variable` | 〃 |
 * | id of a custom control | `function` | 〃 |
 * | id of a policy | `namespace` | 〃 |
 * | id of an objective | `interface` | 〃 |
 * | id of a measurement | `method` | 〃 |
 * | id of an interested party | `class` | 〃 |
 * | id of an issue, audit, review or nonconformity | `event` | 〃 |
 *
 * A reference takes the kind of the entity it names; a reference to an id
 * declared nowhere takes the first kind its field accepts. Unknown
 * statements and fields get no tokens. Names never span lines.
 */
import type { Argument } from '../../../grammar/src';
import { annexControl, looksLikeAnnexId } from '../catalogue/annex-a';
import { legacyMapping } from '../catalogue/legacy-2013';
import { specOf } from '../analysis/model';
import type { Snapshot } from '../analysis/snapshot';
import type { EntityKind } from '../schema';

/** The token types, in legend order (all standard LSP types). */
export const SEMANTIC_TOKEN_TYPES = [
  'keyword',
  'property',
  'enumMember',
  'macro',
  'parameter',
  'struct',
  'variable',
  'function',
  'namespace',
  'interface',
  'method',
  'class',
  'event',
] as const;

/** The token modifiers, in legend order (all standard LSP modifiers). */
export const SEMANTIC_TOKEN_MODIFIERS = ['declaration', 'readonly', 'deprecated', 'defaultLibrary'] as const;

export type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];
export type SemanticTokenModifier = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];

export interface SemanticToken {
  readonly start: number;
  readonly length: number;
  readonly type: SemanticTokenType;
  readonly modifiers: SemanticTokenModifier[];
}

/** The token type of the ids of each kind (kinds without ids map to `variable`, never used). */
export const ID_TOKEN_TYPES: Readonly<Record<EntityKind, SemanticTokenType>> = {
  organization: 'variable',
  scope: 'variable',
  'risk-criteria': 'variable',
  issue: 'event',
  party: 'class',
  role: 'parameter',
  policy: 'namespace',
  asset: 'struct',
  risk: 'variable',
  control: 'function',
  objective: 'interface',
  measurement: 'method',
  audit: 'event',
  review: 'event',
  nonconformity: 'event',
  soa: 'variable',
  'audit-programme': 'variable',
  supplier: 'class',
  obligation: 'interface',
  incident: 'event',
  training: 'event',
  change: 'event',
  communication: 'method',
};

/** Tokens of one file, sorted by start. */
export function semanticTokens(snapshot: Snapshot, file: string): SemanticToken[] {
  const model = snapshot.model(file);
  if (!model) return [];
  const index = snapshot.analysis().index;
  const tokens: SemanticToken[] = [];
  const push = (start: number, end: number, type: SemanticTokenType, modifiers: SemanticTokenModifier[] = []) => {
    if (end > start) tokens.push({ start, length: end - start, type, modifiers });
  };
  const idToken = (argument: Argument, kind: EntityKind, declaration: boolean) => {
    const id = argument.image;
    const modifiers: SemanticTokenModifier[] = declaration ? ['declaration'] : [];
    if (looksLikeAnnexId(id)) {
      modifiers.push('readonly');
      if (annexControl(id)) modifiers.push('defaultLibrary');
      else if (legacyMapping(id)) modifiers.push('deprecated');
      push(argument.start, argument.end, 'macro', modifiers);
    } else {
      push(argument.start, argument.end, ID_TOKEN_TYPES[kind], modifiers);
    }
  };
  for (const entity of model.entities) {
    const statement = entity.statement;
    push(statement.nameStart, statement.nameEnd, 'keyword');
    if (entity.id) idToken(entity.id, entity.kind, true);
    for (const field of entity.fields) {
      const spec = specOf(entity, field);
      if (!spec) continue;
      push(field.nameStart, field.nameEnd, 'property');
      const reference = spec.types.find((type) => type.kind === 'reference');
      const enums = spec.types.find((type) => type.kind === 'enum');
      for (const value of field.args) {
        if (value.kind !== 'name') continue;
        if (reference?.kind === 'reference') {
          const target = index.declarations(value.image);
          const kind = target.find((e) => reference.to.includes(e.kind))?.kind ?? target[0]?.kind ?? reference.to[0];
          idToken(value, kind, false);
        } else if (enums?.kind === 'enum' && enums.values.includes(value.image)) {
          push(value.start, value.end, 'enumMember');
        }
      }
    }
  }
  return tokens;
}
