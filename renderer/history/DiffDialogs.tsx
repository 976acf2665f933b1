// History of a draft and "compare with the file on disk": both show a line diff. Lazy-loaded,
// so the diff library never weighs on the first paint.

import { useEffect, useMemo, useState } from 'react';
import type { LineDiff, RecapApi, SnapshotInfo } from '../../electron/core/contract';
import { lineDiff } from '../../electron/core/history';
import { errorMessage } from '../api';
import { rich } from '../ui/rich';
import { dayAndTime } from '../ui/format';
import { useLocale, useT } from '../ui/locale';
import { Modal } from '../ui/Modal';
import './diff.css';

/** Long runs of unchanged lines fold to their edges, as code review tools show them. */
const CONTEXT = 3;

function DiffView({ diff, oldLabel, newLabel }: { diff: LineDiff; oldLabel: string; newLabel: string }) {
  const t = useT();
  const rows = useMemo(() => {
    const out: Array<{ kind: 'line'; i: number } | { kind: 'fold'; count: number }> = [];
    const lines = diff.lines;
    const keep = lines.map((l, i) => l.kind !== 'same' || lines.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((x) => x.kind !== 'same'));
    for (let i = 0; i < lines.length; i++) {
      if (keep[i]) out.push({ kind: 'line', i });
      else {
        let j = i;
        while (j < lines.length && !keep[j]) j++;
        out.push({ kind: 'fold', count: j - i });
        i = j - 1;
      }
    }
    return out;
  }, [diff]);
  if (diff.added === 0 && diff.removed === 0) return <p className="diff-same">{t('history.same')}</p>;
  return (
    <div className="diff" data-testid="diff">
      <p className="diff-summary">
        {rich(t, 'history.summary', {
          removed: <span className="diff-removed-count">−{diff.removed}</span>,
          added: <span className="diff-added-count">+{diff.added}</span>,
          old: <span className="diff-legend-removed">{oldLabel}</span>,
          new: <span className="diff-legend-added">{newLabel}</span>,
        })}
        {diff.gaveUp && ` ${t('history.tooDifferent')}`}
      </p>
      <div className="diff-lines" role="table" aria-label={t('history.changes')}>
        {rows.map((r, k) =>
          r.kind === 'fold' ? (
            <div key={`f${k}`} className="diff-fold" role="row">
              <span role="cell">{t('history.fold', { count: r.count })}</span>
            </div>
          ) : (
            (() => {
              const l = diff.lines[r.i]!;
              return (
                <div key={r.i} className={`diff-line is-${l.kind}`} role="row" data-kind={l.kind}>
                  <span role="cell" className="diff-no">{l.oldLine ?? ''}</span>
                  <span role="cell" className="diff-no">{l.newLine ?? ''}</span>
                  <span role="cell" className="diff-mark">{l.kind === 'added' ? '+' : l.kind === 'removed' ? '−' : ' '}</span>
                  <span role="cell" className="diff-text">
                    {l.words
                      ? l.words.map((w, j) =>
                          w.changed ? (
                            <mark key={j} className="diff-word" data-testid="diff-word">
                              {w.text}
                            </mark>
                          ) : (
                            w.text
                          ),
                        )
                      : l.text || ' '}
                  </span>
                </div>
              );
            })()
          ),
        )}
      </div>
    </div>
  );
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dayAndTime(d);
}

function size(bytes: number, locale: string): string {
  return bytes >= 1024 ? `${(bytes / 1024).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} KB` : `${bytes.toLocaleString(locale)} B`;
}

/**
 * What changed since the version selected, null while it is on its way. Only the version selected
 * now: an earlier one's diff arriving late would be shown under this one's name, and Restore would
 * bring back another text than the one shown — nor for the frame between a click and the request
 * it starts, so each answer is kept with the version it is for.
 */
function useVersionDiff(api: RecapApi, draftId: string, selected: string | null, setError: (message: string) => void): LineDiff | null {
  const [answer, setAnswer] = useState<{ snapId: string; diff: LineDiff } | null>(null);
  useEffect(() => {
    if (!selected) return;
    let live = true;
    api.diffSnapshot({ id: draftId, snapId: selected }).then(
      (diff) => live && setAnswer({ snapId: selected, diff }),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [api, draftId, selected, setError]);
  return answer !== null && answer.snapId === selected ? answer.diff : null;
}

/** The draft's versions, newest first; pick one to see what changed since, then restore it. */
export function HistoryDialog({ api, draftId, onRestore, onClose }: { api: RecapApi; draftId: string; onRestore(text: string): void; onClose(): void }) {
  const t = useT();
  const locale = useLocale();
  const [versions, setVersions] = useState<SnapshotInfo[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const diff = useVersionDiff(api, draftId, selected, setError);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.listHistory({ id: draftId }).then(
      (list) => {
        setVersions(list);
        setSelected(list.find((v) => !v.isCurrent)?.id ?? null);
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [api, draftId]);

  const restore = async (): Promise<void> => {
    if (!selected) return;
    setBusy(true);
    try {
      const r = await api.restoreSnapshot({ id: draftId, snapId: selected });
      onRestore(r.text);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <Modal title={t('history.title')} onCancel={onClose} className="modal-history">
      {error && (
        <p className="diff-error" role="alert">
          {error}
        </p>
      )}
      <div className="history">
        <ul className="history-list" aria-label={t('history.versions')} data-testid="history-list">
          {versions === null && <li className="history-empty">{t('history.loading')}</li>}
          {versions?.length === 0 && <li className="history-empty">{t('history.empty')}</li>}
          {versions?.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className={`history-item${v.id === selected ? ' is-selected' : ''}`}
                data-testid="history-item"
                disabled={v.isCurrent}
                onClick={() => setSelected(v.id)}
              >
                <span className="history-time">
                  {when(v.time)}
                  {v.label && (
                    <span className={`history-label is-${v.label}`} data-testid="history-label">
                      {v.label === 'saved' ? t('history.saved') : t('history.exported')}
                    </span>
                  )}
                </span>
                <span className="history-size">{v.isCurrent ? t('history.currentText') : size(v.bytes, locale)}</span>
              </button>
            </li>
          ))}
        </ul>
        <div className="history-diff" data-testid="history-diff" data-state={selected === null ? 'none' : diff === null ? 'comparing' : 'shown'}>
          {selected ? diff ? <DiffView diff={diff} oldLabel={t('history.thatVersion')} newLabel={t('history.now')} /> : <p className="history-empty">{t('history.comparing')}</p> : null}
        </div>
      </div>
      <div className="modal-actions">
        <button type="button" className="button" data-testid="history-close" onClick={onClose}>
          {t('history.close')}
        </button>
        <button type="button" className="button button-primary" data-testid="history-restore" disabled={!selected || busy} onClick={() => void restore()}>
          {t('history.restore')}
        </button>
      </div>
    </Modal>
  );
}

export type ExternalChoice = 'reload' | 'keep' | 'cancel';

/** The file changed on disk: show both versions' difference and let the author choose. */
export function CompareDialog({ fileName, disk, mine, onChoose }: { fileName: string; disk: string | null; mine: string; onChoose(choice: ExternalChoice): void }) {
  const t = useT();
  const diff = useMemo(() => (disk === null ? null : lineDiff(disk, mine)), [disk, mine]);
  return (
    <Modal title={t('history.changedOnDisk', { name: fileName })} onCancel={() => onChoose('cancel')} className="modal-history">
      <p className="modal-message">
        {rich(t, 'history.changedMessage', { reload: <strong>{t('history.reload')}</strong>, keep: <strong>{t('history.keepMine')}</strong> })}
      </p>
      {diff ? <DiffView diff={diff} oldLabel={t('history.onDisk')} newLabel={t('history.yours')} /> : <p className="diff-error">{t('history.notText')}</p>}
      <div className="modal-actions">
        <button type="button" className="button" data-testid="compare-cancel" onClick={() => onChoose('cancel')}>
          {t('history.decideLater')}
        </button>
        <button type="button" className="button" data-testid="compare-reload" onClick={() => onChoose('reload')}>
          {t('history.reloadFromDisk')}
        </button>
        <button type="button" className="button button-primary" data-testid="compare-keep" data-autofocus onClick={() => onChoose('keep')}>
          {t('history.keepMine')}
        </button>
      </div>
    </Modal>
  );
}
