// What every card of the photo tray shows the same way, whether the photo is in the recap's
// folder or linked from another one: the thumbnail with its badges, the name and size, and the
// alt text field.

import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { Photo } from '../../electron/core/contract';
import { useLocale, useT } from '../ui/locale';
import { folderPath, linkCountOf } from './linkedUrls';
import { formatBytes } from './photoFormat';
import type { PhotosHandle } from './usePhotos';
import { isShortcodeLabel } from '../../electron/core/markdown/theme-shortcodes';

function dimensions(photo: Photo): string {
  return photo.width > 0 && photo.height > 0 ? `${photo.width}×${photo.height}` : photo.format.toUpperCase();
}

/** The card's element, scrolled into view when it opens: the details open under the grid's last row. */
export function useCardInView(selected: boolean): RefObject<HTMLLIElement | null> {
  const card = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (selected) card.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selected]);
  return card;
}

export interface ThumbProps {
  photo: Photo;
  selected: boolean;
  onToggle(): void;
  unused: boolean;
  isCover: boolean;
  /** Hugo takes it as the page's card by its name (PhotosHandle.cardByName). */
  isCard?: boolean;
  /** The front-matter fields that name it beside the cover (a theme's header image, its gallery). */
  fields?: readonly string[];
  /** How many links name the photo. */
  count: number;
  /** Said after the name to a screen reader (where the file is, for a linked photo). */
  where?: string;
}

/** The thumbnail (a toggle for the details) with its badges. */
export function PhotoThumb({ photo, selected, onToggle, unused, isCover, isCard = false, fields = [], count, where }: ThumbProps) {
  const t = useT();
  const [field, ...more] = fields;
  const fieldBadge = field === undefined ? '' : more.length > 0 ? t('photos.inFieldsBadge', { field, more: more.length }) : field;
  const { calls, named } = byKind(fields);
  const fieldTitle = [named.length > 0 ? t('photos.inFieldsTitle', { fields: named.join(', ') }) : '', calls.length > 0 ? t('photos.inShortcodesTitle', { calls: calls.join(', ') }) : ''].filter(Boolean).join('; ');
  return (
    <button
      type="button"
      className="photo-thumb"
      aria-pressed={selected}
      // The name, then what the card shows on the picture, in the same words.
      aria-label={[photo.name, where ?? '', photo.thumbnail ? '' : photo.format.toUpperCase() || t('photos.file'), unused ? t('photos.notUsed') : '', isCover ? t('photos.cover') : '', isCard ? t('photos.cardByName') : '', fieldTitle, count > 1 ? `×${count}` : ''].filter(Boolean).join(', ')}
      title={selected ? t('photos.hideDetails') : t('photos.showDetails')}
      onClick={onToggle}
    >
      {photo.thumbnail ? <img src={photo.thumbnail} alt="" loading="lazy" decoding="async" draggable={false} /> : <span className="photo-thumb-none">{photo.format.toUpperCase() || t('photos.file')}</span>}
      <span className="photo-badges">
        {unused && (
          <span className="photo-badge is-unused" data-testid="photo-unused">
            {t('photos.notUsed')}
          </span>
        )}
        {isCover && <span className="photo-badge is-cover">{t('photos.cover')}</span>}
        {isCard && (
          <span className="photo-badge is-card" data-testid="photo-card-by-name">
            {t('photos.cardByName')}
          </span>
        )}
        {fieldBadge !== '' && (
          <span className="photo-badge is-field" data-testid="photo-field" title={fieldTitle}>
            {fieldBadge}
          </span>
        )}
        {count > 1 && <span className="photo-badge">×{count}</span>}
      </span>
    </button>
  );
}

/** The keys of PhotosHandle.fields naming a photo: theme shortcode calls (`{{< screenshot >}}`, shortcodeLabel) and front-matter fields. */
function byKind(keys: readonly string[]): { calls: string[]; named: string[] } {
  return { calls: keys.filter(isShortcodeLabel), named: keys.filter((k) => !isShortcodeLabel(k)) };
}

/** Which front-matter fields and theme shortcodes name the photo, and what that means for it (in the card's details). */
export function FieldsHelp({ fields }: { fields: readonly string[] }) {
  const t = useT();
  const { calls, named } = byKind(fields);
  return (
    <>
      {named.length > 0 && (
        <p className="field-help" data-testid="photo-fields-help">
          {t('photos.inFieldsHelp', { fields: named.join(', ') })}
        </p>
      )}
      {calls.length > 0 && (
        <p className="field-help" data-testid="photo-shortcodes-help">
          {t('photos.inShortcodesHelp', { calls: calls.join(', ') })}
        </p>
      )}
    </>
  );
}

/** The photo's name, size and dimensions; and the folder it is in, for a photo linked from another one. */
export function PhotoInfo({ photo, folder }: { photo: Photo; folder?: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="photo-info">
      <span className="photo-name" title={photo.localPath}>
        {photo.name}
      </span>
      <span className="photo-meta">
        {formatBytes(photo.bytes, locale)} · {dimensions(photo)}
      </span>
      {folder !== undefined && (
        <span className="photo-meta photo-where" data-testid="photo-where" title={photo.localPath}>
          {t('photos.inFolder', { folder: folderPath(folder) })}
        </span>
      )}
    </div>
  );
}

export function AltField({ photo, photos }: { photo: Photo; photos: PhotosHandle }) {
  const t = useT();
  const alt = photos.altOf(photo);
  const [value, setValue] = useState(alt);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // Follows the text (undo, typing in the editor) unless the author is typing here.
    if (document.activeElement !== input.current) setValue(alt);
  }, [alt]);
  const count = linkCountOf(photos.uses, photo);
  return (
    <label className="field photo-alt">
      <span className="field-head">
        <span className="field-label">{t('photos.altText')}</span>
        {count > 1 && <span className="field-counter">{t('photos.updatesAllLinks', { count })}</span>}
      </span>
      <input
        ref={input}
        className="input"
        data-testid="photo-alt"
        value={value}
        placeholder={t('photos.altPlaceholder')}
        aria-invalid={value.trim() === ''}
        onChange={(e) => {
          setValue(e.target.value);
          photos.setAlt(photo, e.target.value);
        }}
      />
      {count === 0 && <span className="field-help">{t('photos.altUsedOnInsert')}</span>}
    </label>
  );
}
