// The export's target: the kind (website checkout, folder, zip file) and then where exactly —
// a remembered site or a new one, a folder, a .zip path — chosen natively or typed in browser mode.

import type { KeyboardEvent } from 'react';
import type { AppInfo } from '../../electron/core/contract';
import { isAbsolute } from '../ui/paths';
import type { ExportKind, ExportTargetChoice } from './useExportTarget';

const KIND_TITLE: Record<ExportKind, string> = { site: 'Website checkout', folder: 'Folder', zip: 'Zip file' };
const KIND_HELP: Record<ExportKind, string> = { site: 'Every file in its place; then git add', folder: 'The same layout, anywhere', zip: 'The same layout, in one .zip' };

export function ExportKindPicker({ kind, choose }: Pick<ExportTargetChoice, 'kind' | 'choose'>) {
  return (
    <div className="export-targets" role="radiogroup" aria-label="Export to">
      {(['site', 'folder', 'zip'] as const).map((k) => (
        <label key={k} className={`export-target${kind === k ? ' is-selected' : ''}`}>
          <input type="radio" name="export-kind" value={k} checked={kind === k} data-testid={`export-kind-${k}`} onChange={() => choose(k)} />
          <span className="export-target-title">{KIND_TITLE[k]}</span>
          <span className="export-target-help">{KIND_HELP[k]}</span>
        </label>
      ))}
    </div>
  );
}

interface WhereProps {
  info: AppInfo;
  zipName: string;
  where: ExportTargetChoice;
  /** A new site checkout resets the post's language. */
  onSiteChange(): void;
  onPathEnter(e: KeyboardEvent<HTMLInputElement>): void;
}

/** A remembered site from the list, or another one: a native folder dialog or a typed path. */
function SiteChoice({ info, where, onSiteChange }: Pick<WhereProps, 'info' | 'where' | 'onSiteChange'>) {
  const { sites, siteRoot, newSite, setNewSite, addSite, browse } = where;
  return (
    <>
      {sites && sites.length > 0 && (
        <select className="export-input" data-testid="export-site" value={siteRoot} onChange={(e) => {
          where.setSiteRoot(e.target.value);
          onSiteChange();
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
  );
}

export function ExportWhere({ info, zipName, where, onSiteChange, onPathEnter }: WhereProps) {
  const { kind, folder, setFolder, zipFile, setZipFile, browse } = where;
  return (
    <div className="export-where">
      {kind === 'site' && <SiteChoice info={info} where={where} onSiteChange={onSiteChange} />}
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
  );
}
