import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../api';
import type { Toast } from '../ui/Toasts';

export interface ToastsHandle {
  toasts: Toast[];
  toast(kind: Toast['kind'], message: string): void;
  dismissToast(id: number): void;
  /** A failed call's message, as an error toast. */
  reportError(err: unknown): void;
}

/** The window's short messages: info ones go by themselves after 4 s, errors stay until dismissed. */
export function useToasts(): ToastsHandle {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const toastSeq = useRef(0);
  const dismissToast = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const toast = useCallback(
    (kind: Toast['kind'], message: string) => {
      const id = ++toastSeq.current;
      // The same message twice in a row (a key held down, a retried save) shows once.
      setToasts((list) => [...list.filter((t) => t.message !== message).slice(-3), { id, kind, message }]);
      if (kind === 'info') window.setTimeout(() => dismissToast(id), 4000);
    },
    [dismissToast],
  );
  const reportError = useCallback((err: unknown) => toast('error', errorMessage(err)), [toast]);
  return { toasts, toast, dismissToast, reportError };
}
