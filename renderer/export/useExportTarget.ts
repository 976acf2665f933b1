// Where the export goes: the remembered website checkouts, a folder or a .zip, as the author
// picks or types them. Yields the target once it is complete (an absolute path; a .zip name).

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ExportTarget, RecapApi, RememberedSite } from '../../electron/core/contract';
import type { MessageKey } from '../../electron/core/i18n/messages';
import { errorMessage } from '../api';
import { t } from '../ui/locale';
import { isAbsolute, isInside, joinPath } from '../ui/paths';

export type ExportKind = ExportTarget['kind'];

export interface ExportTargetChoice {
  sites: RememberedSite[] | null;
  kind: ExportKind;
  /** The author picks a kind (the default target no longer overrides it). */
  choose(kind: ExportKind): void;
  siteRoot: string;
  setSiteRoot(root: string): void;
  folder: string;
  setFolder(dir: string): void;
  zipFile: string;
  setZipFile(file: string): void;
  /** A site checkout typed in browser mode, before it is remembered. */
  newSite: string;
  setNewSite(dir: string): void;
  addSite(dir: string): Promise<void>;
  browse(what: 'folder' | 'zip' | 'site'): Promise<void>;
  /** The complete target, or null while the choice is unfinished. */
  target: ExportTarget | null;
  /** What the typed folder or zip path still lacks. */
  typedPath: string;
}

const BROWSE_TITLE: Record<'site' | 'zip' | 'folder', MessageKey> = { site: 'export.browseSite', zip: 'export.browseZip', folder: 'export.browseFolder' };

/** The remembered sites, loaded once; the default target is the recap's own site (or the one a draft is for), else the last used. */
function useRememberedSites(api: RecapApi, recapPath: string, draftFor: string | null, chosen: { current: boolean }, setSiteRoot: (root: string) => void, setKind: (kind: ExportKind) => void, onError: (message: string) => void) {
  const [sites, setSites] = useState<RememberedSite[] | null>(null);
  useEffect(() => {
    api.listSites().then(
      (list) => {
        setSites(list);
        // The site the recap lives in (or the draft was started for), else the one used last.
        const home = list.find((s) => s.available && (isInside(s.root, recapPath) || s.root === draftFor));
        const first = home ?? list.find((s) => s.available);
        if (first) setSiteRoot(first.root);
        else if (!chosen.current) setKind('folder');
      },
      (err: unknown) => {
        setSites([]);
        onError(errorMessage(err));
      },
    );
    // Once, for the dialog's first default: the recap's path does not change while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);
  return [sites, setSites] as const;
}

export function useExportTarget(api: RecapApi, recapPath: string, draftFor: string | null, zipName: string, onError: (message: string) => void): ExportTargetChoice {
  const [kind, setKind] = useState<ExportKind>('site');
  const [siteRoot, setSiteRoot] = useState('');
  const [folder, setFolder] = useState('');
  const [zipFile, setZipFile] = useState('');
  const [newSite, setNewSite] = useState('');

  // The default target (the last site, else a folder) must not override a choice already made:
  // a kind picked, or a path typed or picked (the dialog opens on a website checkout, and a path
  // typed there before the remembered sites arrive must not vanish under the author's hands).
  const chosen = useRef(false);
  // Counts the kinds the author picked: a site being added while they pick another kind does
  // not take them back to it when it is remembered.
  const picks = useRef(0);
  const choose = (k: ExportKind): void => {
    chosen.current = true;
    picks.current++;
    setKind(k);
  };
  const chosenBy = <T,>(set: (value: T) => void) => (value: T): void => {
    chosen.current = true;
    set(value);
  };
  const [sites, setSites] = useRememberedSites(api, recapPath, draftFor, chosen, setSiteRoot, setKind, onError);

  const target = useMemo((): ExportTarget | null => {
    if (kind === 'site') return siteRoot ? { kind, dir: siteRoot } : null;
    if (kind === 'folder') return isAbsolute(folder.trim()) ? { kind, dir: folder.trim() } : null;
    const f = zipFile.trim();
    return isAbsolute(f) && /\.zip$/i.test(f) ? { kind, file: f } : null;
  }, [kind, siteRoot, folder, zipFile]);

  const addSite = async (dir: string): Promise<void> => {
    const pick = picks.current;
    try {
      const site = await api.rememberSite({ dir });
      setSites((list) => [site, ...(list ?? []).filter((s) => s.root !== site.root)]);
      setSiteRoot(site.root);
      if (pick === picks.current) setKind('site');
      setNewSite('');
    } catch (err) {
      onError(errorMessage(err));
    }
  };

  const browse = useCallback(
    async (what: 'folder' | 'zip' | 'site') => {
      try {
        const dir = await api.showFolderDialog({ title: t(BROWSE_TITLE[what]), defaultDir: null });
        if (!dir) return;
        if (what === 'folder') setFolder(dir);
        else if (what === 'zip') setZipFile(joinPath(dir, zipName));
        else await addSite(dir);
      } catch (err) {
        onError(errorMessage(err));
      }
    },
    // addSite is stable enough for a click handler.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, zipName],
  );

  const typedPath = kind === 'folder' ? folder.trim() : kind === 'zip' ? zipFile.trim() : '';
  return {
    sites,
    kind,
    choose,
    siteRoot,
    setSiteRoot: chosenBy(setSiteRoot),
    folder,
    setFolder: chosenBy(setFolder),
    zipFile,
    setZipFile: chosenBy(setZipFile),
    newSite,
    setNewSite: chosenBy(setNewSite),
    addSite,
    browse,
    target,
    typedPath,
  };
}
