// The export's summary once it is written: where, how many files, and for a site checkout the
// `git status` that leaves only `git add` to do.

import type { ExportReport } from '../../electron/core/contract';
import { Modal } from '../ui/Modal';
import { STATUS_LABEL } from './labels';

export function ExportDone({ done, onClose }: { done: ExportReport; onClose(): void }) {
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
