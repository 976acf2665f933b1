// The find bar over the Markdown editor: find (Ctrl/Cmd+F), replace (Ctrl/Cmd+H), match case,
// whole word and regular expressions, "3 of 12", Enter and F3 for the next match, Escape back
// to the text at the current match.
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import type { MessageKey } from '../../../electron/core/i18n/messages';
import type { FindMatch, FindOptions } from '../../../electron/core/markdown/find';
import { tMsg, useT } from '../../ui/locale';
import type { Translate } from '../../ui/locale';
import { FindHighlight } from './FindHighlight';
import { PreviewFindToggle } from './PreviewFindToggle';
import { useFind } from './useFind';
import type { BodyEdit, FindSettings, FindState } from './useFind';
import { usePreviewFind } from './usePreviewFind';
import type { PreviewFind } from './usePreviewFind';
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

const OPTIONS: Array<{ key: keyof FindOptions; label: MessageKey; text: string }> = [
  { key: 'matchCase', label: 'find.matchCase', text: 'Aa' },
  { key: 'wholeWord', label: 'find.wholeWord', text: 'W' },
  { key: 'regex', label: 'find.regex', text: '.*' },
];

function countText(t: Translate, find: FindState): string {
  if (find.settings.query === '' || find.error) return '';
  if (find.matches.length === 0) return t('find.noResults');
  const total = `${find.matches.length}${find.truncated ? '+' : ''}`;
  return find.current >= 0 ? t('find.position', { current: find.current + 1, total }) : t('find.found', { total });
}

/** The key that undoes, as the keyboard of this system says it. */
function undoKey(): string {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? 'Cmd+Z' : 'Ctrl+Z';
}

function OptionToggles({ find, preview }: { find: FindState; preview: PreviewFind }) {
  const t = useT();
  return (
    <div className="find-options" role="group" aria-label={t('find.options')}>
      {OPTIONS.map((o) => (
        <button
          key={o.key}
          type="button"
          className={`find-toggle${find.settings.options[o.key] ? ' is-on' : ''}`}
          aria-pressed={find.settings.options[o.key]}
          aria-label={t(o.label)}
          title={t(o.label)}
          data-testid={`find-${o.key}`}
          disabled={preview.on && o.key !== 'matchCase'}
          onClick={() => find.toggle(o.key)}
        >
          {o.key === 'wholeWord' ? <span className="find-word" data-glyph="ab" aria-hidden /> : o.text}
        </button>
      ))}
    </div>
  );
}

/** The query, the options, "3 of 12", previous, next and close. Enter and Shift+Enter go on. */
function QueryRow({ find, preview, input, onClose }: { find: FindState; preview: PreviewFind; input: RefObject<HTMLInputElement | null>; onClose(): void }) {
  const t = useT();
  const go = preview.on ? preview.go : find.go;
  const onQueryKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    go(e.shiftKey ? 'previous' : 'next');
  };
  const count = preview.on ? preview.count : countText(t, find);
  const nothing = preview.on ? preview.none : find.matches.length === 0;
  return (
    <div className="find-row">
      <input
        ref={input}
        type={preview.masked ? 'password' : 'text'}
        className={`find-input${find.error ? ' is-invalid' : ''}`}
        value={find.settings.query}
        onChange={(e) => find.setQuery(e.target.value)}
        onKeyDown={onQueryKey}
        placeholder={t('find.find')}
        aria-label={t('find.find')}
        aria-invalid={find.error !== null}
        aria-describedby="find-status"
        spellCheck={false}
        data-testid="find-query"
      />
      <OptionToggles find={find} preview={preview} />
      <PreviewFindToggle preview={preview} />
      <span className={`find-count${nothing && count ? ' is-none' : ''}`} id="find-status" role="status" data-testid="find-count">
        {count}
      </span>
      <button type="button" className="find-nav" aria-label={t('find.previousLabel')} title={t('find.previousTitle')} disabled={nothing} onClick={() => go('previous')} data-testid="find-previous">
        ↑
      </button>
      <button type="button" className="find-nav" aria-label={t('find.nextLabel')} title={t('find.nextTitle')} disabled={nothing} onClick={() => go('next')} data-testid="find-next">
        ↓
      </button>
      <button type="button" className="find-nav" aria-label={t('find.closeLabel')} title={t('find.closeTitle')} onClick={onClose} data-testid="find-close">
        ✕
      </button>
    </div>
  );
}

/** Enter replaces the current match, Ctrl/Cmd+Enter all of them. */
function ReplaceRow({ find }: { find: FindState }) {
  const t = useT();
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
        placeholder={find.settings.options.regex ? t('find.replaceGroupPlaceholder') : t('find.replacePlaceholder')}
        aria-label={t('find.replaceWith')}
        spellCheck={false}
        data-testid="find-replacement"
      />
      <button type="button" className="button button-small" disabled={find.current < 0} onClick={() => replace(false)} data-testid="find-replace-one">
        {t('find.replace')}
      </button>
      <button type="button" className="button button-small" disabled={find.matches.length === 0} onClick={() => replace(true)} data-testid="find-replace-all">
        {t('find.replaceAll')}
      </button>
    </div>
  );
}

export function FindBar(props: FindBarProps) {
  const t = useT();
  const { body, editBody, mode, focusSerial, initial, startAt, onMode, onClose, stepRef } = props;
  const find = useFind(body, editBody, initial, startAt);
  const preview = usePreviewFind(find.settings.query, find.settings.options.matchCase);
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
  stepRef.current = (action) => (action === 'close' ? close() : preview.on ? preview.go(action) : find.go(action));
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
      {!preview.on && <FindHighlight match={find.matches[find.current] ?? null} text={find.text} />}
      <div ref={bar} className="find-bar" role="search" aria-label={t('find.bar')} data-testid="find-bar" onKeyDown={onKeyDown}>
        <button
          type="button"
          className="find-mode"
          aria-label={mode === 'replace' ? t('find.hideReplace') : t('find.showReplace')}
          aria-expanded={mode === 'replace'}
          title={mode === 'replace' ? t('find.hideReplace') : t('find.replaceTitle', { key: 'Ctrl+H' })}
          data-testid="find-mode"
          onClick={() => onMode(mode === 'replace' ? 'find' : 'replace')}
        >
          {mode === 'replace' ? '▾' : '▸'}
        </button>
        <div className="find-rows">
          <QueryRow find={find} preview={preview} input={queryInput} onClose={close} />
          {mode === 'replace' && !preview.on && <ReplaceRow find={find} />}
          {find.error && (
            <p className="find-error" role="alert" data-testid="find-error">
              {tMsg(find.error)}
            </p>
          )}
          {find.replaced !== null && !find.error && (
            <p className="find-notice" role="status" data-testid="find-notice">
              {find.replaced === 0 ? t('find.nothingToReplace') : t('find.replaced', { count: find.replaced, undo: undoKey() })}
            </p>
          )}
        </div>
      </div>
    </>
  );
}
