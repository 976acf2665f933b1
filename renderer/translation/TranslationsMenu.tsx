// "Languages" in the top bar: the recap's languages in its site, each with its state (source,
// up to date, source changed, fields still to translate), Open for the ones that exist and
// "Add translation…" for the others. A recap never saved to a file has none: the button is
// disabled, its tooltip says why (as Electron's File → Add Translation… is, menu.ts).

import { useCallback, useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { TranslationEntry, TranslationSet } from '../../electron/core/contract';
import { errorMessage } from '../api';
import { useT } from '../ui/locale';
import './translation.css';

interface Props {
  api: { translationsOf(req: { path: string }): Promise<TranslationSet> };
  /** The recap's file; null when it was never saved. */
  path: string | null;
  busy: boolean;
  onOpen(path: string): void;
  onAdd(lang: string): void;
  /** Bumped when the application menu's "Add Translation…" asks for this menu: it opens. */
  openRequest?: number;
}

function EntryState({ entry }: { entry: TranslationEntry }) {
  const t = useT();
  if (entry.isSource) return <span className="tr-chip">{t('translation.stateSource')}</span>;
  if (!entry.exists) return <span className="tr-chip is-missing">{t('translation.stateMissing')}</span>;
  return (
    <>
      {entry.changedBlocks > 0 && <span className="tr-chip is-outdated">{t('translation.stateOutdated', { count: entry.changedBlocks })}</span>}
      {entry.untranslated.length > 0 && <span className="tr-chip is-todo">{t('translation.stateFields', { count: entry.untranslated.length })}</span>}
      {entry.changedBlocks === 0 && entry.untranslated.length === 0 && <span className="tr-chip is-ok">{t('translation.stateUpToDate')}</span>}
    </>
  );
}

/** One language of the recap: its state, and Open or Add translation… */
function EntryRow({ entry: e, current, onOpen, onAdd }: { entry: TranslationEntry; current: boolean; onOpen(): void; onAdd(): void }) {
  const t = useT();
  return (
    <div className={`tr-row${current ? ' is-current' : ''}`} data-testid={`lang-${e.lang}`}>
      <span className="tr-lang" lang={e.lang}>
        {e.lang}
      </span>
      <span className="tr-states">
        <EntryState entry={e} />
      </span>
      {e.exists && !current && (
        <button type="button" className="button button-small" onClick={onOpen} title={e.path}>
          {t('translation.open')}
        </button>
      )}
      {e.exists && current && <span className="tr-here">{t('translation.here')}</span>}
      {!e.exists && (
        <button type="button" className="button button-small button-primary" data-testid={`add-translation-${e.lang}`} onClick={onAdd} title={e.path}>
          {t('translation.add')}
        </button>
      )}
    </div>
  );
}

/** The menu opens on request (the application menu) with the focus on its first "Add translation…", else on itself. */
function useOpenRequest(openRequest: number, setOpen: (open: boolean) => void, panel: RefObject<HTMLDivElement | null>, ready: boolean): void {
  const focusPending = useRef(false);
  useEffect(() => {
    if (openRequest === 0) return;
    setOpen(true);
    focusPending.current = true;
  }, [openRequest, setOpen]);
  useEffect(() => {
    const menu = panel.current;
    if (!focusPending.current || !menu || !ready) return;
    focusPending.current = false;
    (menu.querySelector<HTMLButtonElement>('[data-testid^="add-translation-"]') ?? menu).focus();
  });
}

export function TranslationsMenu({ api, path, busy, onOpen, onAdd, openRequest = 0 }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [set, setSet] = useState<TranslationSet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useOpenRequest(openRequest, setOpen, panel, error !== null || set !== null);
  const load = useCallback(() => {
    if (!path) return;
    setError(null);
    api.translationsOf({ path }).then(setSet, (err: unknown) => setError(errorMessage(err)));
  }, [api, path]);
  useEffect(() => {
    if (!open) return;
    load();
    const onDown = (e: MouseEvent): void => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, load]);
  const current = path;
  const shown = open && path !== null;
  return (
    <div className="tr-menu-box" ref={box}>
      <button
        type="button"
        className="button button-quiet tr-button"
        data-testid="btn-languages"
        aria-expanded={shown}
        aria-label={t('translation.languages')}
        disabled={busy || !path}
        onClick={() => setOpen((o) => !o)}
        title={path ? t('translation.languagesTitle') : t('translation.saveFirst')}
      >
        <svg width="18" height="16" viewBox="0 0 18 16" aria-hidden focusable="false">
          <path d="M1.5 3h7M5 1.5V3M3 3c.6 2.6 2.4 4.6 5 5.6M7 3c-.6 2.6-2.4 4.6-5 5.6" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
          <path d="M9.5 14.5l3-7.5 3 7.5M10.6 12h3.8" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      {shown && (
        <div className="tr-menu" role="group" aria-label={t('translation.languages')} data-testid="languages-menu" ref={panel} tabIndex={-1}>
          {error && <p className="tr-note is-error">{error}</p>}
          {!error && set === null && <p className="tr-note">{t('translation.loading')}</p>}
          {!error && set?.entries.length === 1 && (
            <p className="tr-note" data-testid="only-one-language">
              {t('translation.onlyOneLanguage', { lang: set.sourceLang })}
            </p>
          )}
          {set?.entries.map((e) => (
            <EntryRow key={e.lang} entry={e} current={e.path === current} onOpen={() => (setOpen(false), onOpen(e.path))} onAdd={() => (setOpen(false), onAdd(e.lang))} />
          ))}
        </div>
      )}
    </div>
  );
}
