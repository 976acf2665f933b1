// Small helpers on the bytes and texts the drafts store handles: hashes, decoding, the author-
// facing way a time or a title is written.

import { createHash } from 'node:crypto';
import type { FieldValue } from '../../core/frontmatter/frontmatter';
import { msg } from '../../core/i18n/messages';
import type { MessageKey, Msg, Param } from '../../core/i18n/messages';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** "14:05" in local time. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

export function isNodeError(err: unknown, code: string): boolean {
  return (err as { code?: unknown } | null)?.code === code;
}

/** Why a recap.md cannot be trusted (the catalogue's words for it), or null when it decodes as text. */
export function textProblem(bytes: Buffer): DraftProblem | null {
  if (bytes.includes(0)) return 'workspace.draftDamaged.binary';
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return null;
  } catch {
    return 'workspace.draftDamaged.notUtf8';
  }
}

/** What can be wrong with a draft's recap.md, as the catalogue says it. */
export type DraftProblem = Extract<MessageKey, `workspace.draftDamaged.${'missing' | 'binary' | 'notUtf8' | 'empty' | 'cutShort' | 'mismatch'}`>;

export function decode(bytes: Buffer): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

export function fieldText(value: FieldValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

export function quoted(title: string): string {
  return title.trim() === '' ? 'Untitled recap' : `“${title.trim()}”`;
}

/** A draft's title inside a catalogue message: quoted, or "Untitled recap" in the reader's language. */
export function quotedTitle(title: string): Param {
  return title.trim() === '' ? msg('error.untitledRecap') : `“${title.trim()}”`;
}

export const iso = (ms: number): string => new Date(ms).toISOString();

/** A loaded draft's recovery notice as the contract carries it: the English words and, when set, their message. */
export function recoveryOf(loaded: { recovered: string | null; recoveredMsg?: Msg }): { recovered: string | null; recoveredMsg?: Msg } {
  return { recovered: loaded.recovered, ...(loaded.recoveredMsg ? { recoveredMsg: loaded.recoveredMsg } : {}) };
}
