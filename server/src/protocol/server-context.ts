/** What every request handler gets: the connection, the documents, the folders, and safe lookups. */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LineIndex, Snapshot } from '../language-service';
import { collectIfGrown } from '../node-host/heap-policy';
import type { FolderRegistry } from './folder-registry';
import type { IsmsFolder } from './isms-folder';
import type { ClientAbilities } from './lifecycle';

export interface ResolvedDocument {
  readonly folder: IsmsFolder;
  /** The folder's state, taken once for this request. */
  readonly snapshot: Snapshot;
  /** The service's name of the file. */
  readonly file: string;
  readonly lines: LineIndex;
  readonly text: string;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly folders: FolderRegistry;
  /** What the client said it can do (filled in by initialize). */
  readonly client: ClientAbilities;
  /** The analysed state of a document (a snapshot of its folder); undefined for URIs the server does not know. */
  resolve(uri: string): ResolvedDocument | undefined;
  /** The URI of a file of a folder. */
  uriOf(folder: IsmsFolder, file: string): string;
}

/**
 * Wraps a request handler so that a failure is logged and answered with a
 * neutral result: the server never dies on a document. After each request
 * the heap policy may collect garbage.
 */
export function guarded<P, R>(context: { connection: Connection }, name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (error) {
      // A request the client got wrong (invalid params) is answered with its error, not with the fallback.
      if (error instanceof ResponseError) throw error;
      context.connection.console.error(`${name} failed: ${(error as Error)?.stack ?? String(error)}`);
      return fallback;
    } finally {
      // Once the answer is on its way: large answers are garbage as soon as they are sent.
      setImmediate(collectIfGrown);
    }
  };
}
