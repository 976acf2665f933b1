// "Save as template": asks a name (checked as it is typed), saves the recap's front matter with
// its values cleared and its headings (in its site, else in Recap Studio), and asks before
// replacing a template of the same name.

import { useState } from 'react';
import type { FormEvent } from 'react';
import type { RecapApi } from '../../electron/core/contract';
import { templateNameError } from '../../electron/core/recap/placeholders';
import { errorCode, errorMessage } from '../api';
import { Modal } from '../ui/Modal';
import { tMsg, useT } from '../ui/locale';
import './templates.css';

interface SaveTemplateDialogProps {
  api: RecapApi;
  draftId: string;
  text: string;
  onClose(): void;
  /** Says where the template went (a toast). */
  onSaved(message: string): void;
}

export default function SaveTemplateDialog({ api, draftId, text, onClose, onSaved }: SaveTemplateDialogProps) {
  const t = useT();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The name that already exists: the author is asked before it is replaced. */
  const [exists, setExists] = useState<string | null>(null);
  const nameError = name === '' ? null : templateNameError(name.trim());

  const save = async (overwrite: boolean): Promise<void> => {
    const wanted = name.trim();
    if (templateNameError(wanted) !== null) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.saveTemplate({ id: draftId, text, name: wanted, ...(overwrite ? { overwrite: true } : {}) });
      onSaved(saved.source === 'site' ? t('templates.savedInSite', { name: saved.name, path: saved.path }) : t('templates.savedInApp', { name: saved.name }));
      onClose();
    } catch (err) {
      if (errorCode(err) === 'EXISTS') setExists(wanted);
      else setError(errorMessage(err));
      setBusy(false);
    }
  };
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    void save(false);
  };

  return (
    <Modal title={t('templates.saveDialogTitle')} onCancel={onClose} className="modal-save-template">
      <form onSubmit={onSubmit}>
        <p className="modal-message">{t('templates.saveIntro')}</p>
        <label className="st-label" htmlFor="st-name">
          {t('templates.nameLabel')}
        </label>
        <input
          id="st-name"
          className="input"
          data-testid="template-name"
          data-autofocus=""
          value={name}
          maxLength={64}
          aria-invalid={nameError !== null}
          aria-describedby="st-hint"
          placeholder={t('templates.namePlaceholder')}
          onChange={(e) => {
            setName(e.target.value);
            setExists(null);
            setError(null);
          }}
        />
        <p id="st-hint" className={`st-hint${nameError || error ? ' is-error' : ''}`} role={nameError || error ? 'alert' : undefined}>
          {nameError ? tMsg(nameError) : error ?? t('templates.nameHint')}
        </p>
        {exists !== null && (
          <div className="st-exists" role="alert" data-testid="template-exists">
            {t('templates.existsAsk', { name: exists })}
          </div>
        )}
        <div className="modal-actions">
          <button type="button" className="button" data-testid="template-cancel" onClick={onClose}>
            {t('templates.cancel')}
          </button>
          {exists !== null ? (
            <button type="button" className="button button-danger" data-testid="template-replace" disabled={busy} onClick={() => void save(true)}>
              {t('templates.replace')}
            </button>
          ) : (
            <button type="submit" className="button button-primary" data-testid="template-save" disabled={busy || name.trim() === '' || nameError !== null}>
              {t('templates.save')}
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
