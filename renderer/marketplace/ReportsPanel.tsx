/** Reports on templates, for moderators (the server only returns them to admins with can_moderate). */
import { useEffect, useState } from 'react';
import type { TemplateReport } from '../../contract/hostApi.js';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';

export function ReportsPanel({ onOpen }: { onOpen: (templateId: string) => void }) {
  const host = useHost();
  const [reports, setReports] = useState<TemplateReport[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    host.templates.reports().then(setReports, (e: unknown) => setError(errorMessage(e)));
  }, [host]);
  return (
    <details className="updates-banner" data-testid="template-reports">
      <summary>Reports{reports ? ` (${reports.filter((r) => !r.resolved).length} open)` : ''}</summary>
      {error && <p className="error-text" role="alert">{error}</p>}
      <ul>
        {reports?.map((r) => (
          <li key={r.id} data-testid="template-report">
            <button type="button" className="small" onClick={() => onOpen(r.templateId)}>{r.templateName ?? r.templateId}</button> {r.reason}{' '}
            <span className="muted small-text">{new Date(r.createdAt).toLocaleString()}{r.resolved ? ' · resolved' : ''}</span>
          </li>
        ))}
        {reports?.length === 0 && <li className="muted">No reports.</li>}
      </ul>
    </details>
  );
}
