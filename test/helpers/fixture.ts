/**
 * Multi-file fixtures in one text: a line `//- /path` starts the file `path`
 * (text before the first marker belongs to `main.isms`). Files that are not
 * `.isms` stand for documents on disk (for document-not-found).
 */
import { createLanguageService, type LanguageService } from '../../server/src/language-service';

export interface Fixture {
  /** Files by workspace path, in order of appearance. */
  readonly files: Map<string, string>;
}

export function parseFixture(text: string): Fixture {
  const files = new Map<string, string>();
  let current = 'main.isms';
  let lines: string[] = [];
  const flush = () => {
    if (lines.length > 0 || current !== 'main.isms') files.set(current, lines.join('\n'));
  };
  for (const line of text.split('\n')) {
    const marker = /^\/\/- \/(\S+)\s*$/.exec(line);
    if (marker) {
      flush();
      current = marker[1];
      lines = [];
    } else {
      lines.push(line);
    }
  }
  flush();
  if (files.get('main.isms')?.trim() === '') files.delete('main.isms');
  return { files };
}

/** A language service over a fixture's `.isms` files, its other files standing for documents on disk. */
export function fixtureService(fixture: Fixture, asOf = '2026-11-27'): LanguageService {
  const documents = new Set([...fixture.files.keys()].filter((file) => !file.endsWith('.isms')));
  const service = createLanguageService({ asOf, documents: { exists: (file) => documents.has(file) } });
  for (const [file, text] of fixture.files) if (file.endsWith('.isms')) service.setFile(file, text);
  return service;
}
