// Export: the recap and its photos laid out as the website expects, into a site checkout, a
// folder or a .zip. The plan (with the preflight checklist) is shown before anything is
// written; existing files that differ are replaced only after the author ticks the list.

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { AppInfo, ExportReport, ExportRequest, ExportTarget, Problem, RecapApi, RememberedSite } from '../../electron/core/contract';
import { errorMessage } from '../api';
import { Modal } from '../ui/Modal';
import './export.css';
import { isAbsolute, isInside, joinPath } from '../ui/paths';

type Kind = ExportTarget['kind'];

interface ExportDialogProps {
  api: RecapApi;
  info: AppInfo;
  /** The recap file the export reads photos beside (the linked file or the draft's). */
  recapPath: string;
  text: string;
  /** Suggested zip name, e.g. `kcd-china.zip`. */
  zipName: string;
  onJump(problem: Problem): void;
  onClose(): void;
  /** An export was written (the recap may now be linked to the post it wrote). */
  onExported?(report: ExportReport): void;
}

const STATUS_LABEL: Record<string, string> = { added: 'new', changed: 'changed', unchanged: 'unchanged', removed: 'removed' };



export function ExportDialog({ api, info, recapPath, text, zipName, onJump, onClose, onExported }: ExportDialogProps) {
  const [sites, setSites] = useState<RememberedSite[] | null>(null);
  const [kind, setKind] = useState<Kind>('site');
  const [siteRoot, setSiteRoot] = useState('');
  const [folder, setFolder] = useState('');
  const [zipFile, setZipFile] = useState('');
  const [newSite, setNewSite] = useState('');
  const [leaveOutUnused, setLeaveOutUnused] = useState(false);
  const [replace, setReplace] = useState(false);
  const [plan, setPlan] = useState<ExportReport | null>(null);
  const [planError, setPlanError] = useState<string | null>(null);
  const [planning, setPlanning] = useState(false);
  const [running, setRunning] = useState(false);
  const [done, setDone] = useState<ExportReport | null>(null);
  // A new name for the post, chosen on purpose: the export then moves it (the old file goes).
  const [slug, setSlug] = useState<string | null>(null);
  // A language folder chosen for the post (sites with several); null: the recap's own.
  const [lang, setLang] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const serial = useRef(0);

  // The default target (the last site, else a folder) must not override a choice already made.
  const chosen = useRef(false);
  const choose = (k: Kind): void => {
    chosen.current = true;
    setKind(k);
  };
  useEffect(() => {
    api.listSites().then(
      (list) => {
        setSites(list);
        // The site the recap lives in, else the one used last.
        const home = list.find((s) => s.available && isInside(s.root, recapPath));
        const first = home ?? list.find((s) => s.available);
        if (first) setSiteRoot(first.root);
        else if (!chosen.current) setKind('folder');
      },
      (err: unknown) => {
        setSites([]);
        setPlanError(errorMessage(err));
      },
    );
    // Once, for the dialog's first default: the recap's path does not change while it is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  const target = useMemo((): ExportTarget | null => {
    if (kind === 'site') return siteRoot ? { kind, dir: siteRoot } : null;
    if (kind === 'folder') return isAbsolute(folder.trim()) ? { kind, dir: folder.trim() } : null;
    const f = zipFile.trim();
    return isAbsolute(f) && /\.zip$/i.test(f) ? { kind, file: f } : null;
  }, [kind, siteRoot, folder, zipFile]);

  // What is wrong with a typed target, said before anything is asked of the service.
  const typed = kind === 'folder' ? folder.trim() : kind === 'zip' ? zipFile.trim() : '';
  const whereHint =
    typed === ''
      ? 'Choose where the recap goes.'
      : !isAbsolute(typed)
        ? `Type the full path, starting with ${info.homeDir.startsWith('/') ? '/' : 'a drive letter'} (e.g. ${info.homeDir}/${kind === 'zip' ? zipName : 'recap-export'}).`
        : 'The file name must end in .zip.';

  const request = useMemo(
    (): ExportRequest | null => (target ? { recapPath, text, target, leaveOutUnused, ...(slug !== null ? { slug } : {}), ...(lang !== null ? { lang } : {}) } : null),
    [recapPath, text, target, leaveOutUnused, slug, lang],
  );

  // The plan follows the choices: nothing is written until Export.
  useEffect(() => {
    setPlan(null);
    setPlanError(null);
    setReplace(false);
    if (!request) return;
    const mine = ++serial.current;
    setPlanning(true);
    const t = window.setTimeout(() => {
      api.planExport(request).then(
        (r) => {
          if (mine !== serial.current) return;
          setPlan(r);
          setPlanning(false);
        },
        (err: unknown) => {
          if (mine !== serial.current) return;
          setPlanError(errorMessage(err));
          setPlanning(false);
        },
      );
    }, 200);
    return () => window.clearTimeout(t);
  }, [api, request]);

  const browse = useCallback(
    async (what: 'folder' | 'zip' | 'site') => {
      try {
        const dir = await api.showFolderDialog({ title: what === 'site' ? 'Choose the website checkout' : what === 'zip' ? 'Choose where the .zip goes' : 'Choose the export folder', defaultDir: null });
        if (!dir) return;
        if (what === 'folder') setFolder(dir);
        else if (what === 'zip') setZipFile(joinPath(dir, zipName));
        else await addSite(dir);
      } catch (err) {
        setPlanError(errorMessage(err));
      }
    },
    // addSite is stable enough for a click handler.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, zipName],
  );

  const addSite = async (dir: string): Promise<void> => {
    try {
      const site = await api.rememberSite({ dir });
      setSites((list) => [site, ...(list ?? []).filter((s) => s.root !== site.root)]);
      setSiteRoot(site.root);
      setKind('site');
      setNewSite('');
    } catch (err) {
      setPlanError(errorMessage(err));
    }
  };

  // The chosen site's language folders (content/en, content/zh…): the post may go to either.
  const languages = kind === 'site' ? (sites?.find((s) => s.root === siteRoot)?.languages ?? []) : [];
  const errors = plan?.problems.filter((p) => p.severity === 'error') ?? [];
  const warnings = plan?.problems.filter((p) => p.severity === 'warning') ?? [];
  const conflicts = plan?.conflicts ?? [];
  const changes = plan ? plan.files.filter((f) => f.status !== 'unchanged') : [];
  const canExport = !!plan && !planning && !running && errors.length === 0 && (conflicts.length === 0 || replace) && changes.length > 0;

  const run = async (): Promise<void> => {
    if (!request) return;
    setRunning(true);
    setPlanError(null);
    try {
      const r = await api.exportRecap({ ...request, overwrite: replace });
      if (r.written) {
        setDone(r);
        onExported?.(r);
      }
      else {
        setPlan(r);
        setPlanError(r.problems.some((p) => p.severity === 'error') ? 'The checks found errors: nothing was written.' : 'Nothing to write: the target already has this recap as it is.');
      }
    } catch (err) {
      setPlanError(errorMessage(err));
    } finally {
      setRunning(false);
    }
  };

  // Enter in a typed path confirms it: the export runs once its plan is ready and clean;
  // until then the plan is fetched at once rather than after the typing pause.
  const enterPending = useRef(false);
  const onPathEnter = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    if (canExport) void run();
    else if (planning) enterPending.current = true;
  };
  useEffect(() => {
    if (!enterPending.current || planning) return;
    enterPending.current = false;
    if (canExport) void run();
    // run is recreated each render; the plan's arrival is what this waits for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [planning, canExport]);

  if (done) {
    const where = done.target.kind === 'zip' ? done.target.file : done.target.dir;
    return (
      <Modal title="Exported" onCancel={onClose} className="modal-export">
        <div className="export-done" data-testid="export-done">
          <p>
            {done.target.kind === 'zip' ? 'Wrote' : 'Exported to'} <code>{where}</code>: {done.added.length} new, {done.changed.length} changed
            {done.removed.length > 0 ? `, ${done.removed.length} removed` : ''}
            {done.unchanged.length > 0 ? `, ${done.unchanged.length} already up to date` : ''}.
          </p>
          {done.zip && (
            <p>
              {done.zip.entries} files, {(done.zip.bytes / 1048576).toFixed(1)} MB.
            </p>
          )}
          <ul className="export-files">
            {done.files
              .filter((f) => f.status !== 'unchanged')
              .map((f) => (
                <li key={f.path} className={`is-${f.status}`}>
                  <span className="export-status">{STATUS_LABEL[f.status]}</span> <code>{f.path}</code>
                </li>
              ))}
          </ul>
          {done.gitStatus !== null && (
            <>
              <p className="export-hint">
                <code>git status --short</code> in the site — <code>git add</code> is the only step left:
              </p>
              <pre className="export-git" data-testid="export-git">
                {done.gitStatus || '(no changes for git)'}
              </pre>
            </>
          )}
        </div>
        <div className="modal-actions">
          <button type="button" className="button button-primary" data-autofocus data-testid="export-close" onClick={onClose}>
            Done
          </button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title="Export the recap" onCancel={onClose} className="modal-export">
      <div className="export-targets" role="radiogroup" aria-label="Export to">
        {(['site', 'folder', 'zip'] as const).map((k) => (
          <label key={k} className={`export-target${kind === k ? ' is-selected' : ''}`}>
            <input type="radio" name="export-kind" value={k} checked={kind === k} data-testid={`export-kind-${k}`} onChange={() => choose(k)} />
            <span className="export-target-title">{k === 'site' ? 'Website checkout' : k === 'folder' ? 'Folder' : 'Zip file'}</span>
            <span className="export-target-help">{k === 'site' ? 'Every file in its place; then git add' : k === 'folder' ? 'The same layout, anywhere' : 'The same layout, in one .zip'}</span>
          </label>
        ))}
      </div>

      <div className="export-where">
        {kind === 'site' && (
          <>
            {sites && sites.length > 0 && (
              <select className="export-input" data-testid="export-site" value={siteRoot} onChange={(e) => {
                setSiteRoot(e.target.value);
                setLang(null);
              }} aria-label="Website checkout">
                {sites.map((s) => (
                  <option key={s.root} value={s.root} disabled={!s.available}>
                    {s.root} — {s.profile.label}
                    {s.available ? '' : ` (${s.error ?? 'unavailable'})`}
                  </option>
                ))}
              </select>
            )}
            <div className="export-row">
              {info.nativeDialogs ? (
                <button type="button" className="button" data-testid="export-add-site" onClick={() => void browse('site')}>
                  {sites && sites.length > 0 ? 'Add another site…' : 'Choose the website checkout…'}
                </button>
              ) : (
                <>
                  <input
                    className="export-input"
                    data-testid="export-site-path"
                    placeholder={`Website checkout, e.g. ${info.homeDir}/src/website`}
                    value={newSite}
                    onChange={(e) => setNewSite(e.target.value)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && isAbsolute(newSite.trim())) {
                        e.preventDefault();
                        void addSite(newSite.trim());
                      }
                    }}
                    aria-label="Website checkout folder"
                  />
                  <button type="button" className="button" data-testid="export-add-site" disabled={!isAbsolute(newSite.trim())} onClick={() => void addSite(newSite.trim())}>
                    Use this site
                  </button>
                </>
              )}
            </div>
          </>
        )}
        {kind === 'folder' && (
          <div className="export-row">
            <input className="export-input" data-testid="export-folder" readOnly={info.nativeDialogs} placeholder={info.nativeDialogs ? 'Choose a folder…' : `Folder, e.g. ${info.homeDir}/recap-export`} value={folder} onChange={(e) => setFolder(e.target.value)} onKeyDown={onPathEnter} aria-label="Export folder" />
            {info.nativeDialogs && (
              <button type="button" className="button" onClick={() => void browse('folder')}>
                Choose…
              </button>
            )}
          </div>
        )}
        {kind === 'zip' && (
          <div className="export-row">
            <input className="export-input" data-testid="export-zip" readOnly={info.nativeDialogs} placeholder={info.nativeDialogs ? `Choose a folder for ${zipName}…` : `${info.homeDir}/${zipName}`} value={zipFile} onChange={(e) => setZipFile(e.target.value)} onKeyDown={onPathEnter} aria-label="Zip file" />
            {info.nativeDialogs && (
              <button type="button" className="button" onClick={() => void browse('zip')}>
                Choose folder…
              </button>
            )}
          </div>
        )}
      </div>

      <div className="export-plan" data-testid="export-plan" aria-live="polite">
        {planError && (
          <p className="export-error" role="alert" data-testid="export-error">
            {planError}
          </p>
        )}
        {!target && !planError && <p className="export-hint" data-testid="export-where-hint">{whereHint}</p>}
        {planning && <p className="export-hint">Checking…</p>}
        {plan && !planning && (
          <>
            <h3 className="export-heading">Checks</h3>
            {plan.problems.length === 0 ? (
              <p className="export-ok" data-testid="export-checks-ok">
                ✓ Front matter, images, alt text and layout look right.
              </p>
            ) : (
              <ul className="export-checks" data-testid="export-checks">
                {[...errors, ...warnings].map((p, i) => (
                  <li key={`${p.code}-${i}`} className={`is-${p.severity}`}>
                    <button type="button" className="export-check" onClick={() => onJump(p)} title={p.line ? `Go to line ${p.line}` : 'Go to the field'}>
                      <span className="export-severity">{p.severity === 'error' ? 'Error' : 'Warning'}</span>
                      <span className="export-message">{p.message}</span>
                      {p.line !== undefined && <span className="export-line">line {p.line}</span>}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {plan.unused.length > 0 && (
              <label className="export-option">
                <input type="checkbox" checked={leaveOutUnused} data-testid="export-leave-out" onChange={(e) => setLeaveOutUnused(e.target.checked)} />
                Leave out the {plan.unused.length} {plan.unused.length === 1 ? 'photo' : 'photos'} the text does not use ({plan.unused.slice(0, 3).join(', ')}
                {plan.unused.length > 3 ? '…' : ''})
              </label>
            )}
            {plan.post && (
              <div className="export-post" data-testid="export-post">
                <span>
                  Post <code>{plan.post}</code>
                  <span className="export-post-why">
                    {plan.postFrom === 'own' ? ' — its own file in this site' : plan.postFrom === 'pinned' ? ' — where this recap’s last export put it' : slug !== null ? ' — renamed' : ' — a new post, named after the title'}
                  </span>
                </span>
                {plan.postFrom !== 'own' &&
                  (renaming === null ? (
                    <button type="button" className="link-button" data-testid="export-rename" onClick={() => setRenaming(plan.slug)}>
                      Rename…
                    </button>
                  ) : (
                    <form
                      className="export-rename"
                      onSubmit={(e) => {
                        e.preventDefault();
                        const next = renaming.trim();
                        if (next !== '') setSlug(next);
                        setRenaming(null);
                      }}
                    >
                      <input className="export-input" data-testid="export-slug" aria-label="The post's name (slug)" value={renaming} onChange={(e) => setRenaming(e.target.value)} autoFocus />
                      <button type="submit" className="button" data-testid="export-slug-ok">
                        Rename
                      </button>
                    </form>
                  ))}
              </div>
            )}
            {languages.length > 1 && (
              <label className="export-option">
                Language of the post{' '}
                <select className="export-input export-lang" data-testid="export-lang" value={lang ?? plan.lang} onChange={(e) => setLang(e.target.value)}>
                  {languages.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <h3 className="export-heading">Files ({plan.profile} layout)</h3>
            <ul className="export-files" data-testid="export-files">
              {plan.files.map((f) => (
                <li key={f.path} className={`is-${f.status}${conflicts.includes(f.path) ? ' is-conflict' : ''}`}>
                  <span className="export-status">{conflicts.includes(f.path) ? 'replaces' : STATUS_LABEL[f.status]}</span> <code>{f.path}</code>
                </li>
              ))}
            </ul>
            {conflicts.length > 0 && (
              <label className="export-option is-danger">
                <input type="checkbox" checked={replace} data-testid="export-replace" onChange={(e) => setReplace(e.target.checked)} />
                Replace the {conflicts.length} existing {conflicts.length === 1 ? 'file' : 'files'} that differ ({conflicts.slice(0, 3).join(', ')}
                {conflicts.length > 3 ? '…' : ''})
              </label>
            )}
          </>
        )}
      </div>

      <div className="modal-actions">
        <button type="button" className="button" data-testid="export-cancel" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button button-primary" data-testid="export-run" disabled={!canExport} onClick={() => void run()}>
          {running ? 'Exporting…' : errors.length > 0 ? 'Fix the errors to export' : plan && changes.length === 0 ? 'Already up to date' : 'Export'}
        </button>
      </div>
    </Modal>
  );
}

export default ExportDialog;
