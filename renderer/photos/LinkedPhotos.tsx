// The tray's "Also in this recap": images the text links from other folders (a shared logo, a
// photo beside a flat post), shown like the folder's own photos. The recap does not own them, so
// a card offers what makes sense for a shared file: alt text, its links in the text, taking those
// links out, and a copy into the recap's folder — never deleting the file.

import type { LinkedPhoto } from '../../electron/core/contract';
import { samePhotoUrl } from '../../electron/core/markdown/photo-text';
import { useT } from '../ui/locale';
import { fieldsNaming, folderPath, linkCountOf } from './linkedUrls';
import { AltField, FieldsHelp, PhotoInfo, PhotoThumb, useCardInView } from './PhotoCardParts';
import type { PhotosHandle } from './usePhotos';

/** The tray's selection key of a linked photo (a folder photo's is its name). */
export const linkedKey = (photo: LinkedPhoto): string => `linked:${photo.localPath}`;

function LinkedCard({ photo, photos, selected, onSelect }: { photo: LinkedPhoto; photos: PhotosHandle; selected: boolean; onSelect(key: string | null): void }) {
  const t = useT();
  const count = linkCountOf(photos.uses, photo);
  const isCover = photos.cover !== null && photo.urls.some((u) => samePhotoUrl(photos.cover ?? '', u));
  const inFields = fieldsNaming(photos.fields, photo.urls);
  const card = useCardInView(selected);
  const where = t('photos.inFolder', { folder: folderPath(photo.folder) });
  return (
    <li ref={card} className={`photo-card is-linked${selected ? ' is-selected' : ''}`} data-testid="linked-photo-card" data-name={photo.name} data-used={count}>
      <PhotoThumb photo={photo} selected={selected} onToggle={() => onSelect(selected ? null : linkedKey(photo))} unused={false} isCover={isCover} fields={inFields} count={count} where={where} />
      <PhotoInfo photo={photo} folder={photo.folder} />
      {selected && (
        <div className="photo-details">
          <FieldsHelp fields={inFields} />
          <AltField photo={photo} photos={photos} />
          <div className="photo-actions">
            <button
              type="button"
              className="button button-small button-primary"
              data-testid="linked-copy"
              onClick={() => {
                onSelect(null);
                photos.copyIntoFolder(photo);
              }}
              title={t('photos.copyHereTitle', { folder: photos.folder?.url ?? '' })}
            >
              {t('photos.copyHere')}
            </button>
            <button type="button" className="button button-small" data-testid="linked-show" disabled={count === 0} onClick={() => photos.showUses(photo)} title={t('photos.selectUsesTitle')}>
              {t('photos.selectUses')}
            </button>
            <button type="button" className="button button-small button-quiet photo-remove" data-testid="linked-remove-links" disabled={count === 0} onClick={() => photos.removeLinks(photo)} title={t('photos.removeLinksTitle')}>
              {t('photos.removeLinks')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

/** After the folder's photos: the ones the text links from elsewhere, when there are any. */
export function LinkedPhotos({ photos, selected, onSelect }: { photos: PhotosHandle; selected: string | null; onSelect(key: string | null): void }) {
  const t = useT();
  const list = photos.linked;
  if (list.length === 0) return null;
  return (
    <section className="tray-linked" data-testid="photo-linked" aria-label={t('photos.alsoInRecap')}>
      <h3 className="tray-group-title">
        {t('photos.alsoInRecap')}
        <span className="tray-count" data-testid="photo-linked-count">
          {list.length}
        </span>
      </h3>
      <p className="field-help tray-group-help">{t('photos.alsoHelp')}</p>
      <ul className="tray-grid">
        {list.map((p) => (
          <LinkedCard key={linkedKey(p)} photo={p} photos={photos} selected={selected === linkedKey(p)} onSelect={onSelect} />
        ))}
      </ul>
    </section>
  );
}
