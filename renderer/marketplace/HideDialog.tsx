/** An admin hides a template: the reason is required (the server refuses without one) and its author sees it. */
import { useId, useState } from 'react';
import type { TemplateDetail } from '../../contract/hostApi.js';
import { Dialog } from '../app/Dialog.js';
import { useBusyAction } from '../app/useBusyAction.js';
import { useHost } from '../app/useHost.js';
import { useAppStoreApi } from '../store/AppStoreProvider.js';

export function HideDialog({ template, onClose, onHidden }: { template: TemplateDetail; onClose: () => void; onHidden: () => void }) {
  const host = useHost();
  const store = useAppStoreApi();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useBusyAction();

  const hide = () => run(async () => {
    if (reason.trim() === '') {
      setError('Say why the template is hidden: its author sees the reason.');
      return;
    }
    await host.templates.hide({ id: template.id, hidden: true, reason: reason.trim() });
    store.getState().notify({ kind: 'success', message: 'Hidden. Its open reports are resolved.' });
    onHidden();
  });

  return (
    <Dialog title={`Hide “${template.name}”`} testId="hide-dialog" onClose={onClose} error={error} errorTestId="hide-error"
      confirm={{ label: busy ? 'Hiding…' : 'Hide template', testId: 'hide-confirm', disabled: busy, onConfirm: () => void hide() }}>
      <p className="muted">Only its author and admins will see the template. The author sees “Hidden by a moderator:” followed by your reason, and the template's open reports are marked resolved.</p>
      <label htmlFor={reasonId}>Reason (shown to the author)</label>
      <textarea id={reasonId} data-testid="hide-reason" rows={3} maxLength={500} value={reason} autoFocus
        onChange={(e) => setReason(e.target.value)} />
    </Dialog>
  );
}
