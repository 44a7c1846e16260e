import { useEffect } from 'react';
import { useAppStore } from '../store/AppStoreProvider.js';

export function Toasts() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismiss);
  useEffect(() => {
    // Plain notices go away by themselves; errors and actions stay until dismissed or replaced.
    const timers = notices.filter((n) => n.kind !== 'error' && !n.action).map((n) => setTimeout(() => dismiss(n.id), 4000));
    return () => timers.forEach(clearTimeout);
  }, [notices, dismiss]);
  return (
    <div className="toasts" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`toast ${n.kind}`} data-testid="toast" role={n.kind === 'error' ? 'alert' : 'status'}>
          <span className="grow">{n.message}</span>
          {n.action && <button type="button" className="small" onClick={() => { n.action?.run(); dismiss(n.id); }}>{n.action.label}</button>}
          <button type="button" className="small" aria-label="Dismiss" onClick={() => dismiss(n.id)}>✕</button>
        </div>
      ))}
    </div>
  );
}
