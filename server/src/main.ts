/** The language server's entry point: `node dist/server.js --stdio` (or --node-ipc from VS Code). */
import { growYoungGenerationFast } from './node-host/heap-policy';
import { start } from './protocol/start';

// Until the first analysis the server loads the workspace, as the command line does.
growYoungGenerationFast();
start();
