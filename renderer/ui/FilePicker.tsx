import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dispatch, SetStateAction } from 'react';
import type { DirEntry, DirListing, RecapApi } from '../../electron/core/contract';
import { errorMessage } from '../api/error';
import { t, useT } from './locale';
import { Modal } from './Modal';
import { rich } from './rich';
import { isAbsolute, joinPath } from './paths';

export interface PickerSpec {
  mode: 'open' | 'save';
  /** Folder to start in; null = the home folder. */
  startDir: string | null;
  /** Save mode: the proposed file name. */
  suggestedName?: string;
}

export interface PickerResult {
  path: string;
  /** The author confirmed replacing an existing file (save mode). */
  overwrite: boolean;
}

const MARKDOWN = /\.(?:md|markdown)$/i;

function splitPath(path: string): { dir: string; name: string } {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (i < 0) return { dir: '', name: path };
  return { dir: i === 0 ? path.slice(0, 1) : path.slice(0, i), name: path.slice(i + 1) };
}

function EntryIcon({ kind }: { kind: DirEntry['kind'] }) {
  return kind === 'dir' ? (
    <svg className="picker-icon is-dir" viewBox="0 0 16 16" width="16" height="16" aria-hidden>
      <path d="M1.5 3.5h4.2l1.5 1.6h7.3v7.9h-13z" fill="currentColor" />
    </svg>
  ) : (
    <svg className="picker-icon is-file" viewBox="0 0 16 16" width="16" height="16" aria-hidden>
      <path d="M3.5 1.5h6l3 3v10h-9z" fill="none" stroke="currentColor" strokeWidth="1.2" />
      <path d="M5.5 8h5M5.5 10.5h5" stroke="currentColor" strokeWidth="1.1" />
    </svg>
  );
}

/** The folder shown, loaded through the service; a start folder that is gone falls back to home. */
function useDirectory(api: RecapApi, startDir: string | null) {
  const [listing, setListing] = useState<DirListing | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  // Only the folder asked for last is shown: the start folder's answer arriving after the author
  // has gone into another folder must not take them back.
  const asked = useRef(0);
  const load = useCallback(
    async (path: string | null): Promise<boolean> => {
      const ask = ++asked.current;
      setLoading(true);
      try {
        const next = await api.listDirectory({ path });
        if (ask === asked.current) {
          setListing(next);
          setError(null);
        }
        return true;
      } catch (err) {
        // A folder asked for since has the last word: nothing for the caller to fall back from.
        if (ask !== asked.current) return true;
        setError(errorMessage(err));
        return false;
      } finally {
        if (ask === asked.current) setLoading(false);
      }
    },
    [api],
  );

  useEffect(() => {
    void load(startDir).then((ok) => {
      // A folder that went away (or was never there) should not leave the picker empty.
      if (!ok && startDir !== null) void load(null);
    });
  }, [load, startDir]);
  return { listing, loading, error, setError, load };
}

/** What confirming the typed name needs: the folder shown and the picker's setters. */
interface ConfirmContext {
  api: RecapApi;
  listing: DirListing | null;
  load(path: string | null): Promise<boolean>;
  setError(message: string | null): void;
  setName(name: string): void;
  setReplace(path: string | null): void;
  onDone(result: PickerResult | null): void;
}

function resolveIn(listing: DirListing | null, value: string): string {
  return isAbsolute(value) || !listing ? value : joinPath(listing.path, value);
}

/** Open: a Markdown file is the answer; a folder (or anything else that lists) is entered. */
async function confirmOpen(value: string, ctx: ConfirmContext): Promise<void> {
  if (value === '') {
    ctx.setError(t('picker.chooseRecap'));
    return;
  }
  const path = resolveIn(ctx.listing, value);
  const entry = ctx.listing?.entries.find((e) => e.path === path || e.name === value);
  if (entry?.kind === 'dir' || !MARKDOWN.test(path)) {
    if (await ctx.load(path)) ctx.setName('');
    else ctx.setError(t('picker.notFolderOrMarkdown', { path }));
    return;
  }
  ctx.onDone({ path, overwrite: false });
}

/** Save As: a new .md name is the answer; an existing file asks before it is replaced. */
async function confirmSave(value: string, ctx: ConfirmContext): Promise<void> {
  if (value === '') {
    ctx.setError(t('picker.typeName'));
    return;
  }
  const { listing } = ctx;
  const path = resolveIn(listing, MARKDOWN.test(value) ? value : `${value}.md`);
  const { dir, name: base } = splitPath(path);
  let entries = listing && dir === listing.path ? listing.entries : null;
  if (!entries) {
    try {
      entries = (await ctx.api.listDirectory({ path: dir })).entries;
    } catch (err) {
      ctx.setError(errorMessage(err));
      return;
    }
  }
  const existing = entries.find((e) => e.path === path || e.name === base);
  if (existing?.kind === 'dir') {
    ctx.setError(t('picker.isFolder', { name: base }));
    return;
  }
  if (existing) {
    ctx.setReplace(path);
    return;
  }
  ctx.onDone({ path, overwrite: false });
}

/** The folder's subfolders, then its Markdown files; a click selects a file, a double click opens it. */
function PickerEntries({ listing, loading, name, setName, openEntry }: { listing: DirListing | null; loading: boolean; name: string; setName(name: string): void; openEntry(entry: DirEntry): void }) {
  const dirs = listing?.entries.filter((e) => e.kind === 'dir') ?? [];
  const files = listing?.entries.filter((e) => e.kind === 'file') ?? [];
  const t = useT();
  return (
    <div className={`picker-list${loading ? ' is-loading' : ''}`} role="listbox" aria-label={t('picker.listLabel')}>
      {listing && dirs.length + files.length === 0 && <p className="picker-empty">{t('picker.empty')}</p>}
      {[...dirs, ...files].map((entry) => (
        <button
          key={entry.path}
          type="button"
          role="option"
          aria-selected={entry.kind === 'file' && entry.name === name.trim()}
          className={`picker-entry is-${entry.kind}${entry.kind === 'file' && entry.name === name.trim() ? ' is-selected' : ''}`}
          onClick={() => (entry.kind === 'dir' ? openEntry(entry) : setName(entry.name))}
          onDoubleClick={() => entry.kind === 'file' && openEntry(entry)}
          title={entry.path}
        >
          <EntryIcon kind={entry.kind} />
          {entry.name}
        </button>
      ))}
    </div>
  );
}

/** Save As over an existing file: Replace or Cancel; otherwise the picker's own buttons. */
function PickerActions({ mode, replace, setReplace, confirm, onDone }: { mode: PickerSpec['mode']; replace: string | null; setReplace: Dispatch<SetStateAction<string | null>>; confirm(): Promise<void>; onDone(result: PickerResult | null): void }) {
  const t = useT();
  if (replace) {
    return (
      <div className="picker-replace" role="alert">
        <p>{rich(t, 'picker.replaceQuestion', { name: <strong>{splitPath(replace).name}</strong> })}</p>
        <div className="modal-actions">
          <button type="button" className="button" data-testid="confirm-cancel" onClick={() => setReplace(null)}>
            {t('ui.cancel')}
          </button>
          <button type="button" className="button button-danger" data-testid="confirm-overwrite" onClick={() => onDone({ path: replace, overwrite: true })}>
            {t('ui.replace')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="modal-actions">
      <button type="button" className="button" data-testid="picker-cancel" onClick={() => onDone(null)}>
        {t('ui.cancel')}
      </button>
      <button type="button" className="button button-primary" data-testid="picker-ok" onClick={() => void confirm()}>
        {mode === 'open' ? t('ui.open') : t('ui.save')}
      </button>
    </div>
  );
}

/** The browser mode's Open and Save As dialog, built on listDirectory (the page cannot see the disk). */
export function FilePicker({ api, spec, onDone }: { api: RecapApi; spec: PickerSpec; onDone(result: PickerResult | null): void }) {
  const { listing, loading, error, setError, load } = useDirectory(api, spec.startDir);
  const [name, setName] = useState(spec.mode === 'save' ? (spec.suggestedName ?? '') : '');
  const [replace, setReplace] = useState<string | null>(null);
  const t = useT();

  const openEntry = (entry: DirEntry): void => {
    if (entry.kind === 'dir') {
      void load(entry.path);
      if (spec.mode === 'open') setName('');
    } else if (spec.mode === 'open') {
      onDone({ path: entry.path, overwrite: false });
    } else {
      setName(entry.name);
    }
  };

  const confirm = async (): Promise<void> => {
    setReplace(null);
    const ctx: ConfirmContext = { api, listing, load, setError, setName, setReplace, onDone };
    await (spec.mode === 'open' ? confirmOpen(name.trim(), ctx) : confirmSave(name.trim(), ctx));
  };

  return (
    <Modal title={spec.mode === 'open' ? t('picker.openTitle') : t('picker.saveTitle')} onCancel={() => onDone(null)} className="modal-picker">
      <div className="picker-location">
        <button type="button" className="button button-small" disabled={!listing?.parent || loading} onClick={() => listing?.parent && void load(listing.parent)} title={t('picker.parent')}>
          {t('picker.up')}
        </button>
        <span className="picker-folder" title={listing?.path}>
          {/* The mark keeps the leading slash in place while the start of a long path is cut off. */}
          {listing ? `\u200e${listing.path}\u200e` : t('picker.loading')}
        </span>
      </div>
      <PickerEntries listing={listing} loading={loading} name={name} setName={setName} openEntry={openEntry} />
      <label className="picker-name">
        <span>{spec.mode === 'open' ? t('picker.fileOrFolder') : t('picker.fileName')}</span>
        <input
          className="input"
          data-testid="picker-path"
          data-autofocus=""
          value={name}
          placeholder={spec.mode === 'open' ? t('picker.openPlaceholder') : 'my-event-recap.md'}
          spellCheck={false}
          onChange={(e) => {
            setName(e.target.value);
            setError(null);
            setReplace(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void confirm();
            }
          }}
        />
      </label>
      {error && (
        <p className="field-msg is-error" role="alert">
          {error}
        </p>
      )}
      <PickerActions mode={spec.mode} replace={replace} setReplace={setReplace} confirm={confirm} onDone={onDone} />
    </Modal>
  );
}
