// The `recap` command: the headless door to the service, for site maintainers' scripts and CI.
// It only translates argv into service and pure-module calls and their results into text
// and exit codes; every rule about recaps lives in electron/service/ and electron/core/.
// One file per command (cli/commands/), the argument reader (args.ts), exit codes and output
// (output.ts) and the help texts (help.ts); this file is the command table and the entry point.

import { RecapError } from '../core/errors';
import { localeFromEnv, pickLocale } from '../core/i18n/messages';
import type { Locale } from '../core/i18n/messages';
import { parseArgs, type Command } from './args';
import { addPhotosCommand } from './commands/add-photos';
import { exportCommand } from './commands/export';
import { lintCommand } from './commands/lint';
import { newCommand } from './commands/new';
import { setCommand } from './commands/set';
import { translateCommand } from './commands/translate';
import { commandHelp, mainHelp, version } from './help';
import { errorLine, exitCodeFor, processIo, say, setCliLocale, UsageError, type ExitCode, type Io } from './output';

export { exitCodeFor, UsageError, type ExitCode, type Io } from './output';

const COMMANDS: Command[] = [newCommand, setCommand, lintCommand, addPhotosCommand, exportCommand, translateCommand];

/** `recap help [COMMAND]`: the help of one command, or of the whole tool. */
function helpCommand(topic: string | undefined, io: Io): ExitCode {
  const command = COMMANDS.find((c) => c.name === topic);
  if (topic !== undefined && !command) {
    io.err(say('cli.noSuchCommand', { topic, commands: COMMANDS.map((c) => c.name).join(', ') }));
    return 2;
  }
  io.out(command ? commandHelp(command) : mainHelp(COMMANDS));
  return 0;
}

/** Runs one command; its failures become an error line and an exit code. */
async function runCommand(command: Command, rest: string[], io: Io): Promise<ExitCode> {
  const helpAsked = (a: string): boolean => a === '--help' || a === '-h';
  const end = rest.indexOf('--');
  if ((end === -1 ? rest : rest.slice(0, end)).some(helpAsked)) {
    io.out(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(parseArgs(command.name, rest, command.options), io);
  } catch (err) {
    const code = exitCodeFor(err);
    io.err(errorLine(err));
    if (err instanceof UsageError) io.err(say('cli.usageHint', { usage: command.usage, command: command.name }));
    else if (!(err instanceof RecapError) && process.env['RECAP_DEBUG']) io.err(String(err instanceof Error ? err.stack : err));
    return code;
  }
}

/** The language asked for on the command line ("zh-CN", "zh_CN", "zh", "en"…), or null. */
function localeOption(value: string): Locale | null {
  return /^(en|zh)([-_].*)?$/i.test(value) ? pickLocale([value]) : null;
}

/**
 * Takes the interface-language option out of argv: --ui-lang anywhere before a `--` (--lang is
 * always a command's own: the content's language in export and translate). Null when a value is wrong.
 */
function takeLanguage(argv: string[], env: Readonly<Record<string, string | undefined>>): { locale: Locale; argv: string[] } | { bad: string; option: string } {
  let locale = localeFromEnv(env);
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const [name = '', inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s) : [''];
    const isLang = name === 'ui-lang';
    if (!isLang) {
      rest.push(arg);
      continue;
    }
    const value = inline ?? argv[++i] ?? '';
    const picked = localeOption(value);
    if (!picked) return { bad: value, option: name };
    locale = picked;
  }
  return { locale, argv: rest };
}

export async function main(argv: string[], io: Io = processIo, env: Readonly<Record<string, string | undefined>> = process.env): Promise<ExitCode> {
  const taken = takeLanguage(argv, env);
  if ('bad' in taken) {
    setCliLocale(localeFromEnv(env));
    io.err(say('cli.badLang', { option: taken.option, value: taken.bad }));
    return 2;
  }
  setCliLocale(taken.locale);
  const [first, ...rest] = taken.argv;
  if (first === undefined) {
    io.err(mainHelp(COMMANDS));
    return 2;
  }
  if (first === '--help' || first === '-h') {
    io.out(mainHelp(COMMANDS));
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.out(version());
    return 0;
  }
  if (first === 'help') return helpCommand(rest[0], io);
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    io.err(say('cli.unknownCommand', { command: first, commands: COMMANDS.map((c) => c.name).join(', ') }));
    return 2;
  }
  return runCommand(command, rest, io);
}

/** Entry point for bin/recap.js and `node dist/electron/cli/index.js`. */
export function run(): void {
  // `recap lint … | head` closes stdout early; that is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${errorLine(err)}\n`);
      process.exitCode = exitCodeFor(err);
    },
  );
}

if (require.main === module) run();
