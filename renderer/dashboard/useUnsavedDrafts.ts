import { useEffect, useState } from 'react';
import { afterNextPaint } from '../app/afterPaint.js';
import { draftIds } from '../services/draftStorage.js';
import type { Draft } from '../services/draftStorage.js';

const NONE: Draft[] = [];

/**
 * The workspace's drafts, by connector name, read again whenever the connector list (`entries`)
 * or `version` (bumped after a discard) changes. Reading
 * one back needs core's schema (services/drafts.ts): it is loaded only when there are drafts,
 * so a dashboard without any starts without zod and core.
 */
export function useUnsavedDrafts(workspacePath: string | undefined, entries: unknown, version: number): Draft[] {
  const [drafts, setDrafts] = useState(NONE);
  useEffect(() => {
    let current = true;
    // Scanning the stored drafts waits for the dashboard's first paint: the notice can come a frame after the cards.
    const cancel = afterNextPaint(() => {
      if (workspacePath === undefined || draftIds(workspacePath).length === 0) {
        setDrafts(NONE);
        return;
      }
      void import('../services/drafts.js').then(({ listDrafts }) => {
        if (current) setDrafts(listDrafts(workspacePath).sort((a, b) => a.doc.name.localeCompare(b.doc.name)));
      }, () => undefined); // The reader did not load (the app's files are gone): the list stays as it was.
    });
    return () => { current = false; cancel(); };
  }, [workspacePath, entries, version]);
  return drafts;
}
