// The export's summary once it is written: where, how many files, and for a site checkout the
// `git status` that leaves only `git add` to do.

import type { ExportReport } from '../../electron/core/contract';
import { rich } from '../ui/rich';
import { useLocale, useT } from '../ui/locale';
import type { Translate } from '../ui/locale';
import { Modal } from '../ui/Modal';
import { STATUS_LABEL } from './labels';

/** "3 new, 1 changed, 2 already up to date". */
function counts(t: Translate, done: ExportReport): string {
  return [
    t('export.countNew', { count: done.added.length }),
    t('export.countChanged', { count: done.changed.length }),
    done.removed.length > 0 ? t('export.countRemoved', { count: done.removed.length }) : '',
    done.unchanged.length > 0 ? t('export.countUpToDate', { count: done.unchanged.length }) : '',
  ]
    .filter(Boolean)
    .join(t('export.listSeparator'));
}

export function ExportDone({ done, onClose }: { done: ExportReport; onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const where = done.target.kind === 'zip' ? done.target.file : done.target.dir;
  return (
    <Modal title={t('export.doneTitle')} onCancel={onClose} className="modal-export">
      <div className="export-done" data-testid="export-done">
        <p>{rich(t, done.target.kind === 'zip' ? 'export.wrote' : 'export.exportedTo', { where: <code>{where}</code> }, { counts: counts(t, done) })}</p>
        {done.zip && <p>{t('export.zipSize', { count: done.zip.entries, size: (done.zip.bytes / 1048576).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) })}</p>}
        <ul className="export-files">
          {done.files
            .filter((f) => f.status !== 'unchanged')
            .map((f) => (
              <li key={f.path} className={`is-${f.status}`}>
                <span className="export-status">{t(STATUS_LABEL[f.status])}</span> <code>{f.path}</code>
              </li>
            ))}
        </ul>
        {done.gitStatus !== null && (
          <>
            <p className="export-hint">{rich(t, 'export.gitHint', { status: <code>git status --short</code>, add: <code>git add</code> })}</p>
            <pre className="export-git" data-testid="export-git">
              {done.gitStatus || t('export.noGitChanges')}
            </pre>
          </>
        )}
      </div>
      <div className="modal-actions">
        <button type="button" className="button button-primary" data-autofocus data-testid="export-close" onClick={onClose}>
          {t('export.done')}
        </button>
      </div>
    </Modal>
  );
}
