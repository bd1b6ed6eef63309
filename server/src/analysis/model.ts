/**
 * The model of one file: its entities (kind, id, title, fields), read from
 * the syntax tree with the schema. Architecture invariant: building a file's
 * model looks at that file only, so it is cached per file and an edit
 * rebuilds just the edited file's model; cross-file meaning lives in the
 * workspace index.
 */
import type { Argument, ParsedFile, Statement } from '../../../grammar/src';
import { argumentText } from '../../../grammar/src';
import { fieldSpec, kindSpec, type EntityKind, type FieldSpec, type KindSpec } from '../schema';

/**
 * A field: a statement inside an entity's block, its values the statement's
 * arguments. The statement itself, not an object around it: a large ISMS has
 * 100,000s of fields, and a wrapper per field was an eighth of the heap that
 * the garbage collector copies while a workspace is read. Its schema comes
 * from {@link specOf}.
 */
export type Field = Statement;

export interface Entity {
  readonly file: string;
  readonly kind: EntityKind;
  readonly spec: KindSpec;
  readonly statement: Statement;
  /** The declared id (absent for `organization`, `scope`, `risk-criteria`, or when missing). */
  readonly id: Argument | undefined;
  /** The title argument, when given as a string. */
  readonly title: Argument | undefined;
  /** End of the head (`kind ID "Title"`): diagnostics about missing things go on the head. */
  readonly headEnd: number;
  readonly fields: readonly Field[];
  /** Its reference values (kept with the entity, so that an edit re-uses those of the entities it did not touch). */
  readonly references: readonly FileReference[];
}

/** A reference value as written, before linking (linking needs the whole workspace). */
export interface FileReference {
  readonly entity: Entity;
  readonly field: Field;
  readonly value: Argument;
  /** The kinds the field accepts. */
  readonly expected: readonly EntityKind[];
}

export interface FileModel {
  readonly file: string;
  readonly parsed: ParsedFile;
  readonly entities: readonly Entity[];
  /** Top-level statements that are no kind. */
  readonly unknownStatements: readonly Statement[];
  /** Every reference value of the file, in order. */
  readonly references: readonly FileReference[];
}

export function buildFileModel(file: string, parsed: ParsedFile, reuse?: (statement: Statement) => Entity | undefined): FileModel {
  const entities: Entity[] = [];
  const unknownStatements: Statement[] = [];
  for (const statement of parsed.statements) {
    const spec = kindSpec(statement.name);
    if (!spec) {
      unknownStatements.push(statement);
      continue;
    }
    entities.push(reuse?.(statement) ?? buildEntity(file, spec, statement));
  }
  return withReferences(file, parsed, entities, unknownStatements);
}

function withReferences(file: string, parsed: ParsedFile, entities: Entity[], unknownStatements: Statement[]): FileModel {
  const references: FileReference[] = [];
  for (const entity of entities) for (const reference of entity.references) references.push(reference);
  return { file, parsed, entities, unknownStatements, references };
}

function buildEntity(file: string, spec: KindSpec, statement: Statement): Entity {
  const args = statement.args;
  let id: Argument | undefined;
  let title: Argument | undefined;
  let headArgs = 0;
  if (spec.head === 'title') {
    if (args[0]?.kind === 'string') title = args[0];
    headArgs = args.length > 0 ? 1 : 0;
  } else if (spec.head !== 'bare') {
    if (args[0]?.kind === 'name') {
      id = args[0];
      headArgs = 1;
      if (args[1]?.kind === 'string') {
        title = args[1];
        headArgs = 2;
      }
    } else if (args[0]?.kind === 'string') {
      title = args[0];
      headArgs = 1;
    }
  }
  const headEnd = headArgs > 0 ? args[headArgs - 1].end : statement.nameEnd;
  const fields = statement.block?.statements ?? NO_STATEMENTS;
  const entity: Entity = { file, kind: spec.kind, spec, statement, id, title, headEnd, fields, references: NO_REFERENCES };
  let references: FileReference[] | undefined;
  for (const field of fields) {
    const expected = fieldSpec(spec.kind, field.name)?.references;
    if (!expected) continue;
    for (const value of field.args) if (value.kind === 'name') (references ??= []).push({ entity, field, value, expected });
  }
  if (references) (entity as { references: readonly FileReference[] }).references = references;
  return entity;
}

const NO_STATEMENTS: readonly Statement[] = [];
const NO_REFERENCES: readonly FileReference[] = [];

/** The schema of an entity's field, or undefined for an unknown field. */
export function specOf(entity: Entity, field: Field): FieldSpec | undefined {
  return fieldSpec(entity.kind, field.name);
}

/** The number of head arguments an entity's head uses (extra ones are invalid). */
export function headArgumentCount(entity: Entity): number {
  const args = entity.statement.args;
  let count = 0;
  while (count < args.length && args[count].end <= entity.headEnd) count++;
  return count;
}

export function entityTitle(entity: Entity): string | undefined {
  return entity.title ? argumentText(entity.title) : undefined;
}

/** A short, human name for an entity: `risk R-001`, `scope`. */
export function describeEntity(entity: Entity): string {
  return entity.id ? `${entity.kind} ${entity.id.image}` : entity.kind;
}

/** The occurrences of a field in an entity. */
export function firstField(entity: Entity, name: string): Field | undefined {
  // A loop over a dozen fields, not `find` with a closure nor a set per entity: the rules ask this for every risk.
  for (const field of entity.fields) if (field.name === name) return field;
  return undefined;
}

/** All values of a field (over repeated occurrences), as arguments. */
export function fieldArguments(entity: Entity, name: string): Argument[] {
  const result: Argument[] = [];
  for (const f of entity.fields) if (f.name === name) result.push(...f.args);
  return result;
}

/** The first value of a field, decoded; undefined when absent. */
export function fieldText(entity: Entity, name: string): string | undefined {
  const value = firstField(entity, name)?.args[0];
  return value ? argumentText(value) : undefined;
}

/** All values of a field, decoded. */
export function fieldTexts(entity: Entity, name: string): string[] {
  return fieldArguments(entity, name).map(argumentText);
}

/** The first value of a field as a number, when it is a number. */
export function fieldNumber(entity: Entity, name: string): number | undefined {
  const value = firstField(entity, name)?.args[0];
  return value && value.kind === 'number' ? Number(value.image) : undefined;
}

export function hasField(entity: Entity, name: string): boolean {
  return firstField(entity, name) !== undefined;
}
