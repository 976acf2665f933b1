import { useCallback, useState } from 'react';
import type { ConfirmSpec } from '../ui/ConfirmDialog';
import type { PickerResult, PickerSpec } from '../ui/FilePicker';

/** The answers of the "changed on disk" comparison. */
export type ExternalChoice = 'reload' | 'keep' | 'cancel';

/** The one modal dialog the window shows at a time. */
export type ModalState =
  | { kind: 'confirm'; spec: ConfirmSpec; resolve(answer: string): void }
  | { kind: 'history'; draftId: string }
  | { kind: 'export' }
  | { kind: 'save-template' }
  | { kind: 'compare'; fileName: string; disk: string | null; mine: string; resolve(choice: ExternalChoice): void }
  | { kind: 'picker'; spec: PickerSpec; resolve(result: PickerResult | null): void };

export interface CompareSpec {
  fileName: string;
  disk: string | null;
  mine: string;
}

export interface DialogsHandle {
  modal: ModalState | null;
  /** Shows a dialog that answers nothing (history, export). */
  openModal(modal: ModalState): void;
  closeModal(): void;
  /** A question with buttons; resolves with the chosen button's id. */
  ask<T extends string>(spec: ConfirmSpec<T>): Promise<T>;
  /** The browser mode's own file chooser; null when cancelled. */
  pick(spec: PickerSpec): Promise<PickerResult | null>;
  /** The file on disk against the author's text: reload, keep mine, or decide later. */
  compare(spec: CompareSpec): Promise<ExternalChoice>;
}

export function useDialogs(): DialogsHandle {
  const [modal, setModal] = useState<ModalState | null>(null);
  const closeModal = useCallback(() => setModal(null), []);
  const ask = useCallback(
    <T extends string>(spec: ConfirmSpec<T>): Promise<T> =>
      new Promise<T>((resolve) => {
        setModal({
          kind: 'confirm',
          spec: spec as ConfirmSpec,
          resolve: (answer) => {
            setModal(null);
            resolve(answer as T);
          },
        });
      }),
    [],
  );
  const pick = useCallback(
    (spec: PickerSpec): Promise<PickerResult | null> =>
      new Promise((resolve) => {
        setModal({
          kind: 'picker',
          spec,
          resolve: (result) => {
            setModal(null);
            resolve(result);
          },
        });
      }),
    [],
  );
  const compare = useCallback(
    (spec: CompareSpec): Promise<ExternalChoice> =>
      new Promise<ExternalChoice>((resolve) =>
        setModal({
          kind: 'compare',
          ...spec,
          resolve: (c) => {
            setModal(null);
            resolve(c);
          },
        }),
      ),
    [],
  );
  return { modal, openModal: setModal, closeModal, ask, pick, compare };
}
