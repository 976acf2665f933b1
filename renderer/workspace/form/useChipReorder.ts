// Changing the order of a list field's chips (the first author is the byline; keywords read in
// order): drag a chip to its new place, or Alt+← / Alt+→ with the focus on its × button. The
// new order is written as any other edit of the field (one undo step); the lines of a moved item
// in the file, with their comments, move with it (see core/frontmatter/list-edits.ts).
import { useEffect, useRef, useState } from 'react';
import type { DragEvent, KeyboardEvent, RefObject } from 'react';

/** The list with the item at `from` put at the gap before the item now at `to` (`to` = length: at the end). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item === undefined) return next;
  next.splice(to > from ? to - 1 : to, 0, item);
  return next;
}

/** A chip's own drag: other drags (files, text, another field's chips) are not ours. */
const CHIP_TYPE = 'application/x-recap-chip';

/** Where a dragged chip would land: beside the chip at `index`. */
export interface DropMark {
  index: number;
  side: 'before' | 'after';
}

export interface ChipReorder {
  box: RefObject<HTMLDivElement | null>;
  mark: DropMark | null;
  dragging: number | null;
  /** What the screen reader hears after a move ("Moved “k8s” to place 1 of 3."); '' before. */
  said: string;
  /** Puts the focus on the × of the chip `item` at `place` once the list shows it there (after a move or an edit). */
  focusLater(item: string, place: number): void;
  chipProps(index: number, editing: boolean): {
    draggable: boolean;
    onDragStart(e: DragEvent<HTMLElement>): void;
    onDragEnd(): void;
    onKeyDown(e: KeyboardEvent<HTMLElement>): void;
  };
  boxProps: {
    onDragOver(e: DragEvent<HTMLElement>): void;
    onDragLeave(e: DragEvent<HTMLElement>): void;
    onDrop(e: DragEvent<HTMLElement>): void;
  };
}

/** The gap a pointer at clientX over a chip (or past every chip: the end) stands for. */
function markAt(box: HTMLElement, target: EventTarget | null, clientX: number, count: number): DropMark | null {
  if (count === 0) return null;
  const chip = target instanceof Element ? target.closest<HTMLElement>('.chip') : null;
  const chips = [...box.querySelectorAll<HTMLElement>('.chip')];
  const index = chip ? chips.indexOf(chip) : -1;
  if (!chip || index < 0) return { index: count - 1, side: 'after' };
  const rect = chip.getBoundingClientRect();
  return { index, side: clientX < rect.left + rect.width / 2 ? 'before' : 'after' };
}

export function useChipReorder(items: readonly string[], onChange: (items: string[]) => void, moved: (item: string, place: number, count: number) => string, enabled: boolean): ChipReorder {
  const box = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [mark, setMark] = useState<DropMark | null>(null);
  const [said, setSaid] = useState('');
  // The chip whose × keeps the focus once the moved list comes back from the file.
  const refocus = useRef<{ item: string; place: number } | null>(null);

  useEffect(() => {
    const want = refocus.current;
    if (!want || items[want.place] !== want.item) return;
    refocus.current = null;
    box.current?.querySelectorAll<HTMLElement>('.chip')[want.place]?.querySelector<HTMLElement>('.chip-remove')?.focus();
  }, [items]);

  const move = (from: number, to: number): void => {
    const item = items[from];
    if (item === undefined || to < 0 || to > items.length) return;
    const next = moveItem(items, from, to);
    if (next.every((v, k) => v === items[k])) return;
    const place = to > from ? to - 1 : to;
    refocus.current = { item, place };
    onChange(next);
    setSaid(moved(item, place + 1, items.length));
  };

  const stop = (): void => {
    setDragging(null);
    setMark(null);
  };

  return {
    box,
    mark,
    dragging,
    said,
    focusLater(item, place) {
      refocus.current = { item, place };
    },
    chipProps: (index, editing) => ({
      draggable: enabled && items.length > 1 && !editing,
      onDragStart(e) {
        e.dataTransfer.setData(CHIP_TYPE, String(index));
        e.dataTransfer.effectAllowed = 'move';
        setDragging(index);
      },
      onDragEnd: stop,
      onKeyDown(e) {
        // Alt+arrows in a chip's edit box are the text's own.
        if (!enabled || editing || !e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
        if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
        // Alt+← is also the browser's Back: the chip's move, not a page left behind.
        e.preventDefault();
        move(index, e.key === 'ArrowLeft' ? index - 1 : index + 2);
      },
    }),
    boxProps: {
      onDragOver(e) {
        if (dragging === null || !e.dataTransfer.types.includes(CHIP_TYPE) || !box.current) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        const next = markAt(box.current, e.target, e.clientX, items.length);
        if (next?.index !== mark?.index || next?.side !== mark?.side) setMark(next);
      },
      onDragLeave(e) {
        if (!(e.relatedTarget instanceof Node) || !e.currentTarget.contains(e.relatedTarget)) setMark(null);
      },
      onDrop(e) {
        if (dragging === null || !e.dataTransfer.types.includes(CHIP_TYPE) || !box.current) return;
        e.preventDefault();
        const at = markAt(box.current, e.target, e.clientX, items.length);
        const from = dragging;
        stop();
        if (at) move(from, at.side === 'before' ? at.index : at.index + 1);
      },
    },
  };
}
