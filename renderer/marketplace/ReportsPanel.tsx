/** Reports on templates, for moderators (the server only returns them to admins with can_moderate): who filed each and why; resolve or dismiss. */
import { useCallback, useEffect, useState } from 'react';
import type { TemplateReport } from '../../contract/hostApi.js';
import { useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';

/** `refresh` changes whenever the catalogue reloads (a hide resolves reports server-side). */
export function ReportsPanel({ onOpen, refresh }: { onOpen: (templateId: string) => void; refresh?: unknown }) {
  const host = useHost();
  const store = useAppStoreApi();
  const [reports, setReports] = useState<TemplateReport[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const load = useCallback(() => {
    host.templates.reports().then((r) => { setReports(r); setError(null); }, (e: unknown) => setError(errorMessage(e)));
  }, [host]);
  useEffect(load, [load, refresh]);

  const close = async (report: TemplateReport, resolution: 'resolved' | 'dismissed') => {
    setBusy(report.id);
    try {
      await host.templates.resolveReport({ id: report.id, resolution });
      store.getState().notify({ kind: 'success', message: resolution === 'resolved' ? 'Report resolved.' : 'Report dismissed.' });
    } catch (e) {
      store.getState().notify({ kind: 'error', message: errorMessage(e) });
    } finally {
      setBusy(null);
      load();
    }
  };

  return (
    <details className="updates-banner" data-testid="template-reports">
      <summary>Reports{reports ? ` (${reports.filter((r) => !r.resolved).length} open)` : ''}</summary>
      {error && <p className="error-text" role="alert">{error}</p>}
      <ul className="template-reports">
        {reports?.map((r) => (
          <li key={r.id} data-testid="template-report" data-report-id={r.id} data-state={r.resolution ?? 'open'}>
            <button type="button" className="small" onClick={() => onOpen(r.templateId)}>{r.templateName ?? r.templateId}</button>{' '}
            <span data-testid="template-report-reason">{r.reason}</span>{' '}
            <span className="muted small-text">
              by <span data-testid="template-report-reporter">{r.reporterEmail ?? 'a deleted user'}</span> · {new Date(r.createdAt).toLocaleString()}
              {r.resolution && <> · <span data-testid="template-report-resolution">{r.resolution}</span></>}
            </span>
            {!r.resolved && (
              <span className="row report-actions">
                <button type="button" className="small" data-testid="template-report-resolve" disabled={busy === r.id} onClick={() => void close(r, 'resolved')}>Resolve</button>
                <button type="button" className="small" data-testid="template-report-dismiss" disabled={busy === r.id} onClick={() => void close(r, 'dismissed')}>Dismiss</button>
              </span>
            )}
          </li>
        ))}
        {reports?.length === 0 && <li className="muted">No reports.</li>}
      </ul>
    </details>
  );
}
