/**
 * What is under (or just before) a cursor: the statement, the entity and
 * field it belongs to, and the argument or name the cursor is on. Completion,
 * hover, definition, references, rename and highlights all start here.
 */
import type { Argument, Statement } from '../../../grammar/src';
import { specOf, type Entity, type Field, type FileModel } from '../analysis/model';
import type { FieldSpec } from '../schema';

export interface CursorContext {
  /** The top-level statement around the offset, if any. */
  readonly topLevel: Statement | undefined;
  /** Its entity, when the statement is a known kind. */
  readonly entity: Entity | undefined;
  /** The field statement around the offset, inside the entity's block. */
  readonly field: Field | undefined;
  /** The schema of `field`, when it is a field of its kind. */
  readonly fieldSpec: FieldSpec | undefined;
  /** The statement the offset is on (the field's, else the top-level one). */
  readonly statement: Statement | undefined;
  /** On the name of `statement` (a kind or a field name). */
  readonly onName: boolean;
  /** The argument the offset is on (touching its start or end counts). */
  readonly argument: Argument | undefined;
  /** Index of `argument` in its statement's arguments. */
  readonly argumentIndex: number;
  /** Whether the offset is inside the block of `entity` (between `{` and `}`). */
  readonly inBlock: boolean;
}

const within = (offset: number, start: number, end: number) => offset >= start && offset <= end;

export function cursorContext(model: FileModel, offset: number): CursorContext {
  const topLevel = findStatement(model.parsed.statements, offset);
  const entity = topLevel ? model.entities.find((e) => e.statement === topLevel) : undefined;
  const block = topLevel?.block;
  const inBlock = block !== undefined && offset > block.open && (!block.closed || offset < block.end);
  let field: Field | undefined;
  if (entity && inBlock) field = entity.fields.find((f) => within(offset, f.start, f.end));
  const statement = field ?? (inBlock ? undefined : topLevel);
  const onName = statement !== undefined && within(offset, statement.nameStart, statement.nameEnd);
  let argumentIndex = -1;
  if (statement && !onName) argumentIndex = statement.args.findIndex((a) => within(offset, a.start, a.end));
  return {
    topLevel,
    entity,
    field,
    fieldSpec: entity && field ? specOf(entity, field) : undefined,
    statement,
    onName,
    argument: argumentIndex >= 0 ? statement!.args[argumentIndex] : undefined,
    argumentIndex,
    inBlock,
  };
}

/** The top-level statement whose span (name to `}` or last argument) holds the offset; an unclosed block runs on to the next statement. */
export function findStatement(statements: readonly Statement[], offset: number): Statement | undefined {
  let low = 0;
  let high = statements.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const s = statements[mid];
    if (offset < s.start) high = mid - 1;
    else if (offset > s.end) low = mid + 1;
    else return s;
  }
  // An unclosed block runs on to the next statement.
  const before = statements[low - 1];
  return before?.block && !before.block.closed && offset >= before.start ? before : undefined;
}
