// The `recap` command's help texts (of the whole tool and of one command) and its version.

import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { UI_LANG_OPTION, type Command, type OptionSpec } from './args';
import { say } from './output';

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

function optionLines(options: OptionSpec[], params: Readonly<Record<string, string>> = {}): string[] {
  const left = options.map((o) => `  --${o.name}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...left.map((l) => l.length)) + 2;
  return options.map((o, i) => `${(left[i] ?? '').padEnd(width)}${say(o.help, params)}`);
}

/** A command's options as its help lists them: its own, then the language option. */
function helpOptions(c: Command): OptionSpec[] {
  const own = c.options.filter((o) => o.name !== 'help');
  const help = c.options.filter((o) => o.name === 'help');
  return [...own, UI_LANG_OPTION, ...help];
}

export function commandHelp(c: Command): string {
  return [
    say('cli.help.usage', { usage: c.usage }),
    '',
    say(c.summary, c.helpParams),
    ...say(c.details, c.helpParams).split('\n'),
    '',
    say('cli.help.options'),
    ...optionLines(helpOptions(c), c.helpParams),
    '',
    say('cli.help.examples'),
    ...c.examples.map((e) => `  ${e}`),
  ].join('\n');
}

export function mainHelp(commands: Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    say('cli.help.title'),
    '',
    say('cli.help.mainUsage'),
    '',
    say('cli.help.commands'),
    ...commands.map((c) => `  ${c.name.padEnd(width)}${say(c.summary)}`),
    `  ${'help'.padEnd(width)}${say('cli.help.help')}`,
    '',
    ...commands.flatMap((c) => [`${c.usage}`, ...c.examples.map((e) => `  ${e}`), '']),
    say('cli.help.exit'),
    say('cli.help.every'),
  ].join('\n');
}
