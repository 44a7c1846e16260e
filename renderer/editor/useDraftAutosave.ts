/** Writes the unsaved document to localStorage shortly after each edit, and guards closing the tab. */
import { useEffect } from 'react';
import { useAppStore } from '../store/AppStoreProvider.js';
import { hasUnsavedChanges } from '../store/slices/documentSlice.js';
import { writeDraft } from '../services/drafts.js';

export function useDraftAutosave(): void {
  const doc = useAppStore((s) => s.doc);
  const savedDoc = useAppStore((s) => s.savedDoc);
  const baseHash = useAppStore((s) => s.baseHash);
  const workspace = useAppStore((s) => s.workspace);
  const dirty = hasUnsavedChanges({ doc, savedDoc });
  useEffect(() => {
    if (!doc || !dirty || !workspace) return;
    const timer = setTimeout(() => writeDraft(workspace.path, { doc, baseHash, savedAt: Date.now() }), 400);
    return () => clearTimeout(timer);
  }, [doc, dirty, baseHash, workspace]);
  useEffect(() => {
    if (!dirty) return;
    const guard = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [dirty]);
}
