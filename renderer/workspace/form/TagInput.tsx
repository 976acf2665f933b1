import { useMemo, useState } from 'react';
import type { ChangeEvent, KeyboardEvent } from 'react';
import { useT } from '../../ui/locale';
import { authorName } from '../../ui/author-names';
import { useChipReorder } from './useChipReorder';
import { Chip } from './Chip';

interface TagInputProps {
  id: string;
  testId: string;
  items: string[];
  /** The name an item is shown by (Docusaurus authors.yml: `slorber` → its name); the item itself is what is written. */
  labels?: Readonly<Record<string, string>> | undefined;
  onChange(items: string[]): void;
  disabled?: boolean;
  placeholder?: string;
  /** What one item is called, for the remove buttons' labels ("keyword", "name"), in the current language. */
  noun: string;
  invalid?: boolean;
  describedBy?: string;
  /** The text typed but not yet added (Enter, a comma or leaving the field adds it); '' when none. */
  onPendingChange?(text: string): void;
  /** Values to offer while typing (the site's posts' own, most used first); one picked is added. */
  suggestions?: readonly string[] | undefined;
}

function addItems(items: string[], added: string[]): string[] {
  const next = [...items];
  for (const raw of added) {
    const item = raw.trim();
    if (item !== '' && !next.includes(item)) next.push(item);
  }
  return next;
}

/** The values offered while typing, each with the name it is shown by (an authors.yml key's) when that differs. */
function Offered({ id, values, labels }: { id: string; values: readonly string[]; labels: Readonly<Record<string, string>> | undefined }) {
  return (
    <datalist id={id}>
      {values.map((value) => (
        <option key={value} value={value}>
          {authorName(labels, value) !== value ? authorName(labels, value) : undefined}
        </option>
      ))}
    </datalist>
  );
}

/** Chips for keywords and author names: Enter or comma adds, Backspace on empty removes, a drag or Alt+←/→ moves, a double-click or F2 edits. */
export function TagInput({ id, testId, items, labels, onChange, disabled, placeholder, noun, invalid, describedBy, onPendingChange, suggestions }: TagInputProps) {
  const [draft, setDraftState] = useState('');
  const t = useT();
  const reorder = useChipReorder(items, onChange, (item, place, count) => t('form.chipMoved', { item: authorName(labels, item), place, count }), !disabled);
  const setDraft = (value: string): void => {
    setDraftState(value);
    onPendingChange?.(value.trim());
  };

  const commitDraft = (value: string): void => {
    setDraft('');
    const next = addItems(items, [value]);
    if (next.length !== items.length) onChange(next);
  };

  const offered = useMemo(() => (suggestions ?? []).filter((s) => !items.includes(s)), [suggestions, items]);

  const handleChange = (e: ChangeEvent<HTMLInputElement>): void => {
    const value = e.target.value;
    // A value picked from the offered list (not typed: typing is an InputEvent inserting text) is added at once.
    const native = e.nativeEvent;
    if ((!(native instanceof InputEvent) || native.inputType === 'insertReplacementText') && offered.includes(value)) {
      commitDraft(value);
      return;
    }
    if (!value.includes(',')) {
      setDraft(value);
      return;
    }
    // A comma (typed or pasted) closes every item before it; the rest stays in the input.
    const pieces = value.split(',');
    const rest = pieces.pop() ?? '';
    setDraft(rest.trimStart());
    const next = addItems(items, pieces);
    if (next.length !== items.length) onChange(next);
  };

  const handleKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (draft.trim() !== '') commitDraft(draft);
    } else if (e.key === 'Backspace' && draft === '' && items.length > 0) {
      e.preventDefault();
      onChange(items.slice(0, -1));
    }
  };

  return (
    <div
      ref={reorder.box}
      className={`tag-input${disabled ? ' is-disabled' : ''}${invalid ? ' is-invalid' : ''}`}
      onClick={(e) => (e.currentTarget.querySelector('.tag-input-text') as HTMLInputElement | null)?.focus()}
      {...reorder.boxProps}
    >
      {items.map((item, i) => (
        <Chip key={`${i}:${item}`} item={item} index={i} items={items} labels={labels} noun={noun} disabled={disabled} reorder={reorder} onChange={onChange} />
      ))}
      <input
        id={id}
        data-testid={testId}
        className="tag-input-text"
        value={draft}
        disabled={disabled}
        placeholder={items.length === 0 ? placeholder : ''}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        list={offered.length > 0 ? `${id}-known` : undefined}
        onChange={handleChange}
        onKeyDown={handleKeyDown}
        onBlur={() => {
          if (draft.trim() !== '') commitDraft(draft);
        }}
      />
      {offered.length > 0 && <Offered id={`${id}-known`} values={offered} labels={labels} />}
      <span className="visually-hidden" role="status">
        {reorder.said}
      </span>
    </div>
  );
}
