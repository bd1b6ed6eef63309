/**
 * The language reference (docs/language.md), generated from the schema so
 * that the documentation cannot drift from what the checker enforces.
 * `npm run docs` writes it; a test compares the committed file.
 */
import { clause as clauseTitle } from '../catalogue/clauses';
import { headForm } from './describe';
import { KINDS } from './kinds';
import type { FieldSpec, KindSpec, ValueType } from './schema-types';

function typeName(type: ValueType): string {
  switch (type.kind) {
    case 'enum':
      return type.values.map((v) => `\`${v}\``).join(' \\| ');
    case 'reference':
      return type.to.map((kind) => `→ ${kind}`).join(' \\| ');
    case 'number':
      return type.integer ? 'whole number ≥ 1' : 'number';
    default:
      return type.kind;
  }
}

function fieldRow(field: FieldSpec): string {
  const types = field.types.map(typeName).join(' \\| ');
  const arity = field.list ? 'list' : field.repeatable ? 'repeatable' : 'one';
  return `| \`${field.name}\` | ${types} | ${field.required ? 'yes' : ''} | ${arity} | ${field.clause ?? ''} | ${field.description} |`;
}

function kindSection(spec: KindSpec): string {
  const clauses = spec.clauses.map((id) => (clauseTitle(id) ? `${id} (${clauseTitle(id)!.title})` : id)).join(', ');
  return [
    `### \`${spec.kind}\``,
    '',
    spec.description,
    '',
    `- Head: \`${headForm(spec)}\`${spec.singleton ? ' — at most one in a workspace' : ''}`,
    `- Clause: ${clauses}`,
    '',
    '| field | value | required | values | clause | meaning |',
    '|---|---|---|---|---|---|',
    ...spec.fields.map(fieldRow),
    '',
  ].join('\n');
}

const INTRODUCTION = `# The ISMS language

<!-- Generated from server/src/schema by \`npm run docs\`; do not edit by hand. -->

A workspace folder holds one ISMS, written in any number of \`*.isms\` files
(UTF-8). All files of a folder form one model: a reference may point into any
other file. The contract is LANGUAGE.md; this page is the reference generated
from the schema the checker uses, with the decisions taken where the contract
is silent.

## Lexical structure

| token | form | examples |
|---|---|---|
| line comment | \`//\` to end of line | \`// owner to confirm\` |
| block comment | \`/* … */\`, may span lines, does not nest | |
| newline | ends a statement (CRLF, LF or CR); blank lines are ignored | |
| \`{\` \`}\` \`,\` | punctuation | |
| string | \`"…"\` on one line; escapes \`\\"\` \`\\\\\` \`\\n\` \`\\t\` | \`"Ransomware"\` |
| text block | \`"""\` … \`"""\`, may span lines | policy statements |
| date | \`YYYY-MM-DD\`, a real calendar date | \`2026-01-15\` |
| duration | number, blanks, \`day(s)\` \`week(s)\` \`month(s)\` \`year(s)\` | \`12 months\` |
| percent | number followed by \`%\` | \`95%\` |
| number | \`123\`, \`4.5\` | \`4\` |
| name | ASCII letter or \`_\`, then letters, digits, \`_\`, \`-\`, \`.\`; not ending in \`-\` or \`.\` | \`R-001\`, \`A.8.13\` |

## Grammar

\`\`\`
document   = { NEWLINE } { statement ( NEWLINE { NEWLINE } | EOF ) }
statement  = name { argument [ "," ] } [ block ]
block      = "{" { NEWLINE } { statement NEWLINE { NEWLINE } } "}"
argument   = string | textblock | date | duration | percent | number | name
\`\`\`

An entity is \`kind ID "Title" { fields }\`; a field is \`field value[, value…]\`
inside its block. A line that ends with \`,\` continues on the next line.

## Decisions where the contract is silent

- **Blocks are line based.** Inside a block each statement ends with a line
  break, so \`control A.5.1 { applicable yes }\` on one line is a syntax error
  (\`expected a line break before '}'\`). An empty block \`{}\` is fine.
- **Names are ASCII**; titles and text may hold any Unicode. U+2028 and
  U+2029 are blanks, not line breaks, as in the editor. A byte-order mark is
  ignored.
- **Text blocks**: the value is the lines between the quotes, without a blank
  first or last line and without the indentation common to the other lines.
- **List fields** (\`values: list\` below) take several values separated by
  commas, and may also be repeated: the values add up. Other fields take one
  value and may be given once (\`duplicate-field\` otherwise), except
  \`repeatable\` ones, given once per value.
- **Annex A ids**: \`control A.x.y\` declares the SoA entry of an Annex A
  control and takes its title from the catalogue. A reference to a 2022
  Annex A control in \`controls\` or \`addressed-by\` is always known (the
  catalogue declares it); whether the SoA has its entry is \`soa-incomplete\`'s
  concern. Any id of the Annex A shape that is not a 2022 control is reported
  (\`legacy-annex-control\` naming its 2022 successor(s), or
  \`unknown-annex-control\`), and needs no title.
- **Top management**: a role is top management when it says
  \`top-management yes\` or \`organization\` lists it in \`top-management\`.
- **Risk scores**: likelihood × impact; the residual score uses
  \`residual-likelihood\`/\`residual-impact\` where given, else the inherent
  values. Likelihood and impact are whole levels from 1 to the length of
  their scale.
- **Files and documents**: a \`document\` or \`evidence\` value is a file path
  when it has no blanks, no URL scheme, is relative, and contains \`/\` or ends
  in a file extension; it is resolved from the folder of the \`.isms\` file that
  holds it, and must stay inside the workspace folder. Anything else is prose.
- **Dates** are days (no time zones). Overdue checks compare with the as-of
  date: today (UTC) unless \`--as-of\` or the \`isms.asOf\` setting pins it.
  \`assessed\` plus \`assessment-interval\` (months and years keep the day of
  the month, clamped to the month's end) must not be before it. Every
  planned interval the ISMS leaves unset is 12 months: \`assessment-interval\`,
  the audit programme's \`interval\`, the organization's \`review-interval\`,
  a supplier's \`review-interval\`, and a policy's review without
  \`next-review\`.
- **Files in path order**: "first" (the first policy, the first file) means
  the order of workspace-relative paths.
- **Held and planned** (v2): an \`audit\`, \`review\`, \`training\` or
  \`change\` dated on or before the as-of date was held; one dated after it
  is planned and is never evidence (\`missing-internal-audit\` names the
  next planned audit). An audit, review or training without a valid \`date\`
  counts as neither. A \`measurement\` dated after the as-of date is planned
  too: when every measurement is, \`missing-measurement\` names the next one
  (a measurement without a \`date\` counts, as in v1: its date is optional).
  A later record that says it was done (an audit with a \`result\` or
  \`findings\`, a \`change\` with \`status done\`, a measurement with a \`result\`)
  is a \`date-in-future\`.
- **The information security policy** (v2) is the policy of \`type
  information-security\` (the first in path order; a second one is a
  \`duplicate-singleton\`); when no policy has a \`type\` and there is
  exactly one policy, that one. Its approvers must include top management;
  topic-specific policies may be approved by any role.
- **Default intervals** (v2): the audit programme's \`interval\`, the
  organization's \`review-interval\`, a supplier's \`review-interval\` and
  the awareness cycle are 12 months when not given; a policy without
  \`next-review\` is due for review 12 months after \`approved\`.

## Formatting (\`isms fmt\`)

Two-space indent per block; one space between arguments, none before \`,\`;
continuation lines one level deeper; exactly one blank line between top-level
statements (comments directly above a statement stay with it); at most one
blank line inside blocks, none after \`{\` or before \`}\`; an empty block is
\`{}\`; a statement written on the line of its block's \`{\` moves to its own
line; text block lines re-indented under the line that opens them (their
value does not change); strings verbatim; comments verbatim but for trailing
blanks; the file's line break style (LF, or CRLF when the first break is
CRLF) and byte-order mark kept; a single line break at the end. A file with
syntax errors is never reformatted. The formatter checks its own output (same
tokens, comments and text-block values) and gives up rather than change
meaning.

## Kinds
`;

export function languageReference(): string {
  return `${INTRODUCTION}\n${KINDS.map(kindSection).join('\n')}`;
}
