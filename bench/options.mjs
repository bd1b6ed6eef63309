// The command-line options of the bench scripts, read with node's
// util.parseArgs: whole numbers checked to be positive, choices checked, and
// any mistake answered with one line and the usage (exit 2).

import { parseArgs } from 'node:util';

/**
 * @param {string} script the script's name in messages, e.g. `bench/check`
 * @param {string} usage the usage text
 * @param {Record<string, { type: 'int' | 'flag' | 'string', key?: string, choices?: string[], parse?: (value: string) => unknown }>} flags
 *   by flag name (`yaml-file`); the option is `key`, else the name in camelCase (`yamlFile`)
 * @param {Record<string, unknown>} defaults
 */
export function readOptions(script, usage, flags, defaults, argv = process.argv.slice(2)) {
  const stop = (error) => {
    if (error) {
      console.error(`${script}: ${error}\n${usage}`);
      process.exit(2);
    }
    console.log(usage);
    process.exit(0);
  };
  let values;
  try {
    const options = { help: { type: 'boolean', short: 'h' } };
    for (const [flag, spec] of Object.entries(flags)) options[flag] = { type: spec.type === 'flag' ? 'boolean' : 'string' };
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (error) {
    stop(error.message);
  }
  if (values.help) stop();
  const result = { ...defaults };
  for (const [flag, spec] of Object.entries(flags)) {
    const value = values[flag];
    if (value === undefined) continue;
    const key = spec.key ?? flag.replace(/-(\w)/g, (_, c) => c.toUpperCase());
    if (spec.type === 'int') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) stop(`--${flag} needs a positive integer`);
      result[key] = n;
    } else if (spec.choices && !spec.choices.includes(value)) {
      stop(`--${flag} takes ${spec.choices.join(' or ')}`);
    } else {
      result[key] = spec.parse ? spec.parse(value) : value;
    }
  }
  return result;
}
