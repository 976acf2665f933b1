import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';

interface ModalProps {
  title: string;
  onCancel(): void;
  children: ReactNode;
  className?: string;
}

const CANDIDATES = 'a[href], button, input, select, textarea, summary, [tabindex]';

/** The controls Tab stops at inside `box`, in order: enabled, shown, and one radio per group. */
export function tabStops(box: HTMLElement): HTMLElement[] {
  const all = [...box.querySelectorAll<HTMLElement>(CANDIDATES)].filter(
    (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.closest('[inert]') && el.getClientRects().length > 0,
  );
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio' || !el.name) return true;
    const group = all.filter((o): o is HTMLInputElement => o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name);
    const checked = group.find((o) => o.checked);
    return checked ? checked === el : group[0] === el;
  });
}

/**
 * A modal dialog: the focus moves in (to the element marked data-autofocus, else the first
 * control), Tab and Shift+Tab stay inside, Escape cancels, and the focus goes back to what had
 * it (the button or the text that opened the dialog) when it closes.
 */
export function Modal({ title, onCancel, children, className }: ModalProps) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const onCancelRef = useRef(onCancel);
  onCancelRef.current = onCancel;

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const el = box.current;
    if (!el) return;
    const first = el.querySelector<HTMLElement>('[data-autofocus]') ?? tabStops(el)[0] ?? el;
    first.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        onCancelRef.current();
      } else if (e.key === 'Tab') {
        const stops = tabStops(el);
        const firstEl = stops[0];
        const lastEl = stops[stops.length - 1];
        const at = document.activeElement;
        if (!firstEl || !lastEl) {
          e.preventDefault();
          return;
        }
        // Wrap at either end; a focus that got outside (a click on the backdrop) comes back in.
        const outside = !at || !el.contains(at);
        if (e.shiftKey && (outside || at === firstEl || at === el)) {
          e.preventDefault();
          lastEl.focus();
        } else if (!e.shiftKey && (outside || at === lastEl)) {
          e.preventDefault();
          firstEl.focus();
        }
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      // Give the focus back (the opener, or the editor) when the dialog goes away.
      if (before && document.contains(before)) before.focus({ preventScroll: true });
    };
  }, []);

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <div ref={box} className={`modal ${className ?? ''}`} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1}>
        <h2 className="modal-title" id={titleId}>
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
