/**
 * The frame every modal dialog shares: backdrop, labelled `role="dialog"`, Escape closes,
 * and (optionally) the error line and the Cancel + primary-button footer.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogConfirm {
  label: ReactNode;
  testId: string;
  disabled?: boolean;
  onConfirm: () => void;
}

export interface DialogProps {
  title: ReactNode;
  testId: string;
  className?: string;
  onClose: () => void;
  /** Shown beside the title, e.g. a close button. */
  headerAction?: ReactNode;
  error?: string | null;
  errorTestId?: string;
  /** Adds the footer: Cancel and this primary button. */
  confirm?: DialogConfirm;
  children: ReactNode;
}

export function Dialog({ title, testId, className, onClose, headerAction, error, errorTestId, confirm, children }: DialogProps) {
  const titleId = useId();
  // Escape closes the dialog wherever focus is: a button that disables itself while busy drops
  // focus to the page, and the dialog must still answer the key.
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => { if (e.key === 'Escape') closeRef.current(); };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  const heading = <h2 id={titleId} className={headerAction ? 'grow' : undefined}>{title}</h2>;
  return (
    <div className="dialog-backdrop" role="presentation">
      <div className={className ? `dialog ${className}` : 'dialog'} role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid={testId}>
        {headerAction ? <div className="row">{heading}{headerAction}</div> : heading}
        {children}
        {error && <p className="error-text" role="alert" data-testid={errorTestId}>{error}</p>}
        {confirm && (
          <div className="row">
            <span className="grow" />
            <button type="button" onClick={onClose}>Cancel</button>
            <button type="button" className="primary" data-testid={confirm.testId} disabled={confirm.disabled} onClick={confirm.onConfirm}>{confirm.label}</button>
          </div>
        )}
      </div>
    </div>
  );
}
