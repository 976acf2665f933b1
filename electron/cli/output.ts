// What the `recap` command says and how it ends: the exit codes, the output channel (Io), the
// error line, and the small formatters the commands share.

import { RecapError } from '../core/errors';
import type { FieldValue } from '../core/frontmatter/frontmatter';
import { format, formatMsg } from '../core/i18n/messages';
import type { Locale, MessageKey, Msg, Param } from '../core/i18n/messages';

let locale: Locale = 'en';

/** The language of everything the command prints (LANG / LC_ALL / LC_MESSAGES, or --lang). */
export function setCliLocale(next: Locale): void {
  locale = next;
}

export function cliLocale(): Locale {
  return locale;
}

/** A catalogue message in the command's language. */
export function say(key: MessageKey, params?: Readonly<Record<string, Param>>): string {
  return format(locale, key, params);
}

export function sayMsg(m: Msg): string {
  return formatMsg(locale, m);
}

/** A lint or preflight finding's text in the command's language. */
export function problemText(p: { message: string; msg?: Msg }): string {
  return p.msg ? sayMsg(p.msg) : p.message;
}

export type ExitCode = 0 | 1 | 2;

/** The command line itself is wrong: exit 2 and point at the command's help. */
export class UsageError extends Error {
  constructor(message: string, readonly command: string | null = null) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The one place where failures become exit codes: 2 when the command cannot start (bad
 * arguments, a file that is missing or not a recap, a broken profile), 1 when it ran but
 * refused or failed (an existing file, a change on disk, an edit the front matter does not allow).
 */
export function exitCodeFor(err: unknown): ExitCode {
  if (err instanceof UsageError) return 2;
  if (err instanceof RecapError) {
    switch (err.code) {
      case 'BAD_REQUEST':
      case 'NOT_FOUND':
      case 'NOT_A_RECAP':
      case 'UNREADABLE':
      case 'BAD_PROFILE':
      case 'UNSUPPORTED':
        return 2;
      case 'EXISTS':
      case 'CHANGED_ON_DISK':
      case 'BAD_FIELD':
      case 'SAVE_FAILED':
      case 'BAD_PHOTO':
        return 1;
    }
  }
  return 1;
}

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** "Cannot open x.md: …" reads as "recap: cannot open x.md: …", as other tools write it. */
export function errorLine(err: unknown): string {
  const message = err instanceof RecapError && err.msg ? sayMsg(err.msg) : err instanceof Error ? err.message : String(err);
  const lowered = /^[A-Z][a-z]/.test(message) ? message[0]?.toLowerCase() + message.slice(1) : message;
  return say('cli.errorPrefix', { message: lowered });
}

export function show(value: FieldValue | undefined): string {
  return value === undefined ? say('cli.notSet') : JSON.stringify(value);
}

export function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
