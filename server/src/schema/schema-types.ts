/**
 * The shape of the language schema (LANGUAGE.md §3): which statements may
 * stand where, their heads, fields, value types and the clause each serves.
 * The schema is data (see kinds.ts); validation, completion, hover, snippets
 * and the language reference are all derived from it.
 */

export type EntityKind =
  | 'organization'
  | 'scope'
  | 'issue'
  | 'party'
  | 'role'
  | 'policy'
  | 'risk-criteria'
  | 'asset'
  | 'risk'
  | 'control'
  | 'objective'
  | 'measurement'
  | 'audit'
  | 'review'
  | 'nonconformity'
  | 'soa'
  | 'audit-programme'
  | 'supplier'
  | 'obligation'
  | 'incident'
  | 'training'
  | 'change'
  | 'communication';

/** One kind of value a field accepts. */
export type ValueType =
  | { readonly kind: 'text' }
  | { readonly kind: 'date' }
  | { readonly kind: 'duration' }
  | { readonly kind: 'number'; readonly integer?: boolean; readonly min?: number }
  | { readonly kind: 'percent' }
  | { readonly kind: 'enum'; readonly values: readonly string[] }
  | { readonly kind: 'reference'; readonly to: readonly EntityKind[] };

/**
 * How an entity's head is written:
 * - `id-title`: `risk R-1 "Title"`;
 * - `id-optional-title`: `control A.8.13` (a custom control id needs its title);
 * - `title`: `organization "Name"`;
 * - `bare`: `scope`, `risk-criteria`.
 */
export type HeadShape = 'id-title' | 'id-optional-title' | 'title' | 'bare';

export interface FieldSpec {
  readonly name: string;
  /** The accepted types of each value (more than one: any of them, e.g. `target` text|number|percent). */
  readonly types: readonly ValueType[];
  readonly required: boolean;
  /** Accepts several values (`controls A.8.7, A.8.13`); such a field may also be repeated, its values add up. */
  readonly list: boolean;
  /** May be given more than once, one value each time (`requirement`). */
  readonly repeatable: boolean;
  /** The clause this field serves, when more precise than its kind's. */
  readonly clause?: string;
  /** One line, for hover, completion and the reference. */
  readonly description: string;
  /** A value to put in snippets and quick-fix stubs. */
  readonly placeholder: string;
  /** The kinds a reference value may name, when the field takes references (derived from `types`). */
  readonly references?: readonly EntityKind[];
  /** The diagnostic code for this field's absence, when more specific than `missing-field`. */
  readonly missingCode?: 'nonconformity-without-action';
}

export interface KindSpec {
  readonly kind: EntityKind;
  readonly head: HeadShape;
  /** At most one in a workspace (`organization`, `scope`, `risk-criteria`, `soa`, `audit-programme`). */
  readonly singleton: boolean;
  /** The clause(s) the kind serves; the first is the one diagnostics name. */
  readonly clauses: readonly string[];
  readonly description: string;
  readonly fields: readonly FieldSpec[];
  /** A prefix for new ids of this kind, used by snippets and "create" quick fixes. */
  readonly idPrefix?: string;
}
