/** Every feature handler of the server, and the capabilities they announce. */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from '../server-context';
import { registerCustomRequests } from './custom-requests';
import { registerFormatting } from './formatting';

export function capabilities(): ServerCapabilities {
  return {};
}

export function registerFeatureHandlers(context: ServerContext): void {
  registerFormatting(context);
  registerCustomRequests(context);
}
