import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { CloseIcon } from './icons';

interface ModalProps {
  /** The dialog's accessible name, shown as its heading. */
  title: ReactNode;
  onClose(): void;
  children: ReactNode;
  className?: string;
  /** Where focus goes on open; defaults to the first focusable element. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Accessible name of a close button in the header; without it the header has none. */
  closeLabel?: string;
  role?: 'dialog' | 'alertdialog';
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Open modals, innermost last: only the top one answers Esc and traps Tab. */
const stack: HTMLElement[] = [];

/** While a modal is open the app behind it is inert: no focus, no clicks, hidden from screen readers. */
function hideBackground(hidden: boolean): void {
  const root = document.getElementById('root');
  if (!root) return;
  root.inert = hidden;
  if (hidden) root.setAttribute('aria-hidden', 'true');
  else root.removeAttribute('aria-hidden');
}

export function Modal({ title, onClose, children, className, initialFocus, closeLabel, role = 'dialog' }: ModalProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const el = panel.current;
    if (el) stack.push(el);
    hideBackground(true);
    // The first field of the body, not the header's close button: that is where work starts.
    const target =
      initialFocus?.current ??
      panel.current?.querySelector('.modal-body')?.querySelector<HTMLElement>(FOCUSABLE) ??
      panel.current?.querySelector<HTMLElement>(FOCUSABLE) ??
      panel.current;
    target?.focus();
    return () => {
      if (el) stack.splice(stack.indexOf(el), 1);
      if (stack.length === 0) hideBackground(false);
      // Back to where the user was, so keyboard users don't restart from the top.
      if (previous?.isConnected) previous.focus();
      else document.querySelector<HTMLElement>('[data-focus-fallback]')?.focus();
    };
    // Runs once per opening; later changes to initialFocus don't move focus again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Listening on the document, not the panel: a button that disables itself after a click drops
  // focus to <body>, and Esc and Tab must still work then.
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      const el = panel.current;
      if (!el || stack[stack.length - 1] !== el) return;
      if (e.key === 'Escape' && !e.isComposing) {
        e.preventDefault();
        e.stopPropagation();
        onCloseRef.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = [...el.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items[items.length - 1];
      const active = document.activeElement;
      if (!first || !last) {
        e.preventDefault();
        return;
      }
      if (!el.contains(active)) {
        e.preventDefault();
        (e.shiftKey ? last : first).focus();
      } else if (e.shiftKey && (active === first || active === el)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && active === last) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, []);

  return createPortal(
    <div
      className="modal-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onCloseRef.current();
      }}
    >
      <div
        ref={panel}
        className={`modal ${className ?? ''}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
      >
        <header className="modal-header">
          <h2 id={titleId} className="modal-title">
            {title}
          </h2>
          {closeLabel && (
            <button type="button" className="icon-button" onClick={() => onCloseRef.current()} aria-label={closeLabel} title={closeLabel}>
              <CloseIcon />
            </button>
          )}
        </header>
        {children}
      </div>
    </div>,
    document.body,
  );
}
