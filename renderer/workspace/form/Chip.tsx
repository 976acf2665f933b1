// One item of a list field (a keyword, an author): its label, its × (which also moves it with
// Alt+←/→ and edits it with F2), draggable to another place; a double-click (or F2) edits it
// where it stands, so a typo is mended without the item losing its place or its comments.
import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useT } from '../../ui/locale';
import { authorName } from '../../ui/author-names';
import type { ChipReorder } from './useChipReorder';

/**
 * The list with the item at `index` replaced by the text typed for it: a comma splits it into
 * items (as when adding), an item already in the list is not written twice (the edited one then
 * goes: it is there already), and an empty text leaves the list as it was.
 */
export function replaceItem(items: readonly string[], index: number, text: string): string[] {
  const pieces = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (pieces.length === 0) return [...items];
  const others = items.filter((_, j) => j !== index);
  const fresh = [...new Set(pieces)].filter((p) => !others.includes(p));
  return [...items.slice(0, index), ...fresh, ...items.slice(index + 1)];
}

interface ChipProps {
  item: string;
  index: number;
  items: string[];
  labels: Readonly<Record<string, string>> | undefined;
  noun: string;
  disabled: boolean | undefined;
  reorder: ChipReorder;
  onChange(items: string[]): void;
}

export function Chip({ item, index, items, labels, noun, disabled, reorder, onChange }: ChipProps) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const movable = items.length > 1 && !disabled;
  const { onKeyDown: moveKeys, ...dragProps } = reorder.chipProps(index, editing);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    if (!disabled && !editing && e.key === 'F2' && !e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      e.preventDefault();
      setEditing(true);
      return;
    }
    moveKeys(e);
  };
  // The edit ended: by Enter or Escape the focus goes back to the chip (or the field's text box
  // when the item went), by leaving the box it stays where the author put it.
  const done = (text: string | null, box: HTMLElement | null, refocus: boolean): void => {
    setEditing(false);
    const next = text === null ? [...items] : replaceItem(items, index, text);
    const now = next[index];
    const same = next.length === items.length && next.every((v, k) => v === items[k]);
    if (refocus && same) requestAnimationFrame(() => box?.querySelectorAll<HTMLElement>('.chip')[index]?.querySelector<HTMLElement>('.chip-remove')?.focus());
    else if (refocus && now !== undefined && next.length >= items.length) reorder.focusLater(now, index);
    else if (refocus) box?.querySelector<HTMLElement>('.tag-input-text')?.focus();
    if (!same) onChange(next);
  };
  return (
    <span
      className={`chip${editing ? ' is-editing' : ''}${reorder.dragging === index ? ' is-dragging' : ''}${reorder.mark?.index === index ? ` drop-${reorder.mark.side}` : ''}`}
      title={disabled || editing ? undefined : t(movable ? 'form.chipHint' : 'form.chipEditHint')}
      onDoubleClick={(e) => {
        if (!disabled && !(e.target instanceof Element && e.target.closest('.chip-remove'))) setEditing(true);
      }}
      onKeyDown={onKeyDown}
      {...dragProps}
    >
      {editing ? (
        <ChipEdit item={item} label={t('form.editItem', { noun, item })} done={done} />
      ) : (
        <span className="chip-label" title={authorName(labels, item) !== item ? item : undefined}>
          {authorName(labels, item)}
        </span>
      )}
      {!disabled && !editing && (
        <button
          type="button"
          className="chip-remove"
          aria-label={t('form.removeItem', { noun, item })}
          title={t(movable ? 'form.removeNounOrMove' : 'form.removeNounOrEdit', { noun })}
          onClick={(e) => {
            e.stopPropagation();
            // The second click of a double-click lands on the next chip's ×, moved under the
            // pointer: one item goes, not two.
            if (e.detail > 1) return;
            onChange(items.filter((_, j) => j !== index));
          }}
        >
          ×
        </button>
      )}
    </span>
  );
}

/** The edit box in a chip's place: Enter (or leaving it) writes, Escape leaves the item as it was. */
function ChipEdit({ item, label, done }: { item: string; label: string; done(text: string | null, box: HTMLElement | null, refocus: boolean): void }) {
  const [text, setText] = useState(item);
  // Enter, Escape and the blur that follows the box's removal end one edit once.
  const ended = useRef(false);
  const end = (value: string | null, from: HTMLElement, refocus: boolean): void => {
    if (ended.current) return;
    ended.current = true;
    done(value, from.closest<HTMLElement>('.tag-input'), refocus);
  };
  return (
    <input
      className="chip-edit"
      aria-label={label}
      value={text}
      size={Math.max(text.length, 4) + 1}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setText(e.target.value)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
          e.preventDefault();
          end(text, e.currentTarget, true);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          end(null, e.currentTarget, true);
        }
      }}
      onBlur={(e) => end(text, e.currentTarget, false)}
    />
  );
}
