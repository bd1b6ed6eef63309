/** The language server's entry point: `node dist/server.js --stdio` (or --node-ipc from VS Code). */
import { start } from './protocol/start';

start();
