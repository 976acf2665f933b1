// The progress of a photo batch: one row per file (waiting, importing, imported, already
// there, refused with the service's reason, cancelled) and the alt text of each imported
// photo. It does not block the window: the author can keep writing while photos import.

import { useEffect, useRef } from 'react';
import type { MessageKey } from '../../electron/core/i18n/messages';
import { useLocale, useT } from '../ui/locale';
import type { Translate } from '../ui/locale';
import { formatBytes } from './photoFormat';
import type { BatchRow, PhotoBatch, PhotosHandle, RowStatus } from './usePhotos';

const LABEL: Record<RowStatus, MessageKey> = {
  queued: 'photos.statusQueued',
  importing: 'photos.statusImporting',
  done: 'photos.statusDone',
  reused: 'photos.statusReused',
  refused: 'photos.statusRefused',
  cancelled: 'photos.statusCancelled',
};

function Row({ row, onAlt }: { row: BatchRow; onAlt(id: number, alt: string): void }) {
  const t = useT();
  const locale = useLocale();
  const photo = row.result?.photo;
  return (
    <li className={`batch-row is-${row.status}`} data-testid="photo-row" data-status={row.status} data-name={row.name}>
      <span className="batch-thumb" aria-hidden>
        {photo?.thumbnail ? <img src={photo.thumbnail} alt="" draggable={false} /> : <span className={`batch-icon is-${row.status}`}>{row.status === 'refused' ? '!' : ''}</span>}
      </span>
      <div className="batch-main">
        <div className="batch-line">
          <span className="batch-name" title={row.name}>
            {row.name}
          </span>
          <span className="batch-status">{t(LABEL[row.status])}</span>
        </div>
        {row.status === 'refused' && (
          <p className="batch-message" data-testid="photo-row-message">
            {row.message}
          </p>
        )}
        {photo && (
          <>
            <p className="batch-detail">
              {row.status === 'reused' ? `${t('photos.samePhoto', { name: photo.name })} · ` : photo.name !== row.name ? `${photo.name} · ` : ''}
              {formatBytes(photo.bytes, locale)} · {photo.width}×{photo.height}
            </p>
            <input
              className="input batch-alt"
              data-testid="photo-row-alt"
              aria-label={t('photos.altFor', { name: row.name })}
              placeholder={t('photos.altPlaceholderBatch')}
              value={row.alt}
              aria-invalid={row.alt.trim() === ''}
              onChange={(e) => onAlt(row.id, e.target.value)}
            />
          </>
        )}
      </div>
    </li>
  );
}

/** The batch panel's title ("3 photos added to the text") and its counts line. */
function batchTexts(t: Translate, batch: PhotoBatch) {
  const rows = batch.rows;
  const count = (s: RowStatus): number => rows.filter((r) => r.status === s).length;
  const finished = rows.length - count('queued') - count('importing');
  const imported = count('done');
  const reused = count('reused');
  const refused = count('refused');
  const cancelled = count('cancelled');
  const title = batch.running
    ? t('photos.importing', { done: finished, total: rows.length })
    : imported + reused === 0
      ? t('photos.noneImported')
      : t(batch.placing ? 'photos.addedToText' : 'photos.addedToFolder', { count: imported + reused });
  const summary = [
    imported > 0 ? t('photos.summaryImported', { count: imported }) : '',
    reused > 0 ? t('photos.summaryReused', { count: reused }) : '',
    refused > 0 ? t('photos.summaryRefused', { count: refused }) : '',
    cancelled > 0 ? t('photos.summaryCancelled', { count: cancelled }) : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return { finished, imported, reused, refused, title, summary };
}

export default function PhotoImportDialog({ photos }: { photos: PhotosHandle }) {
  const t = useT();
  const batch = photos.batch;
  const box = useRef<HTMLElement>(null);
  const running = batch?.running ?? false;
  const { closeBatch } = photos;

  useEffect(() => {
    if (running) return;
    // Escape inside the panel closes it once nothing is left to do.
    const el = box.current;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && el?.contains(document.activeElement)) closeBatch();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [running, closeBatch]);

  if (!batch) return null;
  const rows = batch.rows;
  const { finished, imported, reused, refused, title, summary } = batchTexts(t, batch);

  return (
    <section ref={box} className={`photo-batch${refused > 0 && !running ? ' has-refused' : ''}`} role="region" aria-label={t('photos.batchRegion')} data-testid="photo-batch" data-running={running}>
      <header className="batch-header">
        <h2 className="batch-title" role="status">
          {title}
        </h2>
        <p className="batch-summary">{summary || t(batch.placing ? 'photos.placingHint' : 'photos.folderOnlyHint')}</p>
        <div className="batch-progress" aria-hidden>
          <span style={{ width: `${rows.length === 0 ? 0 : (finished / rows.length) * 100}%` }} />
        </div>
      </header>
      <ol className="batch-rows">
        {rows.map((r) => (
          <Row key={r.id} row={r} onAlt={photos.setRowAlt} />
        ))}
      </ol>
      <footer className="batch-footer">
        <span className="batch-hint">{imported + reused > 0 ? t('photos.altUpdatesLinks') : ''}</span>
        {running ? (
          <button type="button" className="button button-small" data-testid="photo-batch-cancel" onClick={photos.cancelBatch} title={t('photos.cancelTitle')}>
            {batch.cancelled ? t('photos.stopping') : t('photos.cancel')}
          </button>
        ) : (
          <button type="button" className="button button-small button-primary" data-testid="photo-batch-done" onClick={closeBatch}>
            {t('photos.done')}
          </button>
        )}
      </footer>
    </section>
  );
}
