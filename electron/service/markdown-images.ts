// Finds the images a recap's Markdown refers to, with their positions, without a full parse:
// it runs on every lint and preview update, and only needs `![alt](url)` and `<img src>`.

export interface ImageRef {
  alt: string;
  url: string;
  /** 1-based line and column within the text given. */
  line: number;
  column: number;
}

const MD_IMAGE = /!\[((?:\\.|[^\]\\])*)\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
const HTML_IMAGE = /<img\b[^>]*?\bsrc\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function findImageRefs(markdown: string): ImageRef[] {
  const refs: ImageRef[] = [];
  const lines = markdown.split('\n');
  let fence: string | null = null;
  lines.forEach((line, i) => {
    const f = FENCE.exec(line);
    if (f?.[1]) {
      if (fence === null) fence = f[1][0] ?? null;
      else if (f[1][0] === fence) fence = null;
      return;
    }
    if (fence !== null) return;
    for (const m of line.matchAll(MD_IMAGE)) {
      const raw = m[2] ?? '';
      refs.push({ alt: m[1] ?? '', url: raw.startsWith('<') ? raw.slice(1, -1) : raw, line: i + 1, column: (m.index ?? 0) + 1 });
    }
    for (const m of line.matchAll(HTML_IMAGE)) {
      refs.push({ alt: '', url: m[2] ?? m[3] ?? m[4] ?? '', line: i + 1, column: (m.index ?? 0) + 1 });
    }
  });
  return refs;
}
