// The export's target: the kind (website checkout, folder, zip file) and then where exactly —
// a remembered site or a new one, a folder, a .zip path — chosen natively or typed in browser mode.

import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { AppInfo } from '../../electron/core/contract';
import type { MessageKey } from '../../electron/core/i18n/messages';
import { GENERATOR_NAMES } from '../../electron/core/markdown/site-reading';
import { currentLocale, useT } from '../ui/locale';
import { profileText } from '../ui/profile-text';
import { isAbsolute } from '../ui/paths';
import type { ExportKind, ExportTargetChoice } from './useExportTarget';

const KIND_TITLE: Record<ExportKind, MessageKey> = { site: 'export.kindSite', folder: 'export.kindFolder', zip: 'export.kindZip' };
const KIND_HELP: Record<ExportKind, MessageKey> = { site: 'export.kindSiteHelp', folder: 'export.kindFolderHelp', zip: 'export.kindZipHelp' };

export function ExportKindPicker({ kind, choose }: Pick<ExportTargetChoice, 'kind' | 'choose'>) {
  const t = useT();
  const group = useRef<HTMLDivElement>(null);
  // The dialog focuses the kind it opens with; when the kind then changes by itself (no site
  // remembered: a folder), the focus follows it, so the ring is never on a kind that is not chosen.
  useEffect(() => {
    const active = document.activeElement;
    if (active instanceof HTMLInputElement && active.type === 'radio' && !active.checked && group.current?.contains(active)) {
      group.current.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.focus();
    }
  }, [kind]);
  return (
    <div ref={group} className="export-targets" role="radiogroup" aria-label={t('export.to')}>
      {(['site', 'folder', 'zip'] as const).map((k) => (
        <label key={k} className={`export-target${kind === k ? ' is-selected' : ''}`}>
          {/* A click on the kind already shown is a choice too: the default (a folder where no site is remembered) must not replace it when the list arrives. */}
          <input type="radio" name="export-kind" value={k} checked={kind === k} data-testid={`export-kind-${k}`} onChange={() => choose(k)} onClick={() => kind === k && choose(k)} />
          <span className="export-target-title">{t(KIND_TITLE[k])}</span>
          <span className="export-target-help">{t(KIND_HELP[k])}</span>
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

/**
 * A remembered site from the list, or another one: a native folder dialog or a typed path. A
 * site is named by its generator ("Hugo site"), not by a layout: which of its sections the post
 * goes to is the plan's to say, below.
 */
function SiteChoice({ info, where, onSiteChange }: Pick<WhereProps, 'info' | 'where' | 'onSiteChange'>) {
  const t = useT();
  const { sites, siteRoot, newSite, setNewSite, addSite, browse } = where;
  return (
    <>
      {sites && sites.length > 0 && (
        <select className="export-input" data-testid="export-site" value={siteRoot} onChange={(e) => {
          where.setSiteRoot(e.target.value);
          onSiteChange();
        }} aria-label={t('export.kindSite')}>
          {sites.map((s) => (
            <option key={s.root} value={s.root} disabled={!s.available}>
              {s.root} — {s.profile.generator ? t('export.siteOf', { generator: GENERATOR_NAMES[s.profile.generator] }) : profileText(currentLocale(), s.profile.label)}
              {s.available ? '' : ` (${s.error ?? t('export.siteUnavailable')})`}
            </option>
          ))}
        </select>
      )}
      <div className="export-row">
        {info.nativeDialogs ? (
          <button type="button" className="button" data-testid="export-add-site" onClick={() => void browse('site')}>
            {sites && sites.length > 0 ? t('export.addAnotherSite') : t('export.chooseSite')}
          </button>
        ) : (
          <>
            <input
              className="export-input"
              data-testid="export-site-path"
              placeholder={t('export.sitePlaceholder', { example: `${info.homeDir}/src/website` })}
              value={newSite}
              onChange={(e) => setNewSite(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && isAbsolute(newSite.trim())) {
                  e.preventDefault();
                  void addSite(newSite.trim());
                }
              }}
              aria-label={t('export.siteFolder')}
            />
            <button type="button" className="button" data-testid="export-add-site" disabled={!isAbsolute(newSite.trim())} onClick={() => void addSite(newSite.trim())}>
              {t('export.useSite')}
            </button>
          </>
        )}
      </div>
    </>
  );
}

export function ExportWhere({ info, zipName, where, onSiteChange, onPathEnter }: WhereProps) {
  const t = useT();
  const { kind, folder, setFolder, zipFile, setZipFile, browse } = where;
  return (
    <div className="export-where">
      {kind === 'site' && <SiteChoice info={info} where={where} onSiteChange={onSiteChange} />}
      {kind === 'folder' && (
        <div className="export-row">
          <input className="export-input" data-testid="export-folder" readOnly={info.nativeDialogs} placeholder={info.nativeDialogs ? t('export.chooseFolderPlaceholder') : t('export.folderPlaceholder', { example: `${info.homeDir}/recap-export` })} value={folder} onChange={(e) => setFolder(e.target.value)} onKeyDown={onPathEnter} aria-label={t('export.folderLabel')} />
          {info.nativeDialogs && (
            <button type="button" className="button" onClick={() => void browse('folder')}>
              {t('export.choose')}
            </button>
          )}
        </div>
      )}
      {kind === 'zip' && (
        <div className="export-row">
          <input className="export-input" data-testid="export-zip" readOnly={info.nativeDialogs} placeholder={info.nativeDialogs ? t('export.zipPlaceholder', { name: zipName }) : `${info.homeDir}/${zipName}`} value={zipFile} onChange={(e) => setZipFile(e.target.value)} onKeyDown={onPathEnter} aria-label={t('export.kindZip')} />
          {info.nativeDialogs && (
            <button type="button" className="button" onClick={() => void browse('zip')}>
              {t('export.chooseFolder')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
