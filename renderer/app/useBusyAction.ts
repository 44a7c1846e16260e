import { useCallback, useState } from 'react';
import { errorMessage } from '../services/errorMessage.js';

/**
 * State for a button that starts host work: `busy` while it runs (to disable the button),
 * the error message if it failed (cleared when the next attempt starts).
 */
export function useBusyAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
