import type { ReactNode } from 'react';
import { Modal } from './Modal';

export interface ConfirmButton<T extends string> {
  id: T;
  label: string;
  testId: string;
  tone?: 'primary' | 'danger';
}

export interface ConfirmSpec<T extends string = string> {
  title: string;
  message: ReactNode;
  /** In display order; the one marked primary (or danger) gets the focus. */
  buttons: ConfirmButton<T>[];
  /** The answer when the author presses Escape or clicks outside. */
  cancelId: T;
}

export function ConfirmDialog<T extends string>({ spec, onAnswer }: { spec: ConfirmSpec<T>; onAnswer(id: T): void }) {
  const focusId = spec.buttons.find((b) => b.tone === 'primary')?.id ?? spec.buttons.find((b) => b.tone === 'danger')?.id;
  return (
    <Modal title={spec.title} onCancel={() => onAnswer(spec.cancelId)} className="modal-confirm">
      <div className="modal-message">{spec.message}</div>
      <div className="modal-actions">
        {spec.buttons.map((b) => (
          <button
            key={b.id}
            type="button"
            className={`button${b.tone === 'primary' ? ' button-primary' : ''}${b.tone === 'danger' ? ' button-danger' : ''}`}
            data-testid={b.testId}
            data-autofocus={b.id === focusId ? '' : undefined}
            onClick={() => onAnswer(b.id)}
          >
            {b.label}
          </button>
        ))}
      </div>
    </Modal>
  );
}
