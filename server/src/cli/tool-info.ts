/** The tool's name and version as reports show them. */
export const TOOL_VERSION = '0.1.0';
export const DOCS_URL = 'https://github.com/isms-studio/isms-studio';
