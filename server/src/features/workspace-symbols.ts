/**
 * Workspace symbols: the entities of all files whose id or title matches a
 * query, case-insensitively, as a substring or failing that as a
 * subsequence that starts a word (`r1ransom` finds `R-1 Ransomware…`).
 *
 * The name of a symbol is its id followed by its title (`R-001 Ransomware
 * encrypts the customer database`), because editors filter the results on
 * the name again and the title must be able to match; entities without an id
 * are named by their kind (`organization Acme Cloud Ltd`, `scope`). The
 * detail is the kind. At most {@link MAX_WORKSPACE_SYMBOLS} results, best
 * first: exact id, id prefix, id substring, title word prefix, title
 * substring (or of id and title together), id subsequence, subsequence of
 * id and title; ties by shorter id, then in path order. An empty query
 * gives the first entities in path order.
 */
import { annexControl } from '../catalogue/annex-a';
import { entityTitle, type Entity, type FileModel } from '../analysis/model';
import { derivation, derived } from '../analysis/derived-data';
import type { Snapshot } from '../analysis/snapshot';
import type { EntityKind } from '../schema';
import type { FileRange } from './feature-types';

export interface WorkspaceSymbol {
  readonly name: string;
  readonly kind: EntityKind;
  readonly detail: string;
  /** The id argument (or the kind keyword when there is none). */
  readonly location: FileRange;
}

export const MAX_WORKSPACE_SYMBOLS = 200;

/** Ids longer than this tie with each other on length. */
const MAX_KEY_LENGTH = 64;

interface Entry {
  readonly symbol: WorkspaceSymbol;
  /** Lower-case id (the kind for entities without one). */
  readonly key: string;
  /** Lower-case title, '' when none. */
  readonly title: string;
  /** `key title`. */
  readonly both: string;
}

/** Entries per file, derived from the file's model: an edit rebuilds only the edited file's. */
const ENTRIES = /* @__PURE__ */ derivation<FileModel, readonly Entry[]>('workspace symbol entries', (model) => model.entities.map(entry));

function fileEntries(model: FileModel): readonly Entry[] {
  return derived(ENTRIES, model);
}

function entry(entity: Entity): Entry {
  const title = oneLine(entityTitle(entity) ?? (entity.kind === 'control' && entity.id ? (annexControl(entity.id.image)?.title ?? '') : ''));
  const key = entity.id ? entity.id.image : entity.kind;
  const location = entity.id
    ? { file: entity.file, start: entity.id.start, end: entity.id.end }
    : { file: entity.file, start: entity.statement.nameStart, end: entity.statement.nameEnd };
  return {
    symbol: { name: title ? `${key} ${title}` : key, kind: entity.kind, detail: entity.kind, location },
    key: key.toLowerCase(),
    title: title.toLowerCase(),
    both: `${key} ${title}`.toLowerCase(),
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether the query's characters appear in order in the text, the first at
 * the start of a word (so `acme` does not match "r*a*nso*m*ware *e*ncrypts").
 */
function isSubsequence(query: string, text: string): boolean {
  let at = -1;
  for (let i = text.indexOf(query[0]); i >= 0; i = text.indexOf(query[0], i + 1)) {
    if (i === 0 || !isWordCharacter(text.charCodeAt(i - 1))) {
      at = i + 1;
      break;
    }
  }
  if (at < 0) return false;
  for (let i = 1; i < query.length; i++) {
    at = text.indexOf(query[i], at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** A lower-case ASCII letter or digit. */
function isWordCharacter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/** Higher is better; 0 is no match. */
function score(query: string, entry: Entry): number {
  const { key, title } = entry;
  if (key === query) return 7;
  if (key.startsWith(query)) return 6;
  if (key.includes(query)) return 5;
  const inTitle = title.indexOf(query);
  if (inTitle >= 0) return inTitle === 0 || title.includes(` ${query}`) ? 4 : 3;
  if (entry.both.includes(query)) return 3;
  if (isSubsequence(query, key)) return 2;
  if (isSubsequence(query, entry.both)) return 1;
  return 0;
}

export function workspaceSymbols(snapshot: Snapshot, query: string): WorkspaceSymbol[] {
  const files = snapshot.analysis().index.files;
  const wanted = query.replace(/\s+/g, ' ').trim().toLowerCase();
  const result: WorkspaceSymbol[] = [];
  if (wanted === '') {
    for (const file of files) {
      for (const entry of fileEntries(file)) {
        result.push(entry.symbol);
        if (result.length === MAX_WORKSPACE_SYMBOLS) return result;
      }
    }
    return result;
  }
  // Buckets by score, then by id length: ordered without sorting (a query like `r` matches every risk).
  const buckets: Entry[][][] = [];
  for (const file of files) {
    for (const entry of fileEntries(file)) {
      const s = score(wanted, entry);
      if (s === 0) continue;
      const byLength = (buckets[s] ??= []);
      (byLength[Math.min(entry.key.length, MAX_KEY_LENGTH)] ??= []).push(entry);
    }
  }
  for (let s = buckets.length - 1; s > 0; s--) {
    const byLength = buckets[s];
    if (!byLength) continue;
    for (const group of byLength) {
      if (!group) continue;
      for (const entry of group) {
        result.push(entry.symbol);
        if (result.length === MAX_WORKSPACE_SYMBOLS) return result;
      }
    }
  }
  return result;
}
