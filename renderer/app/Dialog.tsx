/**
 * The frame every modal dialog shares, on Radix UI's Dialog: labelled `role="dialog"`, focus moved in,
 * trapped and given back on close, Escape closes, page behind made inert; plus (optionally) the
 * error line and the Cancel + primary-button footer. A mounted <Dialog> is open: callers show it
 * conditionally, as before.
 */
import type { ReactNode } from 'react';
import { Dialog as RadixDialog } from 'radix-ui';

export interface DialogConfirm {
  label: ReactNode;
  testId: string;
  disabled?: boolean;
  onConfirm: () => void;
  /** Enter in a one-line field confirms (a form's implicit submission). Off where Enter may be meant for a search box or a public action. */
  enterConfirms?: boolean;
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
  const heading = <RadixDialog.Title className={headerAction ? 'grow' : undefined}>{title}</RadixDialog.Title>;
  return (
    <RadixDialog.Root open onOpenChange={(open) => { if (!open) onClose(); }}>
      <RadixDialog.Portal>
        {/* The content sits inside the backdrop, which centres it and scrolls a dialog taller than the window. */}
        <RadixDialog.Overlay className="dialog-backdrop">
        <RadixDialog.Content className={className ? `dialog ${className}` : 'dialog'} data-testid={testId} aria-describedby={undefined}
          // A click beside the dialog must not throw away what was typed in it: only Escape, Cancel or ✕ close it.
          onPointerDownOutside={(e) => e.preventDefault()}
          onInteractOutside={(e) => e.preventDefault()}
          onOpenAutoFocus={focusOpeningControl}>
          {headerAction ? <div className="row">{heading}{headerAction}</div> : heading}
          <DialogForm confirm={confirm}>
            {/* Only the body scrolls: the title and the buttons stay in view however long the content. */}
            <div className="dialog-body">
              {children}
              {error && <p className="error-text" role="alert" data-testid={errorTestId}>{error}</p>}
            </div>
            {confirm && (
              <div className="row dialog-footer">
                <span className="grow" />
                <button type="button" onClick={onClose}>Cancel</button>
                {confirm.enterConfirms
                  ? <button type="submit" className="primary" data-testid={confirm.testId} disabled={confirm.disabled}>{confirm.label}</button>
                  : <button type="button" className="primary" data-testid={confirm.testId} disabled={confirm.disabled} onClick={confirm.onConfirm}>{confirm.label}</button>}
              </div>
            )}
          </DialogForm>
        </RadixDialog.Content>
        </RadixDialog.Overlay>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** The body and footer in a form when Enter confirms (the primary button submits it), as they are otherwise. */
function DialogForm({ confirm, children }: { confirm: DialogConfirm | undefined; children: ReactNode }) {
  if (!confirm?.enterConfirms) return <>{children}</>;
  return (
    <form className="dialog-form" onSubmit={(e) => { e.preventDefault(); if (!confirm.disabled) confirm.onConfirm(); }}>
      {children}
    </form>
  );
}

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * Radix focuses the dialog's first control. A control marked `data-autofocus` is focused instead
 * (e.g. the secret's field when the credential's name is already filled in). When the first control
 * is a destructive button (Discard, Delete), Enter right after the dialog opens would destroy work:
 * focus the confirm button (or Cancel) instead.
 */
function focusOpeningControl(event: Event): void {
  const content = event.currentTarget as HTMLElement | null;
  const marked = content?.querySelector<HTMLElement>('[data-autofocus]:not([disabled])');
  if (marked) {
    event.preventDefault();
    marked.focus();
    return;
  }
  const first = content?.querySelector<HTMLElement>(FOCUSABLE);
  if (!content || !first?.classList.contains('danger')) return;
  const footer = [...content.querySelectorAll<HTMLElement>('.dialog-footer button:not([disabled])')];
  const safe = footer.at(-1) ?? footer[0];
  if (!safe) return;
  event.preventDefault();
  safe.focus();
}
