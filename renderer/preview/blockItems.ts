// The preview's blocks of a body, kept from one edit to the next. A keystroke changes a block or
// two of a long recap: those are cut again from the text around the edit, and every other block
// (its text, hash and key) is taken from the last body's, shifted by the lines the edit added,
// instead of cutting and hashing the whole body again. The answer is always what a whole cut
// of the new body gives (see the unit test that checks it against `splitBlocks` edit by edit).
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

/** The blocks cut again, [from, to), and the hashes of the blocks they replaced and of their own. */
interface Recut {
  from: number;
  to: number;
  hashes: Set<string>;
}

/**
 * Keys by content: the hash, and which of the blocks with that hash this one is. `was(i)`: the
 * last cut's item for block `i`, kept when nothing of it changed. With `recut`, a block outside it
 * whose hash is none of the recut's keeps its key without counting: no block with its hash came
 * or went before it.
 */
function keyed(cut: Omit<BlockCut, 'items'>, sources: (i: number) => string, was: (i: number) => BlockItem | undefined, recut: Recut | null): BlockItem[] {
  const seen = new Map<string, number>();
  return cut.blocks.map((_, i) => {
    const hash = cut.hashes[i]!;
    const line = cut.lines[i] ?? 1;
    const old = was(i);
    if (old && recut && (i < recut.from || i >= recut.to) && !recut.hashes.has(hash)) return old.line === line ? old : { key: old.key, source: old.source, line };
    const n = seen.get(hash) ?? 0;
    seen.set(hash, n + 1);
    const key = `${hash}.${n}`;
    const source = sources(i);
    // An unchanged block keeps its item, so the preview's groups compare it in a glance.
    return old && old.key === key && old.line === line && old.source === source ? old : { key, source, line };
  });
}

/** The whole body cut into blocks, each hashed (from `known`, the last cut's hashes by source, when there). */
function wholeCut(body: string, known: Map<string, string>): BlockCut {
  const { blocks, lines, definitions } = splitBlocks(body);
  const sources = blocks.map((b) => blockSource(b, definitions));
  const hashes = sources.map((s) => known.get(s) ?? hashText(s));
  const cut = { body, blocks, lines, offsets: lineOffsets(body, 0, lines), definitions, hashes };
  return { ...cut, items: keyed(cut, (i) => sources[i]!, () => undefined, null) };
}

/**
 * The cut of `body`, from `last` (the cut of an earlier body) when the edit between them is
 * local: the blocks from the one before the edit to the first one after it are cut again, and
 * the rest are the last cut's. A whole cut when the edit changes the document's link
 * definitions, or when no block after the edit starts where it did.
 */
export function nextBlockCut(last: BlockCut | null, body: string): BlockCut {
  if (last === null) return wholeCut(body, new Map());
  if (last.body === body) return last;
  const whole = (): BlockCut => wholeCut(body, new Map(last.items.map((item, i) => [item.source, last.hashes[i]!])));
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
  // Blocks before the cut region and after it are the last cut's; a block cut again is compared with the one at its index.
  const was = (i: number): BlockItem | undefined => last.items[i < r + taken ? i : i - r - taken + tail];
  const sources = (i: number): string => (i < r ? last.items[i]!.source : i < r + taken ? newSources[i - r]! : last.items[i - r - taken + tail]!.source);
  const hashes = new Set([...last.hashes.slice(r, tail), ...cut.hashes.slice(r, r + taken)]);
  return { ...cut, items: keyed(cut, sources, was, { from: r, to: r + taken, hashes }) };
}
