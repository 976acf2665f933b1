// Cuts a Markdown body into top-level blocks so the preview can re-render only the block
// being typed in, and the link finder (markdown-images) re-parse only the block that changed:
// both see the same blocks, so a link means the same thing in the preview and everywhere else. A cut is made at a blank line, except where that would change the
// meaning: inside fenced code, inside raw HTML that runs to a closing tag, before an
// indented continuation line, and between items of one (loose) list.

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const BLANK = /^[ \t]*$/;
const INDENTED = /^(?: {1,}|\t)\S/;
/** CommonMark HTML blocks of type 1 and 2 end at their closing tag, not at a blank line. */
const HTML_UNTIL_CLOSE: { open: RegExp; close: RegExp }[] = [
  { open: /^ {0,3}<(pre|script|style|textarea)(?:[\s>]|$)/i, close: /<\/(?:pre|script|style|textarea)>/i },
  { open: /^ {0,3}<!--/, close: /-->/ },
];
/**
 * Raw HTML containers may hold Markdown separated by blank lines (`<details>` with a
 * summary, then paragraphs). Cutting inside one would close it early, so a block that opens
 * one continues until the tag is balanced again.
 */
const HTML_CONTAINER = /^ {0,3}<(details|div|figure|section|aside|article|center|blockquote|table|dl|ol|ul|nav|header|footer|main)(?=[\s>/]|$)/i;

function tagBalance(line: string, name: string): number {
  const open = line.match(new RegExp(`<${name}(?=[\\s>/])`, 'gi'))?.length ?? 0;
  const close = line.match(new RegExp(`</${name}\\s*>`, 'gi'))?.length ?? 0;
  return open - close;
}

/** `[id]: url` (and footnote `[^1]: text`) definitions, which apply to the whole document. */
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*\S/;

/** The text the preview parses for a block: the block, plus the definitions when it may use them. */
export function blockSource(block: string, definitions: string): string {
  return definitions !== '' && block.includes('[') ? `${block}\n\n${definitions}` : block;
}

export interface SplitBody {
  blocks: string[];
  /** The line (1-based) each block starts on, in the body: the editor's line of the preview's block. */
  lines: number[];
  /** All definition lines, appended to blocks that may use them. */
  definitions: string;
}

function fenceCloses(line: string, fence: string): boolean {
  const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return !!m && m[1]![0] === fence[0] && m[1]!.length >= fence.length;
}

export function splitBlocks(body: string): SplitBody {
  const lines = body.split('\n');
  const blocks: string[] = [];
  const starts: number[] = [];
  const definitions: string[] = [];
  let current: string[] = [];
  let blanks: string[] = [];
  let fence: string | null = null;
  let htmlClose: RegExp | null = null;
  let container: { name: string; depth: number } | null = null;
  let listBlock = false;

  const flush = (): void => {
    if (current.length > 0) blocks.push(current.join('\n'));
    current = [];
    blanks = [];
    listBlock = false;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (fence !== null) {
      current.push(line);
      if (fenceCloses(line, fence)) fence = null;
      continue;
    }
    if (htmlClose !== null) {
      current.push(line);
      if (htmlClose.test(line)) htmlClose = null;
      continue;
    }
    if (container !== null) {
      current.push(line);
      container.depth += tagBalance(line, container.name);
      if (container.depth <= 0) container = null;
      continue;
    }
    if (BLANK.test(line)) {
      if (current.length > 0) blanks.push(line);
      continue;
    }
    if (blanks.length > 0) {
      const continues = INDENTED.test(line) || (listBlock && LIST_ITEM.test(line));
      if (continues) {
        current.push(...blanks);
        blanks = [];
      } else {
        flush();
      }
    }
    if (current.length === 0) {
      listBlock = LIST_ITEM.test(line);
      starts.push(index + 1);
    }
    current.push(line);
    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1]![0] === '`' && (open[2] ?? '').includes('`'))) {
      fence = open[1]!;
      continue;
    }
    const opened = HTML_CONTAINER.exec(line);
    if (opened?.[1]) {
      const depth = tagBalance(line, opened[1]);
      if (depth > 0) {
        container = { name: opened[1].toLowerCase(), depth };
        continue;
      }
    }
    for (const html of HTML_UNTIL_CLOSE) {
      if (html.open.test(line) && !html.close.test(line.replace(html.open, ''))) {
        htmlClose = html.close;
        break;
      }
    }
    if (DEFINITION.test(line)) definitions.push(line);
  }
  flush();
  return { blocks, lines: starts, definitions: definitions.join('\n') };
}

/** Cheap, stable string hash (FNV-1a) for React keys. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
