/** Notices as Radix UI toasts: announced to screen readers, F8 focuses them, swipe or ✕ dismisses. */
import { Toast } from 'radix-ui';
import { useAppStore } from '../store/AppStoreProvider.js';
import { noticeDuration } from './noticeDuration.js';

export function Toasts() {
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismiss);
  return (
    <Toast.Provider swipeDirection="right" label="Notifications">
      {notices.map((n) => (
        <Toast.Root key={n.id} className={`toast ${n.kind}`} data-testid="toast" open duration={noticeDuration(n)}
          type={n.kind === 'error' ? 'foreground' : 'background'}
          onOpenChange={(open) => { if (!open) dismiss(n.id); }}>
          <Toast.Description className="grow">{n.message}</Toast.Description>
          {n.action && (
            <Toast.Action asChild altText={n.action.label}>
              <button type="button" className="small" onClick={() => n.action?.run()}>{n.action.label}</button>
            </Toast.Action>
          )}
          <Toast.Close className="small" aria-label="Dismiss">✕</Toast.Close>
        </Toast.Root>
      ))}
      <Toast.Viewport className="toasts" />
    </Toast.Provider>
  );
}
