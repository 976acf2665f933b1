// The command line of one `recap` command: its options (OptionSpec), how argv is read into
// positionals and options (parseArgs), and the shape every command has (Command).

import type { MessageKey } from '../core/i18n/messages';
import { say, UsageError, type ExitCode, type Io } from './output';

export interface OptionSpec {
  name: string;
  /** Placeholder shown in help; an option without one is a flag. */
  value?: string;
  repeatable?: boolean;
  /** The catalogue key of its help line. */
  help: MessageKey;
}

export type Token = { kind: 'positional'; value: string } | { kind: 'option'; name: string; value: string | null };

export interface ParsedArgs {
  /** Positionals and options in the order given, for commands where order matters. */
  tokens: Token[];
  positionals: string[];
  has(name: string): boolean;
  value(name: string): string | undefined;
  values(name: string): string[];
}

export interface Command {
  name: string;
  /** Catalogue keys: a one-line summary, and the details (lines separated by \n). */
  summary: MessageKey;
  usage: string;
  details: MessageKey;
  /** Values for `{name}` in the command's help texts (text with braces of its own goes here). */
  helpParams?: Readonly<Record<string, string>>;
  options: OptionSpec[];
  examples: string[];
  run(args: ParsedArgs, io: Io): Promise<ExitCode>;
}

export const HELP_OPTION: OptionSpec = { name: 'help', help: 'cli.opt.help' };
/** Every command's interface-language option (read by index.ts before the command's own options). */
export const UI_LANG_OPTION: OptionSpec = { name: 'ui-lang', value: 'en|zh-CN', help: 'cli.opt.lang' };

/** One option at argv[i] (with its value, if it takes one) and how many arguments it used. */
function readOption(command: string, argv: string[], i: number, options: OptionSpec[], tokens: Token[]): number {
  const arg = argv[i] ?? '';
  const eq = arg.indexOf('=');
  const written = eq === -1 ? arg : arg.slice(0, eq);
  const name = written.startsWith('--') ? written.slice(2) : '';
  const spec = options.find((o) => o.name === name);
  if (!spec) throw new UsageError(say('cli.usage.unknownOption', { option: written, command }), command);
  if (spec.value === undefined) {
    if (eq !== -1) throw new UsageError(say('cli.usage.noValue', { name, arg }), command);
    tokens.push({ kind: 'option', name, value: null });
    return 1;
  }
  let value: string;
  let used = 1;
  if (eq !== -1) {
    value = arg.slice(eq + 1);
  } else {
    const next = argv[i + 1];
    // "--title --force" is almost always a forgotten value, not a title.
    if (next === undefined || next.startsWith('--')) throw new UsageError(say('cli.usage.needsValue', { name, value: spec.value }), command);
    value = next;
    used = 2;
  }
  if (!spec.repeatable && tokens.some((t) => t.kind === 'option' && t.name === name)) {
    throw new UsageError(say('cli.usage.twice', { name }), command);
  }
  tokens.push({ kind: 'option', name, value });
  return used;
}

export function parseArgs(command: string, argv: string[], options: OptionSpec[]): ParsedArgs {
  const tokens: Token[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; ) {
    const arg = argv[i] ?? '';
    if (onlyPositionals || !arg.startsWith('-') || arg === '-') {
      tokens.push({ kind: 'positional', value: arg });
      i++;
    } else if (arg === '--') {
      onlyPositionals = true;
      i++;
    } else {
      i += readOption(command, argv, i, options, tokens);
    }
  }
  const optionValues = (name: string): string[] =>
    tokens.flatMap((t) => (t.kind === 'option' && t.name === name && t.value !== null ? [t.value] : []));
  return {
    tokens,
    positionals: tokens.flatMap((t) => (t.kind === 'positional' ? [t.value] : [])),
    has: (name) => tokens.some((t) => t.kind === 'option' && t.name === name),
    value: (name) => optionValues(name)[0],
    values: optionValues,
  };
}
