// The preview's blocks of a body, kept from one edit to the next. A keystroke changes a block or
// two of a long recap: those are cut again from the text around the edit, and every other block
// (its text, hash and key) is taken from the last body's, shifted by the lines the edit added,
// instead of cutting and hashing the whole body again. The blocks and their lines are always what
// a whole cut of the new body gives (see the unit test that checks it against `splitBlocks` edit
// by edit); a block keeps its key across the edits of its text (see `freshKey`).
import { blockSource, hashText, splitBlocks } from '../../electron/core/markdown/markdown-blocks';
import { changeBetween } from '../workspace/editing/editHistory';

export interface BlockItem {
  key: string;
  source: string;
  /** The body line the block starts on: scroll sync pairs it with the editor's line. */
  line: number;
}

/** The blocks of a body, as the last render cut them. */
export interface BlockCut {
  body: string;
  /** Each block's text as cut (without the definitions). */
  blocks: string[];
  /** The 1-based body line each block starts on. */
  lines: number[];
  /** The offset in `body` each block starts at. */
  offsets: number[];
  definitions: string;
  /** Each block's hash of its source (block plus definitions when it may use them). */
  hashes: string[];
  items: BlockItem[];
}

const countLines = (text: string, from: number, to: number): number => {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

const endOfLine = (text: string, at: number): number => {
  const nl = text.indexOf('\n', at);
  return nl === -1 ? text.length : nl;
};

/** The offset each of `lines` (1-based, ascending) starts at in `text`, counted from `from` (line 1). */
function lineOffsets(text: string, from: number, lines: number[]): number[] {
  const out: number[] = [];
  let line = 1;
  let at = from;
  for (const want of lines) {
    while (line < want) {
      at = text.indexOf('\n', at) + 1;
      line++;
    }
    out.push(at);
  }
  return out;
}

/** The last index whose value is ≤ `at` (-1 when none is). */
function lastAtOrBefore(sorted: number[], at: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * A block's key is its identity in the preview, not its text: a block keeps its key while its
 * text changes, so React updates its element in place (a paragraph being typed in keeps its DOM
 * and its images) instead of removing it and building a new one on every keystroke. Keys are
 * unique in a cut: each key of the last cut is given at most once, and new ones are fresh.
 */
let freshKeys = 0;
const freshKey = (): string => `b${(freshKeys++).toString(36)}`;

/** For each source, the key of an unused item of `old` with the same text (or null), and the keys of `old` left unused, in order. */
function sameTextKeys(sources: string[], old: BlockItem[]): { keys: (string | null)[]; left: string[] } {
  const bySource = new Map<string, number[]>();
  old.forEach((it, i) => {
    const list = bySource.get(it.source);
    if (list) list.push(i);
    else bySource.set(it.source, [i]);
  });
  const used = new Set<number>();
  const keys = sources.map((source) => {
    const i = bySource.get(source)?.shift();
    if (i === undefined) return null;
    used.add(i);
    return old[i]!.key;
  });
  return { keys, left: old.filter((_, i) => !used.has(i)).map((it) => it.key) };
}

/**
 * Keys for blocks cut again, from the keys of the blocks they replace (`old`, in order): a block
 * with the same text as one of those takes its key; the others take the keys left, in order (the
 * block typed into, or the first half of one split in two); the rest get fresh keys.
 */
function carryKeys(sources: string[], old: BlockItem[]): string[] {
  const { keys, left } = sameTextKeys(sources, old);
  let next = 0;
  return keys.map((key) => key ?? left[next++] ?? freshKey());
}

/** An item for a block, the last one itself when nothing of it changed (the preview's groups compare it in a glance). */
const item = (key: string, source: string, line: number, old: BlockItem | undefined): BlockItem =>
  old && old.key === key && old.source === source && old.line === line ? old : { key, source, line };

/** The whole body cut into blocks, each hashed and keyed (a block with the text of one of `last`'s takes its key). */
function wholeCut(body: string, last: BlockCut | null): BlockCut {
  const { blocks, lines, definitions } = splitBlocks(body);
  const sources = blocks.map((b) => blockSource(b, definitions));
  const known = new Map(last?.items.map((it, i) => [it.source, last.hashes[i]!]));
  const hashes = sources.map((s) => known.get(s) ?? hashText(s));
  const { keys } = sameTextKeys(sources, last?.items ?? []);
  const cut = { body, blocks, lines, offsets: lineOffsets(body, 0, lines), definitions, hashes };
  return { ...cut, items: sources.map((source, i) => item(keys[i] ?? freshKey(), source, lines[i] ?? 1, undefined)) };
}

/**
 * The cut of `body`, from `last` (the cut of an earlier body) when the edit between them is
 * local: the blocks from the one before the edit to the first one after it are cut again, and
 * the rest are the last cut's. A whole cut when the edit changes the document's link
 * definitions, or when no block after the edit starts where it did.
 */
export function nextBlockCut(last: BlockCut | null, body: string): BlockCut {
  if (last === null) return wholeCut(body, null);
  if (last.body === body) return last;
  const whole = (): BlockCut => wholeCut(body, last);
  if (last.blocks.length === 0) return whole();
  const { start, removed, inserted } = changeBetween(last.body, body);
  const oldEnd = start + removed.length;
  const shift = inserted.length - removed.length;
  // From the block before the one the edit starts in (the edit may join its block to that one),
  // or from the top when the edit starts before the first block.
  const hit = lastAtOrBefore(last.offsets, start);
  const r = Math.max(0, hit - 1);
  const from = hit < 0 ? 0 : last.offsets[r]!;
  const firstLine = hit < 0 ? 1 : last.lines[r]!;
  // To the first block that starts past the edit: its first line, so the cut says whether a block still starts there.
  const j = lastAtOrBefore(last.offsets, oldEnd) + 1;
  const to = j < last.blocks.length ? last.offsets[j]! + shift : null;
  const region = splitBlocks(body.slice(from, to === null ? body.length : endOfLine(body, to)));
  if (region.definitions !== splitBlocks(last.body.slice(from, to === null ? last.body.length : endOfLine(last.body, to - shift))).definitions) return whole();
  const regionLines = region.lines.map((l) => l + firstLine - 1);
  let taken = region.blocks.length;
  if (to !== null) {
    // The region's last block must be the one that started past the edit, starting there still.
    if (region.blocks.length === 0 || region.lines[region.blocks.length - 1]! - 1 !== countLines(body, from, to)) return whole();
    taken--;
  }
  const lineShift = to === null ? 0 : regionLines[regionLines.length - 1]! - last.lines[j]!;
  const tail = to === null ? last.blocks.length : j;
  const defs = last.definitions;
  const newBlocks = region.blocks.slice(0, taken);
  const newSources = newBlocks.map((b) => blockSource(b, defs));
  const known = new Map<string, string>();
  for (let k = r; k < tail; k++) known.set(last.items[k]!.source, last.hashes[k]!);
  const cut = {
    body,
    blocks: [...last.blocks.slice(0, r), ...newBlocks, ...last.blocks.slice(tail)],
    lines: [...last.lines.slice(0, r), ...regionLines.slice(0, taken), ...last.lines.slice(tail).map((l) => l + lineShift)],
    offsets: [...last.offsets.slice(0, r), ...lineOffsets(body, from, region.lines.slice(0, taken)), ...last.offsets.slice(tail).map((o) => o + shift)],
    definitions: defs,
    hashes: [...last.hashes.slice(0, r), ...newSources.map((s) => known.get(s) ?? hashText(s)), ...last.hashes.slice(tail)],
  };
  // Blocks before the cut region and after it are the last cut's, their keys too (lines shifted).
  const regionKeys = carryKeys(newSources, last.items.slice(r, tail));
  const before = last.items.slice(0, r);
  const regionItems = newSources.map((source, k) => item(regionKeys[k]!, source, cut.lines[r + k]!, last.items[r + k]));
  const after = last.items.slice(tail).map((it, k) => item(it.key, it.source, cut.lines[r + taken + k]!, it));
  return { ...cut, items: [...before, ...regionItems, ...after] };
}
