// The find bar over the Markdown editor: find (Ctrl/Cmd+F), replace (Ctrl/Cmd+H), match case,
// whole word and regular expressions, "3 of 12", Enter and F3 for the next match, Escape back
// to the text at the current match.
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import type { FindMatch, FindOptions } from '../../../electron/core/markdown/find';
import { FindHighlight } from './FindHighlight';
import { useFind } from './useFind';
import type { BodyEdit, FindSettings, FindState } from './useFind';
import './find.css';

export type FindMode = 'find' | 'replace';
export type FindAction = 'next' | 'previous' | 'close';

export interface FindBarProps {
  body: string;
  editBody: BodyEdit;
  mode: FindMode;
  /** Bumped by every Ctrl/Cmd+F or H: the query field takes the focus again. */
  focusSerial: number;
  initial: FindSettings;
  /** Where the search starts: the caret's offset when the bar opened. */
  startAt: number;
  onMode(mode: FindMode): void;
  /** Closed (Escape, ✕): what to remember, and the match to select in the text. */
  onClose(settings: FindSettings, match: FindMatch | null): void;
  /** F3, Shift+F3 and Escape while the bar is open, from the text or the page. */
  stepRef: { current: ((action: FindAction) => void) | null };
}

const OPTIONS: Array<{ key: keyof FindOptions; label: string; text: string }> = [
  { key: 'matchCase', label: 'Match case', text: 'Aa' },
  { key: 'wholeWord', label: 'Whole word', text: 'W' },
  { key: 'regex', label: 'Regular expression', text: '.*' },
];

function countText(find: FindState): string {
  if (find.settings.query === '' || find.error) return '';
  if (find.matches.length === 0) return 'No results';
  const total = `${find.matches.length}${find.truncated ? '+' : ''}`;
  return find.current >= 0 ? `${find.current + 1} of ${total}` : `${total} found`;
}

function OptionToggles({ find }: { find: FindState }) {
  return (
    <div className="find-options" role="group" aria-label="Search options">
      {OPTIONS.map((o) => (
        <button
          key={o.key}
          type="button"
          className={`find-toggle${find.settings.options[o.key] ? ' is-on' : ''}`}
          aria-pressed={find.settings.options[o.key]}
          aria-label={o.label}
          title={o.label}
          data-testid={`find-${o.key}`}
          onClick={() => find.toggle(o.key)}
        >
          {o.key === 'wholeWord' ? <span className="find-word" data-glyph="ab" aria-hidden /> : o.text}
        </button>
      ))}
    </div>
  );
}

/** The query, the options, "3 of 12", previous, next and close. Enter and Shift+Enter go on. */
function QueryRow({ find, input, onClose }: { find: FindState; input: RefObject<HTMLInputElement | null>; onClose(): void }) {
  const onQueryKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    find.go(e.shiftKey ? 'previous' : 'next');
  };
  const count = countText(find);
  const nothing = find.matches.length === 0;
  return (
    <div className="find-row">
      <input
        ref={input}
        className={`find-input${find.error ? ' is-invalid' : ''}`}
        value={find.settings.query}
        onChange={(e) => find.setQuery(e.target.value)}
        onKeyDown={onQueryKey}
        placeholder="Find"
        aria-label="Find"
        aria-invalid={find.error !== null}
        aria-describedby="find-status"
        spellCheck={false}
        data-testid="find-query"
      />
      <OptionToggles find={find} />
      <span className={`find-count${nothing && count ? ' is-none' : ''}`} id="find-status" role="status" data-testid="find-count">
        {count}
      </span>
      <button type="button" className="find-nav" aria-label="Previous match (Shift+Enter)" title="Previous match (Shift+Enter, Shift+F3)" disabled={nothing} onClick={() => find.go('previous')} data-testid="find-previous">
        ↑
      </button>
      <button type="button" className="find-nav" aria-label="Next match (Enter)" title="Next match (Enter, F3)" disabled={nothing} onClick={() => find.go('next')} data-testid="find-next">
        ↓
      </button>
      <button type="button" className="find-nav" aria-label="Close find (Escape)" title="Close (Escape)" onClick={onClose} data-testid="find-close">
        ✕
      </button>
    </div>
  );
}

/** Enter replaces the current match, Ctrl/Cmd+Enter all of them. */
function ReplaceRow({ find }: { find: FindState }) {
  const input = useRef<HTMLInputElement>(null);
  // The buttons turn disabled once nothing is left to replace: the focus stays in the bar.
  const replace = (all: boolean): void => {
    if (all) find.replaceEvery();
    else find.replaceOne();
    input.current?.focus();
  };
  const onReplaceKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    replace(e.ctrlKey || e.metaKey);
  };
  return (
    <div className="find-row">
      <input
        ref={input}
        className="find-input"
        value={find.settings.replacement}
        onChange={(e) => find.setReplacement(e.target.value)}
        onKeyDown={onReplaceKey}
        placeholder={find.settings.options.regex ? 'Replace ($1 for a group)' : 'Replace'}
        aria-label="Replace with"
        spellCheck={false}
        data-testid="find-replacement"
      />
      <button type="button" className="button button-small" disabled={find.current < 0} onClick={() => replace(false)} data-testid="find-replace-one">
        Replace
      </button>
      <button type="button" className="button button-small" disabled={find.matches.length === 0} onClick={() => replace(true)} data-testid="find-replace-all">
        Replace all
      </button>
    </div>
  );
}

export function FindBar(props: FindBarProps) {
  const { body, editBody, mode, focusSerial, initial, startAt, onMode, onClose, stepRef } = props;
  const find = useFind(body, editBody, initial, startAt);
  const queryInput = useRef<HTMLInputElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  // Just below the editor's toolbar, however many rows a narrow window wraps it to.
  useLayoutEffect(() => {
    const toolbar = bar.current?.parentElement?.querySelector<HTMLElement>('.w-md-editor-toolbar');
    if (toolbar && bar.current) bar.current.style.top = `${toolbar.offsetTop + toolbar.offsetHeight + 8}px`;
  }, []);
  useEffect(() => {
    queryInput.current?.focus();
    queryInput.current?.select();
  }, [focusSerial]);
  const close = (): void => onClose(find.settings, find.matches[find.current] ?? null);
  stepRef.current = (action) => (action === 'close' ? close() : find.go(action));
  useEffect(() => () => void (stepRef.current = null), [stepRef]);
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  return (
    <>
      <FindHighlight match={find.matches[find.current] ?? null} text={find.text} />
      <div ref={bar} className="find-bar" role="search" aria-label="Find and replace in the text" data-testid="find-bar" onKeyDown={onKeyDown}>
        <button
          type="button"
          className="find-mode"
          aria-label={mode === 'replace' ? 'Hide replace' : 'Show replace'}
          aria-expanded={mode === 'replace'}
          title={mode === 'replace' ? 'Hide replace' : 'Replace (Ctrl+H)'}
          data-testid="find-mode"
          onClick={() => onMode(mode === 'replace' ? 'find' : 'replace')}
        >
          {mode === 'replace' ? '▾' : '▸'}
        </button>
        <div className="find-rows">
          <QueryRow find={find} input={queryInput} onClose={close} />
          {mode === 'replace' && <ReplaceRow find={find} />}
          {find.error && (
            <p className="find-error" role="alert" data-testid="find-error">
              {find.error}
            </p>
          )}
          {find.notice && !find.error && (
            <p className="find-notice" role="status" data-testid="find-notice">
              {find.notice}
            </p>
          )}
        </div>
      </div>
    </>
  );
}
