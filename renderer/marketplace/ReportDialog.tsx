/** Report a community template to the admins: a reason, sent once (the server refuses a second open report). */
import { useId, useState } from 'react';
import type { TemplateDetail } from '../../contract/hostApi.js';
import { Dialog } from '../app/Dialog.js';
import { useBusyAction } from '../app/useBusyAction.js';
import { useHost } from '../app/useHost.js';
import { useAppStoreApi } from '../store/AppStoreProvider.js';

export function ReportDialog({ template, onClose }: { template: TemplateDetail; onClose: () => void }) {
  const host = useHost();
  const store = useAppStoreApi();
  const reasonId = useId();
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useBusyAction();

  const send = () => run(async () => {
    if (reason.trim() === '') {
      setError('Say why you are reporting this template.');
      return;
    }
    await host.templates.report({ id: template.id, reason: reason.trim() });
    store.getState().notify({ kind: 'success', message: 'Report sent. An admin will look at it.' });
    onClose();
  });

  return (
    <Dialog title={`Report “${template.name}”`} testId="report-dialog" onClose={onClose} error={error} errorTestId="report-error"
      confirm={{ label: busy ? 'Sending…' : 'Send report', testId: 'report-confirm', disabled: busy, onConfirm: () => void send() }}>
      <p className="muted">Admins see your report and can hide the template. Tell them what is wrong (for example a leaked key, spam, or a copy of another template).</p>
      <label htmlFor={reasonId}>Reason</label>
      <textarea id={reasonId} data-testid="report-reason" rows={4} maxLength={2000} value={reason} autoFocus
        onChange={(e) => setReason(e.target.value)} />
    </Dialog>
  );
}
