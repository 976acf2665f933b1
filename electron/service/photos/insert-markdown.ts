// Where imported photos' links go in a recap's body.

/**
 * Adds image lines to a recap's body (LF text), each as its own paragraph: after the last line
 * of a `## Photos` section when the body has one, else at the end.
 */
export function insertPhotoMarkdown(body: string, lines: string[]): string {
  if (lines.length === 0) return body;
  const rows = body.split('\n');
  const block = lines.flatMap((l, i) => (i === 0 ? [l] : ['', l]));
  let fence: string | null = null;
  let section = -1;
  let sectionEnd = rows.length;
  rows.forEach((row, i) => {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(row);
    if (f?.[1]) {
      const mark = f[1][0] ?? '';
      fence = fence === null ? mark : fence === mark ? null : fence;
      return;
    }
    if (fence !== null) return;
    if (section === -1 && /^ {0,3}##[ \t]+photos[ \t]*#*[ \t]*$/i.test(row)) section = i;
    else if (section !== -1 && sectionEnd === rows.length && /^ {0,3}#{1,2}[ \t]/.test(row)) sectionEnd = i;
  });
  if (section !== -1) {
    let last = sectionEnd - 1;
    while (last > section && (rows[last] ?? '').trim() === '') last--;
    rows.splice(last + 1, 0, '', ...block);
    return rows.join('\n');
  }
  const trimmed = body.replace(/\s+$/, '');
  return `${trimmed}${trimmed === '' ? '' : '\n\n'}${block.join('\n')}\n`;
}
