// How a list's lines change when its items do, for the edits that keep each kept item's own line
// (and the comments on it): YAML's dash-a-line lists and TOML's one-item-a-line arrays.

/** A line of the new list: an old item's (its index in the old list) or a new item's (its index in the new one). */
export type ListLine = { keep: number } | { add: number };

/**
 * The new list's lines, in order: the old items kept where they still stand in order (a longest
 * common subsequence of the two, compared by `key`), the others removed, the new ones added in
 * their places. A moved item (one left out of that subsequence, but still in the new list) keeps
 * its old lines at its new place, so its comments go with it (an item written twice: each copy's
 * lines are used once).
 */
export function listLines(oldKeys: readonly string[], newKeys: readonly string[]): ListLine[] {
  const lcs: number[][] = Array.from({ length: oldKeys.length + 1 }, () => new Array<number>(newKeys.length + 1).fill(0));
  for (let a = oldKeys.length - 1; a >= 0; a--) {
    for (let b = newKeys.length - 1; b >= 0; b--) {
      lcs[a]![b] = oldKeys[a] === newKeys[b] ? lcs[a + 1]![b + 1]! + 1 : Math.max(lcs[a + 1]![b]!, lcs[a]![b + 1]!);
    }
  }
  const lines: ListLine[] = [];
  let a = 0;
  let b = 0;
  while (b < newKeys.length) {
    if (a < oldKeys.length && oldKeys[a] === newKeys[b]) {
      lines.push({ keep: a++ });
      b++;
    } else if (a < oldKeys.length && lcs[a + 1]![b]! >= lcs[a]![b + 1]!) {
      a++;
    } else {
      lines.push({ add: b++ });
    }
  }
  const kept = new Set(lines.flatMap((line) => ('keep' in line ? [line.keep] : [])));
  const unused = new Map<string, number[]>();
  oldKeys.forEach((key, k) => {
    if (!kept.has(k)) unused.set(key, [...(unused.get(key) ?? []), k]);
  });
  return lines.map((line) => {
    if ('keep' in line) return line;
    const moved = unused.get(newKeys[line.add] ?? '')?.shift();
    return moved === undefined ? line : { keep: moved };
  });
}
