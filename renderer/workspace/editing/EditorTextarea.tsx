// The editor component's textarea, uncontrolled. The stock one is a controlled textarea whose
// every keystroke re-renders the editor component, its toolbar and (React keeping a controlled
// textarea's default value in step) rewrites the textarea's whole text as its default value.
// This one lets the browser edit the text alone: a keystroke renders nothing, the document takes
// the text from the textarea's own `input` listener, and the text is written into the textarea
// only when it changed some other way (a new `revision`: undo, find and replace, photos, a reload).
//
// A keystroke's events are the textarea's alone (see `TYPING_EVENTS`): React listens at its root
// for every event on the page and, for each of them, walks from the textarea up to the root
// collecting handlers in the capture phase and again in the bubbling phase (where it also runs
// its change, select and before-input plugins), with nothing to find. So the events that type
// text are taken at the window in the capture phase, handled there and stopped: neither of
// React's dispatches runs for them. The window's own capture listeners (the shortcut, undo and
// find keys, scroll sync's `input`) still see every event; a keydown or keyup that is not a plain
// character goes on as before, to the pane's `onKeyDownCapture` (Enter in lists) and the
// textarea's own `keydown` (Tab, the toolbar's shortcuts), and on bubbling (the window's bubbling
// `keydown` listeners wait for Escape).
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { Ref, TextareaHTMLAttributes } from 'react';
import { handleKeyDown, TextAreaCommandOrchestrator } from '@uiw/react-md-editor/nohighlight';
import type { ICommand, MDEditorProps } from '@uiw/react-md-editor/nohighlight';
import { isPlainCharacter } from './keys';

type RenderTextarea = NonNullable<MDEditorProps['renderTextarea']>;
/** What the editor component hands its textarea: its dispatch, shortcuts and commands. */
export type RenderTextareaHandle = Parameters<RenderTextarea>[1];
/** The props the editor component gives its textarea (a textarea's, typed loosely by the library). */
export type RenderTextareaProps = Parameters<RenderTextarea>[0];
type Shortcuts = NonNullable<RenderTextareaHandle['shortcuts']>;

interface EditorTextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange'> {
  /** Set by the editor component (it runs its toolbar's commands on this textarea). */
  ref?: Ref<HTMLTextAreaElement>;
  /** The document's text as of `revision`; typing does not bump the revision. */
  text: string;
  revision: number;
  onText(text: string): void;
  /** The toolbar's commands, for their keyboard shortcuts; `dispatch` and `shortcuts` from the editor. */
  commands: ICommand[];
  dispatch: RenderTextareaHandle['dispatch'];
  shortcuts: Shortcuts | undefined;
}


/**
 * The events of a keystroke that types text, stopped at the window when they are the textarea's:
 * `input` (the text into the document), React's before-input polyfill's `keypress` and
 * `textInput` (nothing here uses `onBeforeInput`), and `keydown` and `keyup` for a plain character.
 */
const TYPING_EVENTS = ['keydown', 'keypress', 'textInput', 'input', 'keyup'] as const;

/** The state the stock textarea hands its shortcuts: an editor without preview or full screen. */
const SHORTCUT_STATE = { fullscreen: false, preview: 'edit', highlightEnable: false } as const;

/**
 * The placeholder is an attribute only while the text is empty, where it shows. Chromium sets the
 * inline style of a textarea's placeholder box on every edit while it has one, shown or not,
 * which costs a style recalculation on every keystroke.
 */
function showPlaceholder(el: HTMLTextAreaElement, value: string, placeholder: string | undefined): void {
  const want = value === '' && placeholder ? placeholder : null;
  if (want === null) {
    if (el.hasAttribute('placeholder')) el.removeAttribute('placeholder');
  } else if (el.getAttribute('placeholder') !== want) el.setAttribute('placeholder', want);
}

export function EditorTextarea({ ref, text, revision, onText, commands, dispatch, shortcuts, placeholder, ...rest }: EditorTextareaProps) {
  const own = useRef<HTMLTextAreaElement | null>(null);
  const setRef = useCallback(
    (el: HTMLTextAreaElement | null) => {
      own.current = el;
      if (typeof ref === 'function') ref(el);
      else if (ref) ref.current = el;
    },
    [ref],
  );
  // In the commit, like a controlled textarea: code that places the caret after an edit finds the new text.
  useLayoutEffect(() => {
    const el = own.current;
    if (!el) return;
    if (el.value !== text) el.value = text;
    showPlaceholder(el, el.value, placeholder);
  }, [text, revision, placeholder]);

  // Tab, Enter in lists and the toolbar's shortcuts, as the stock textarea does them.
  const keys = useRef({ commands, dispatch, shortcuts, onText, placeholder });
  keys.current = { commands, dispatch, shortcuts, onText, placeholder };
  useEffect(() => {
    const el = own.current;
    if (!el) return;
    const orchestrator = new TextAreaCommandOrchestrator(el);
    // The editor's own keys (a plain character never reaches here: it is typing).
    const onKeyDown = (e: KeyboardEvent): void => {
      handleKeyDown(e, 2, false);
      const k = keys.current;
      k.shortcuts?.(e, k.commands, orchestrator, k.dispatch, SHORTCUT_STATE);
    };
    const onTyping = (e: Event): void => {
      if (e.target !== el) return;
      // A character typed as itself is none of theirs (they take Tab, Enter, Escape and keys with
      // Ctrl, Cmd or Alt), and the editor's own handler splits the text before the caret into
      // lines on every key it sees: the key that writes a letter skips both.
      if ((e.type === 'keydown' || e.type === 'keyup') && !isPlainCharacter(e as KeyboardEvent)) return;
      e.stopPropagation();
      if (e.type !== 'input') return;
      const value = el.value;
      showPlaceholder(el, value, keys.current.placeholder);
      keys.current.onText(value);
    };
    el.addEventListener('keydown', onKeyDown);
    for (const type of TYPING_EVENTS) window.addEventListener(type, onTyping, true);
    return () => {
      el.removeEventListener('keydown', onKeyDown);
      for (const type of TYPING_EVENTS) window.removeEventListener(type, onTyping, true);
    };
  }, []);

  return <textarea {...rest} ref={setRef} />;
}
