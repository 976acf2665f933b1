// The `recap` command's help texts (of the whole tool and of one command) and its version.

import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Command, OptionSpec } from './args';

export function version(): string {
  // package.json sits above both electron/ (tsx) and dist/electron/ (built).
  let dir = __dirname;
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'recap-studio' && typeof pkg.version === 'string') return pkg.version;
    }
    const up = path.dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
}

function optionLines(options: OptionSpec[]): string[] {
  const left = options.map((o) => `  --${o.name}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return options.map((o, i) => `${(left[i] ?? '').padEnd(width)}${o.help}`);
}

export function commandHelp(c: Command): string {
  return [
    `Usage: ${c.usage}`,
    '',
    c.summary,
    ...c.details,
    '',
    'Options:',
    ...optionLines(c.options),
    '',
    'Examples:',
    ...c.examples.map((e) => `  ${e}`),
  ].join('\n');
}

export function mainHelp(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'recap — create, check and edit event recaps of a static website from the terminal.',
    '',
    'Usage: recap <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    `  ${'help'.padEnd(width)}Show the help of a command: recap help set`,
    '',
    ...commands.flatMap((c) => [`${c.usage}`, ...c.examples.map((e) => `  ${e}`), '']),
    'Exit status: 0 success, 1 problems found or refused, 2 usage error or unreadable file.',
    'Options for every command: --help. Also: recap --version.',
  ].join('\n');
}
