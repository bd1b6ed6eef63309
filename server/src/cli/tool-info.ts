/** The tool's name and version as reports show them. */
export { VERSION as TOOL_VERSION } from '../node-host/version';
export const DOCS_URL = 'https://github.com/isms-studio/isms-studio';
