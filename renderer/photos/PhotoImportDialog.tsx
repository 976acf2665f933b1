// The progress of a photo batch: one row per file (waiting, importing, imported, already
// there, refused with the service's reason, cancelled) and the alt text of each imported
// photo. It does not block the window: the author can keep writing while photos import.

import { useEffect, useRef } from 'react';
import type { BatchRow, PhotosHandle, RowStatus } from './usePhotos';

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}

const LABEL: Record<RowStatus, string> = {
  queued: 'Waiting',
  importing: 'Importing…',
  done: 'Imported',
  reused: 'Already in the folder',
  refused: 'Refused',
  cancelled: 'Cancelled',
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function Row({ row, onAlt }: { row: BatchRow; onAlt(id: number, alt: string): void }) {
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
          <span className="batch-status">{LABEL[row.status]}</span>
        </div>
        {row.status === 'refused' && (
          <p className="batch-message" data-testid="photo-row-message">
            {row.message}
          </p>
        )}
        {photo && (
          <>
            <p className="batch-detail">
              {row.status === 'reused' ? `Same photo as ${photo.name}: no copy made · ` : photo.name !== row.name ? `${photo.name} · ` : ''}
              {formatBytes(photo.bytes)} · {photo.width}×{photo.height}
            </p>
            <input
              className="input batch-alt"
              data-testid="photo-row-alt"
              aria-label={`Alt text for ${row.name}`}
              placeholder="Describe the photo for readers who cannot see it"
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

export default function PhotoImportDialog({ photos }: { photos: PhotosHandle }) {
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
  const count = (s: RowStatus): number => rows.filter((r) => r.status === s).length;
  const finished = rows.length - count('queued') - count('importing');
  const imported = count('done');
  const reused = count('reused');
  const refused = count('refused');
  const cancelled = count('cancelled');
  const title = running
    ? `Importing photos… ${finished} of ${rows.length}`
    : imported + reused === 0
      ? 'No photo was imported'
      : batch.placing
        ? `${plural(imported + reused, 'photo')} added to the text`
        : `${plural(imported + reused, 'photo')} added to the folder`;
  const summary = [
    imported > 0 ? `${imported} imported` : '',
    reused > 0 ? `${reused} already there` : '',
    refused > 0 ? `${refused} refused` : '',
    cancelled > 0 ? `${cancelled} cancelled` : '',
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <section ref={box} className={`photo-batch${refused > 0 && !running ? ' has-refused' : ''}`} role="region" aria-label="Photo import" data-testid="photo-batch" data-running={running}>
      <header className="batch-header">
        <h2 className="batch-title" role="status">
          {title}
        </h2>
        <p className="batch-summary">{summary || (batch.placing ? 'The links go where you dropped or pasted the photos.' : 'The photos go to the recap’s folder.')}</p>
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
        <span className="batch-hint">{imported + reused > 0 ? 'Alt text updates the links as you type.' : ''}</span>
        {running ? (
          <button type="button" className="button button-small" data-testid="photo-batch-cancel" onClick={photos.cancelBatch} title="Import no more files; the ones already imported stay">
            {batch.cancelled ? 'Stopping…' : 'Cancel'}
          </button>
        ) : (
          <button type="button" className="button button-small button-primary" data-testid="photo-batch-done" onClick={closeBatch}>
            Done
          </button>
        )}
      </footer>
    </section>
  );
}
