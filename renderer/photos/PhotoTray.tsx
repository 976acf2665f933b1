// The photo tray: every photo of the recap's folder with its size, dimensions and whether the
// text uses it, and what can be done with one (insert, alt text, cover, replace, remove); then
// the images the text links from other folders (LinkedPhotos.tsx).
// Photos dropped here are added to the folder only; the author places them later.
// Lazy-loaded: it is not needed for the first paint.

import { useEffect, useRef, useState } from 'react';
import type { DragEvent, KeyboardEvent } from 'react';
import type { Photo, PhotoFolderInfo } from '../../electron/core/contract';
import { samePhotoUrl, photoUseOf } from '../../electron/core/markdown/photo-text';
import { rich } from '../ui/rich';
import { useT } from '../ui/locale';
import { baseName } from '../ui/paths';
import { linkedKey, LinkedPhotos } from './LinkedPhotos';
import { fieldsNaming } from './linkedUrls';
import { AltField, FieldsHelp, PhotoInfo, PhotoThumb, useCardInView } from './PhotoCardParts';
import type { PhotosHandle } from './usePhotos';
import type { RemovedPhoto } from './photoTypes';
import type { MessageKey } from '../../electron/core/i18n/messages';

const hasFiles = (e: DragEvent): boolean => [...e.dataTransfer.types].includes('Files');

/** Under the folder's name being edited: why it cannot be used, else what changing it does. */
function FolderHelp({ error }: { error: string | null }) {
  const t = useT();
  if (!error) return <p className="field-help">{t('photos.folderHelp')}</p>;
  return (
    <p className="field-msg is-error" role="alert">
      {error}
    </p>
  );
}

function FolderName({ photos }: { photos: PhotosHandle }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const folder = photos.folder;
  if (!folder) return null;
  const prefix = folder.url.slice(0, folder.url.length - folder.imageDir.length);

  const apply = async (): Promise<void> => {
    if (value.trim() === folder.imageDir) {
      setEditing(false);
      setError(null);
      return;
    }
    const problem = await photos.setImageDir(value);
    setError(problem);
    if (!problem) setEditing(false);
  };

  if (editing) {
    return (
      <div className="tray-folder is-editing">
        <form
          className="tray-folder-form"
          onSubmit={(e) => {
            e.preventDefault();
            void apply();
          }}
        >
          <span className="tray-folder-prefix">{prefix}</span>
          <input
            className="input tray-folder-input"
            data-testid="photo-folder-input"
            aria-label={t('photos.folderInput')}
            value={value}
            autoFocus
            spellCheck={false}
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setEditing(false);
                setError(null);
              }
            }}
          />
          <button type="submit" className="button button-small">
            {t('photos.useFolder')}
          </button>
        </form>
        <FolderHelp error={error} />
      </div>
    );
  }
  return (
    <FolderLine
      folder={folder}
      prefix={prefix}
      onChange={() => {
        setValue(folder.imageDir);
        setError(null);
        setEditing(true);
      }}
    />
  );
}

/** The folder new photos go to, with Change… where the author may name it, else why not. */
function FolderLine({ folder, prefix, onChange }: { folder: PhotoFolderInfo; prefix: string; onChange(): void }) {
  const t = useT();
  return (
    <div className={`tray-folder${folder.fixed ? ' is-fixed' : ''}`} title={t('photos.folderTitle', { dir: folder.dir })}>
      <span className="tray-folder-label">{t('photos.folder')}</span>
      <code className="tray-folder-url">
        {prefix}
        <strong data-testid="photo-folder">{folder.imageDir}</strong>
      </code>
      {folder.fixed ? (
        // The site's layout decides the folder: say so rather than offer a Change that cannot act.
        <p className="field-help tray-folder-fixed" data-testid="photo-folder-fixed">
          {t(folder.fixed === 'beside' ? 'photos.folderFixed.beside' : 'photos.folderFixed.profile')}
        </p>
      ) : (
        <button type="button" className="link-button" data-testid="photo-folder-edit" onClick={onChange}>
          {t('photos.changeFolder')}
        </button>
      )}
      {folder.inSite && (
        // A draft for a site that keeps photos elsewhere: where they go once exported there.
        <p className="field-help tray-folder-site" data-testid="photo-folder-site" title={folder.inSite.site}>
          {folder.inSite.url === null
            ? t('photos.folderInSite.beside', { site: baseName(folder.inSite.site) })
            : t('photos.folderInSite', { site: baseName(folder.inSite.site), url: `${folder.inSite.url}/` })}
        </p>
      )}
    </div>
  );
}

function PhotoCard({ photo, photos, selected, onSelect }: { photo: Photo; photos: PhotosHandle; selected: boolean; onSelect(name: string | null): void }) {
  const t = useT();
  const use = photoUseOf(photos.uses, photo.url);
  const isCover = photos.cover !== null && samePhotoUrl(photos.cover, photo.url);
  // The cover already says the photo is the page's picture: one badge.
  const isCard = !isCover && photos.cardByName === photo.url;
  const inFields = fieldsNaming(photos.fields, [photo.url]);
  const unused = !use && !isCover && !isCard && inFields.length === 0;
  const card = useCardInView(selected);
  return (
    <li ref={card} className={`photo-card${selected ? ' is-selected' : ''}${unused ? ' is-unused' : ''}`} data-testid="photo-card" data-name={photo.name} data-used={use ? use.count : 0}>
      <PhotoThumb photo={photo} selected={selected} onToggle={() => onSelect(selected ? null : photo.name)} unused={unused} isCover={isCover} isCard={isCard} fields={inFields} count={use?.count ?? 0} />
      <PhotoInfo photo={photo} />
      {selected && (
        <div className="photo-details">
          {isCard && (
            <p className="field-help" data-testid="photo-card-help">
              {t('photos.cardByNameHelp')}
            </p>
          )}
          <FieldsHelp fields={inFields} />
          <AltField photo={photo} photos={photos} />
          <div className="photo-actions">
            <button type="button" className="button button-small button-primary" data-testid="photo-insert" onClick={() => photos.insertPhoto(photo)} title={t('photos.insertTitle')}>
              {t('photos.insertAtCursor')}
            </button>
            {photos.coverField && (
              <button
                type="button"
                className="button button-small"
                data-testid="photo-cover"
                disabled={isCover}
                onClick={() => photos.setCover(photo)}
                title={t('photos.coverTitle', { field: photos.coverField })}
              >
                {isCover ? t('photos.cover') : t('photos.useAsCover')}
              </button>
            )}
            <button type="button" className="button button-small" data-testid="photo-replace" onClick={() => photos.replacePhoto(photo)} title={t('photos.replaceTitle')}>
              {t('photos.replace')}
            </button>
            <button
              type="button"
              className="button button-small button-quiet photo-remove"
              data-testid="photo-remove"
              onClick={() => {
                onSelect(null);
                photos.removePhoto(photo);
              }}
              title={use ? t('photos.removeWithLinksTitle') : t('photos.removeTitle')}
            >
              {t('photos.remove')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

export interface PhotoTrayProps {
  photos: PhotosHandle;
  collapsed: boolean;
  onCollapsedChange(collapsed: boolean): void;
}

/** The tray's title (a toggle), its counts, and Add…. */
function TrayHeader({ photos, unused, collapsed, onCollapsedChange }: { photos: PhotosHandle; unused: number } & Omit<PhotoTrayProps, 'photos'>) {
  const t = useT();
  const list = photos.photos;
  return (
    <header className="tray-header">
      <button type="button" className="tray-toggle" data-testid="photo-tray-toggle" aria-expanded={!collapsed} onClick={() => onCollapsedChange(!collapsed)} title={collapsed ? t('photos.showPhotos') : t('photos.hidePhotos')}>
        <span className={`tray-chevron${collapsed ? '' : ' is-open'}`} aria-hidden>
          ›
        </span>
        <h2 className="fm-title">{t('photos.title')}</h2>
        {list && list.length > 0 && (
          <span className="tray-count" data-testid="photo-count">
            {list.length}
          </span>
        )}
        {unused > 0 && (
          <span className="tray-unused" title={t('photos.unusedTitle', { count: unused })}>
            {t('photos.unusedCount', { count: unused })}
          </span>
        )}
      </button>
      <button type="button" className="button button-small" data-testid="photo-add" onClick={photos.addPhotos} title={t('photos.addTitle')}>
        {t('photos.add')}
      </button>
    </header>
  );
}

/** The folder's name and the photos in it, or why there are none (yet). */
function TrayContents({ photos, selected, onSelect }: { photos: PhotosHandle; selected: string | null; onSelect(name: string | null): void }) {
  const t = useT();
  const list = photos.photos;
  if (!photos.canImport) return <p className="tray-empty">{t('photos.saveToImport')}</p>;
  return (
    <>
      <FolderName photos={photos} />
      {photos.folderError && <p className="field-msg is-error">{photos.folderError}</p>}
      {photos.listError && <p className="field-msg is-error">{photos.listError}</p>}
      {list === null ? (
        <p className="tray-empty">{t('photos.looking')}</p>
      ) : list.length === 0 ? (
        <div className="tray-drop-hint">
          <strong>{t('photos.noneYet')}</strong>
          <span>{t('photos.dropHint')}</span>
        </div>
      ) : (
        <ul className="tray-grid">
          {list.map((p) => (
            <PhotoCard key={p.name} photo={p} photos={photos} selected={selected === p.name} onSelect={onSelect} />
          ))}
        </ul>
      )}
      <LinkedPhotos photos={photos} selected={selected} onSelect={onSelect} />
    </>
  );
}

export default function PhotoTray({ photos, collapsed, onCollapsedChange }: PhotoTrayProps) {
  const t = useT();
  const [selected, setSelected] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const list = photos.photos;
  const unused = list?.filter((p) => !photoUseOf(photos.uses, p.url) && !(photos.cover !== null && samePhotoUrl(photos.cover, p.url)) && p.url !== photos.cardByName && fieldsNaming(photos.fields, [p.url]).length === 0).length ?? 0;

  useEffect(() => {
    if (selected && list && !list.some((p) => p.name === selected) && !photos.linked.some((p) => linkedKey(p) === selected)) setSelected(null);
  }, [list, photos.linked, selected]);

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && selected && !(e.target instanceof HTMLInputElement)) {
      e.stopPropagation();
      setSelected(null);
    }
  };

  return (
    <section
      className={`photo-tray${collapsed ? ' is-collapsed' : ''}${dragging ? ' is-drop-target' : ''}`}
      aria-label={t('photos.title')}
      data-testid="photo-tray"
      onKeyDown={onKeyDown}
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        depth.current++;
        setDragging(true);
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.stopPropagation();
        depth.current = 0;
        setDragging(false);
        photos.dropOnTray([...e.dataTransfer.files]);
      }}
    >
      <TrayHeader photos={photos} unused={unused} collapsed={collapsed} onCollapsedChange={onCollapsedChange} />
      {!collapsed && (
        <div className="tray-body">
          <TrayContents photos={photos} selected={selected} onSelect={setSelected} />
          {dragging && <div className="tray-drop-overlay">{t('photos.dropToAdd')}</div>}
        </div>
      )}
    </section>
  );
}

/** What the toast says was removed: the photo, its links, the cover field (or the fields) that named it. */
function removedKey(removed: RemovedPhoto): MessageKey {
  const cleared = removed.cleared;
  if (cleared?.cover === true && cleared.fields.length === 1) return removed.links > 0 ? 'photos.removedWithLinksCover' : 'photos.removedCover';
  if (cleared) return removed.links > 0 ? 'photos.removedWithLinksFields' : 'photos.removedFields';
  return removed.links > 0 ? 'photos.removedWithLinks' : 'photos.removed';
}

/** "Removed … Undo": the file waits in the app's trash, the links in this toast. */
export function PhotoUndoToast({ photos }: { photos: PhotosHandle }) {
  const t = useT();
  const removed = photos.removed;
  const [hover, setHover] = useState(false);
  const { dismissRemoved } = photos;
  useEffect(() => {
    if (!removed || hover) return;
    const timer = window.setTimeout(dismissRemoved, 12_000);
    return () => window.clearTimeout(timer);
  }, [removed, hover, dismissRemoved]);
  if (!removed) return null;
  return (
    <div className="toast photo-undo" data-testid="photo-undo-toast" role="status" onMouseEnter={() => setHover(true)} onMouseLeave={() => setHover(false)}>
      <span className="toast-message">
        {rich(t, removedKey(removed), { name: <strong>{removed.name}</strong> }, { links: removed.links, field: removed.cleared?.fields[0]?.field ?? '', fields: removed.cleared?.fields.map((f) => f.field).join(', ') ?? '' })}
      </span>
      <button type="button" className="toast-action" data-testid="photo-undo" onClick={photos.undoRemove}>
        {t('photos.undo')}
      </button>
      <button type="button" className="toast-close" aria-label={t('photos.dismiss')} onClick={dismissRemoved}>
        ×
      </button>
    </div>
  );
}
