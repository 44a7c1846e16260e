/** "Open Sync": opens the Sync dialog (project, sign-in) from wherever a screen needs it. */
import { useAppStoreApi } from '../store/AppStoreProvider.js';

export function OpenSyncButton({ testId }: { testId: string }) {
  const store = useAppStoreApi();
  return <button type="button" className="link" data-testid={testId} onClick={() => store.getState().setSyncPanelOpen(true)}>Open Sync</button>;
}
