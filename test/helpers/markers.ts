/**
 * Cursor markers in fixture texts: `$0` marks the cursor; the marker is
 * removed and its offset returned. In multi-file fixtures the marker may
 * stand in any one file.
 */
import { parseFixture, type Fixture } from './fixture';

export interface MarkedFixture {
  readonly fixture: Fixture;
  /** The file that held `$0`. */
  readonly file: string;
  /** The offset of `$0` in that file, after removing it. */
  readonly offset: number;
}

export function withCursor(text: string): MarkedFixture {
  const fixture = parseFixture(text);
  for (const [file, content] of fixture.files) {
    const at = content.indexOf('$0');
    if (at >= 0) {
      fixture.files.set(file, content.slice(0, at) + content.slice(at + 2));
      return { fixture, file, offset: at };
    }
  }
  throw new Error('fixture has no $0 cursor marker');
}
