/** Keeps the stored draft in step with the editor (services/draftAutosaver) and guards closing the tab. */
import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { hasUnsavedChanges } from '../store/slices/documentSlice.js';
import { createDraftAutosaver } from '../services/draftAutosaver.js';

export function useDraftAutosave(): void {
  const store = useAppStoreApi();
  const dirty = useAppStore((s) => hasUnsavedChanges(s));
  useEffect(() => {
    const autosaver = createDraftAutosaver(store);
    // A reload or a closed tab must not lose the last 400 ms of typing.
    window.addEventListener('pagehide', autosaver.flush);
    return () => {
      window.removeEventListener('pagehide', autosaver.flush);
      autosaver.dispose();
    };
  }, [store]);
  useEffect(() => {
    if (!dirty) return;
    const guard = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [dirty]);
}
