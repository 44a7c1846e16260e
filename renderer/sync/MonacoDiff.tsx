/**
 * A read-only side-by-side Monaco diff of two JSON texts (left: this computer, right: the
 * server). Monaco loads lazily, like the rest of the UI's editors; `editContext: false`.
 */
import { useEffect, useRef } from 'react';
import { loadMonaco } from '../monaco/loadMonaco.js';

export function MonacoDiff({ original, modified, testId, onlyChanges = false }: { original: string; modified: string; testId?: string; onlyChanges?: boolean }) {
  const hostRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void loadMonaco().then((monaco) => {
      if (disposed || !hostRef.current) return;
      const editor = monaco.editor.createDiffEditor(hostRef.current, {
        readOnly: true,
        originalEditable: false,
        renderSideBySide: true,
        automaticLayout: true,
        editContext: false,
        minimap: { enabled: false },
        scrollBeyondLastLine: false,
        // A change at the end of a long line (a URL, a body) is in view without scrolling sideways.
        wordWrap: 'on',
        diffWordWrap: 'on',
        // Folds unchanged lines so the changes are in view without scrolling.
        hideUnchangedRegions: { enabled: onlyChanges },
        theme: document.documentElement.dataset.theme === 'dark' ? 'vs-dark' : 'vs',
      });
      const left = monaco.editor.createModel(original, 'json');
      const right = monaco.editor.createModel(modified, 'json');
      editor.setModel({ original: left, modified: right });
      dispose = () => {
        editor.dispose();
        left.dispose();
        right.dispose();
      };
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [original, modified, onlyChanges]);
  return <div ref={hostRef} className="sync-diff" data-testid={testId} />;
}
