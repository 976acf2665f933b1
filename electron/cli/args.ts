// The command line of one `recap` command: its options (OptionSpec), how argv is read into
// positionals and options (parseArgs), and the shape every command has (Command).

import { UsageError, type ExitCode, type Io } from './output';

export interface OptionSpec {
  name: string;
  /** Placeholder shown in help; an option without one is a flag. */
  value?: string;
  repeatable?: boolean;
  help: string;
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
  summary: string;
  usage: string;
  details: string[];
  options: OptionSpec[];
  examples: string[];
  run(args: ParsedArgs, io: Io): Promise<ExitCode>;
}

export const HELP_OPTION: OptionSpec = { name: 'help', help: 'Show this help.' };

/** One option at argv[i] (with its value, if it takes one) and how many arguments it used. */
function readOption(command: string, argv: string[], i: number, options: OptionSpec[], tokens: Token[]): number {
  const arg = argv[i] ?? '';
  const eq = arg.indexOf('=');
  const written = eq === -1 ? arg : arg.slice(0, eq);
  const name = written.startsWith('--') ? written.slice(2) : '';
  const spec = options.find((o) => o.name === name);
  if (!spec) throw new UsageError(`unknown option ${written} for recap ${command}`, command);
  if (spec.value === undefined) {
    if (eq !== -1) throw new UsageError(`--${name} takes no value, got "${arg}"`, command);
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
    if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value: --${name} ${spec.value}`, command);
    value = next;
    used = 2;
  }
  if (!spec.repeatable && tokens.some((t) => t.kind === 'option' && t.name === name)) {
    throw new UsageError(`--${name} is given twice`, command);
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
