// How a list's lines change when its items do, for the edits that keep each kept item's own line
// (and the comments on it): YAML's dash-a-line lists and TOML's one-item-a-line arrays.

/**
 * A line of the new list: an old item's (its index in the old list), a new item's (its index in
 * the new one), or an old item's lines holding a new value (an item edited in place).
 */
export type ListLine = { keep: number } | { add: number } | { edit: number; add: number };

type Step = { keep: number } | { drop: number } | { add: number };

/** The steps from the old list to the new: a longest common subsequence kept, the rest dropped or added. */
function diffSteps(oldKeys: readonly string[], newKeys: readonly string[]): Step[] {
  const lcs: number[][] = Array.from({ length: oldKeys.length + 1 }, () => new Array<number>(newKeys.length + 1).fill(0));
  for (let a = oldKeys.length - 1; a >= 0; a--) {
    for (let b = newKeys.length - 1; b >= 0; b--) {
      lcs[a]![b] = oldKeys[a] === newKeys[b] ? lcs[a + 1]![b + 1]! + 1 : Math.max(lcs[a + 1]![b]!, lcs[a]![b + 1]!);
    }
  }
  const steps: Step[] = [];
  let a = 0;
  let b = 0;
  while (b < newKeys.length) {
    if (a < oldKeys.length && oldKeys[a] === newKeys[b]) {
      steps.push({ keep: a++ });
      b++;
    } else if (a < oldKeys.length && lcs[a + 1]![b]! >= lcs[a]![b + 1]!) {
      steps.push({ drop: a++ });
    } else {
      steps.push({ add: b++ });
    }
  }
  while (a < oldKeys.length) steps.push({ drop: a++ });
  return steps;
}

/**
 * The new list's lines, in order: the old items kept where they still stand in order (a longest
 * common subsequence of the two, compared by `key`), the new ones added in their places. A moved
 * item (one left out of that subsequence, but still in the new list) keeps its old lines at its
 * new place, so its comments go with it (an item written twice: each copy's lines are used once).
 * Between two kept items, an old item gone and a new one come are an edit of that item, in order
 * (`k8s` renamed `kubernetes`): the new value on the old item's lines, with their comments.
 */
export function listLines(oldKeys: readonly string[], newKeys: readonly string[]): ListLine[] {
  const steps = diffSteps(oldKeys, newKeys);
  const dropped = new Map<string, number[]>();
  for (const step of steps) if ('drop' in step) dropped.set(oldKeys[step.drop] ?? '', [...(dropped.get(oldKeys[step.drop] ?? '') ?? []), step.drop]);
  const moved = new Set<number>();
  const withMoves = steps.map((step): Step => {
    if (!('add' in step)) return step;
    const from = dropped.get(newKeys[step.add] ?? '')?.shift();
    if (from === undefined) return step;
    moved.add(from);
    return { keep: from };
  });
  // Each run of steps between two items kept in place: its adds take the lines of its drops, in order.
  const lines: ListLine[] = [];
  let run: Step[] = [];
  const flush = (): void => {
    const gone = run.flatMap((step) => ('drop' in step && !moved.has(step.drop) ? [step.drop] : []));
    for (const step of run) {
      if ('add' in step) {
        const old = gone.shift();
        lines.push(old === undefined ? step : { edit: old, add: step.add });
      } else if ('keep' in step) lines.push(step);
    }
    run = [];
  };
  for (const step of withMoves) {
    if ('keep' in step && !moved.has(step.keep)) {
      flush();
      lines.push(step);
    } else run.push(step);
  }
  flush();
  return lines;
}
