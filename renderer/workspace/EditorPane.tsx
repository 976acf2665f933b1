import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { ClipboardEvent, DragEvent, KeyboardEvent, RefObject, TextareaHTMLAttributes } from 'react';
import MDEditor from '@uiw/react-md-editor/nohighlight';
import type { ICommand, MDEditorProps } from '@uiw/react-md-editor/nohighlight';
import { photoInsertionPoint } from '../../electron/core/markdown/photo-text';
import { dropPoint } from '../photos/dropPoint';
import { useT } from '../ui/locale';
import { editorExtraCommands, editorToolbar } from './editorToolbar';
import { EditorTextarea } from './editing/EditorTextarea';
import type { RenderTextareaHandle, RenderTextareaProps } from './editing/EditorTextarea';
import { enterInList } from './editing/lists';
import { FindBar } from './find/FindBar';
import type { BodyEdit } from './find/useFind';
import { useFindBar } from './find/useFindBar';

const CONTAINED = { contain: 'strict' } as const;
/** What the stock textarea is styled with when nothing is drawn under it. */
const TEXTAREA_STYLE = { WebkitTextFillColor: 'initial', overflow: 'auto' } as const;

const hasFiles = (e: DragEvent): boolean => [...e.dataTransfer.types].includes('Files');
const isRecapName = (name: string): boolean => /\.(?:md|markdown)$/i.test(name);

interface EditorPaneProps {
  body: string;
  /** Bumped whenever `body` changed other than by typing here: the text then shows `body`. */
  revision: number;
  /** Typing: the document takes the text after the keystroke is painted (see useRecapDocument). */
  onChange(body: string): void;
  /** Find and replace's edits of the body, each one undo step. */
  editBody: BodyEdit;
  /** Files dropped on the text; `offset` is the body offset under the drop point (null: over the toolbar). */
  onPhotoDrop?(files: File[], offset: number | null): void;
  /** Images pasted from the clipboard. */
  onPhotoPaste?(files: File[]): void;
  /** Changes when another recap is opened: the text then starts at its top, caret at 0. */
  resetKey?: number;
  /** Called once the text is on screen and reset for `resetKey`. */
  onReset?(): void;
  /** The recap's language (BCP 47; '' unknown): the text's, not the interface's, for fonts and spelling. */
  lang?: string;
}

/** Where dropped photos would land, in the text under the pointer; null when not over the text. */
function landing(section: HTMLElement, x: number, y: number): { offset: number | null; top: number | null } {
  const ta = section.querySelector<HTMLTextAreaElement>('.w-md-editor-text-input');
  if (!ta) return { offset: null, top: null };
  const r = ta.getBoundingClientRect();
  if (y < r.top || x < r.left || x > r.right) return { offset: null, top: null };
  if (y > r.bottom) return { offset: ta.value.length, top: r.bottom - section.getBoundingClientRect().top };
  const value = ta.value;
  const p = dropPoint(ta, x, y, (offset) => photoInsertionPoint(value, offset));
  const at = photoInsertionPoint(value, p.offset);
  const lineEnd = value[at] === '\n' || at === value.length;
  const blank = (at === 0 || value[at - 1] === '\n') && lineEnd;
  // In the gap the links will fill: a blank line's middle, or just below or above a line of text.
  const half = (p.lineBottom - p.lineTop) / 2;
  const top = blank ? p.lineTop + half : lineEnd ? p.lineBottom + half : p.lineTop - half;
  return { offset: p.offset, top: top - section.getBoundingClientRect().top };
}

// Enter in a list: a new item with the same marker, or the end of the list on an empty item.
// Handled before the editor component's own Enter, which never ends a list.
function onKeyDownCapture(e: KeyboardEvent): void {
  if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey || e.nativeEvent.isComposing) return;
  const ta = e.target;
  if (!(ta instanceof HTMLTextAreaElement) || ta.selectionStart !== ta.selectionEnd) return;
  e.stopPropagation();
  const change = enterInList(ta.value, ta.selectionStart);
  if (!change) return; // a plain new line, the textarea's own
  e.preventDefault();
  ta.setSelectionRange(change.from, change.to);
  // Through the editing commands, so the change is an input like typing (and undoable).
  if (change.insert === '') document.execCommand('delete');
  else document.execCommand('insertText', false, change.insert);
  ta.setSelectionRange(change.caret, change.caret);
}

/** The pane as a drop target for photos: the line that shows where they will land, and the drop. */
function usePhotoDropTarget(section: RefObject<HTMLElement | null>, onPhotoDrop: EditorPaneProps['onPhotoDrop']) {
  const frame = useRef(0);
  const [dropAt, setDropAt] = useState<number | null | 'toolbar'>(null);
  const onDragOver = (e: DragEvent): void => {
    if (!onPhotoDrop || !hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    const { clientX, clientY } = e;
    cancelAnimationFrame(frame.current);
    // Measuring the text is layout work: once per frame at most.
    frame.current = requestAnimationFrame(() => {
      if (!section.current) return;
      const { top } = landing(section.current, clientX, clientY);
      setDropAt(top === null ? 'toolbar' : Math.round(top));
    });
  };
  const endDrag = (): void => {
    cancelAnimationFrame(frame.current);
    setDropAt(null);
  };
  const onDragLeave = (e: DragEvent): void => {
    if (!(e.relatedTarget instanceof Node) || !section.current?.contains(e.relatedTarget)) endDrag();
  };
  const onDrop = (e: DragEvent): void => {
    endDrag();
    if (!onPhotoDrop || !hasFiles(e)) return;
    const files = [...e.dataTransfer.files];
    // A recap dropped here opens like anywhere else in the window.
    if (files.length === 0 || files.every((f) => isRecapName(f.name))) return;
    e.preventDefault();
    e.stopPropagation();
    const { offset } = section.current ? landing(section.current, e.clientX, e.clientY) : { offset: null };
    onPhotoDrop(files, offset);
  };
  return { dropAt, onDragOver, onDragLeave, onDrop };
}

/** Where the dragged photos would go: a line over the text, or a note over the toolbar. */
function DropMarker({ dropAt }: { dropAt: number | null | 'toolbar' }) {
  const t = useT();
  if (typeof dropAt === 'number') {
    return (
      <div className="drop-line" style={{ top: dropAt }} aria-hidden>
        <span className="drop-line-label">{t('editor.photosGoHere')}</span>
      </div>
    );
  }
  if (dropAt === 'toolbar') {
    return (
      <div className="drop-line-note" aria-hidden>
        {t('editor.dropOnText')}
      </div>
    );
  }
  return null;
}

/** The toolbar in the current language, the find bar (when open) and the toolbar's button that opens it. */
function useEditorTools() {
  const t = useT();
  const findBar = useFindBar();
  const { show } = findBar;
  const toolbar = useMemo(() => editorToolbar(t), [t]);
  const extra = useMemo(() => editorExtraCommands(t, () => show('find')), [t, show]);
  const textareaProps = useMemo(() => ({ placeholder: t('editor.placeholder'), 'aria-label': t('editor.textLabel'), id: 'recap-text' }), [t]);
  return { t, findBar, toolbar, extra, textareaProps };
}

/**
 * The editor component on `text` as of `revision`, typing through `onChange`. The pane
 * re-renders with the document after each keystroke (the find bar reads the body); the editor
 * component, its toolbar and textarea only when what they show changed.
 */
function useEditorElement(text: string, revision: number, onChange: (body: string) => void, toolbar: ICommand[], extra: ICommand[], textareaProps: MDEditorProps['textareaProps']) {
  const components = useMemo(
    () => ({
      textarea: (taProps: RenderTextareaProps, opts: RenderTextareaHandle) => {
        const { value: _value, onChange: _onChange, ...rest } = taProps as TextareaHTMLAttributes<HTMLTextAreaElement>;
        const commands = [...(opts.useContext?.commands ?? []), ...(opts.useContext?.extraCommands ?? [])];
        return <EditorTextarea {...rest} style={TEXTAREA_STYLE} text={text} revision={revision} onText={onChange} commands={commands} dispatch={opts.dispatch} shortcuts={opts.shortcuts} />;
      },
    }),
    [text, revision, onChange],
  );
  return useMemo(
    () => (
      <MDEditor
        value={text}
        components={components}
        preview="edit"
        height="100%"
        visibleDragbar={false}
        commands={toolbar}
        extraCommands={extra}
        textareaProps={textareaProps}
        enableScroll={false}
        // No fullscreen here: without this the toolbar reads the body's computed style and
        // writes it back as an inline style on mount, a style pass over the whole page at start-up.
        overflow={false}
      />
    ),
    [text, components, toolbar, extra, textareaProps],
  );
}

export const EditorPane = memo(function EditorPane(props: EditorPaneProps) {
  const { body, revision, onChange, onPhotoDrop, onPhotoPaste, resetKey, onReset, editBody } = props;
  const section = useRef<HTMLElement>(null);
  const { t, findBar, toolbar, extra, textareaProps: uiProps } = useEditorTools();
  const lang = props.lang ?? '';
  const textareaProps = useMemo(() => ({ ...uiProps, lang }), [uiProps, lang]);
  // A keystroke renders nothing: the textarea is the browser's, the document follows after the
  // paint. The textarea is given the body as of the latest revision: typing does not bump it.
  const [shown, setShown] = useState({ body, revision });
  if (shown.revision !== revision) setShown({ body, revision });
  const text = shown.revision === revision ? shown.body : body;
  const editor = useEditorElement(text, revision, onChange, toolbar, extra, textareaProps);
  // Runs after the editor's first commit too, so a recap opened before this lazily loaded
  // pane arrived is reset (and announced) only once its textarea really exists.
  useEffect(() => {
    const textarea = section.current?.querySelector<HTMLTextAreaElement>('.w-md-editor-text-input');
    if (textarea) {
      textarea.scrollTop = 0;
      textarea.setSelectionRange(0, 0);
    }
    onReset?.();
  }, [resetKey, onReset]);

  const { dropAt, onDragOver, onDragLeave, onDrop } = usePhotoDropTarget(section, onPhotoDrop);
  const onPaste = (e: ClipboardEvent): void => {
    if (!onPhotoPaste) return;
    const files = [...e.clipboardData.files].filter((f) => f.type.startsWith('image/'));
    // Text copied from a word processor often comes with a picture of itself: text wins.
    if (files.length === 0 || e.clipboardData.getData('text/plain').trim() !== '') return;
    e.preventDefault();
    onPhotoPaste(files);
  };

  return (
    <section
      ref={section}
      className={`editor-pane${dropAt !== null ? ' is-drop-target' : ''}`}
      aria-label={t('workspace.editorLabel')}
      // The pane's size comes from the workspace grid, never from its text: with size, layout
      // and paint contained, a keystroke re-lays out the editor alone, not its siblings.
      style={CONTAINED}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      onPaste={onPaste}
      onKeyDownCapture={onKeyDownCapture}
    >
      <DropMarker dropAt={dropAt} />
      {findBar.open && (
        <FindBar
          key={findBar.open.search}
          body={body}
          editBody={editBody}
          mode={findBar.open.mode}
          focusSerial={findBar.open.focusSerial}
          initial={findBar.initial}
          startAt={findBar.open.startAt}
          onMode={findBar.setMode}
          onClose={findBar.close}
          stepRef={findBar.stepRef}
        />
      )}
      {editor}
    </section>
  );
});
