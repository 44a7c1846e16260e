/**
 * A Monaco editor bound to a string value. `singleLine` makes a one-line field (edge
 * conditions). `completions` feeds a `{{` completion provider; `language` json turns on
 * JSON mode. Always created with `editContext: false`.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';
import type { Variable } from '#core';
import { loadMonaco, type MonacoApi } from './loadMonaco.js';
import { useAppStore } from '../store/AppStoreProvider.js';

export interface MonacoFieldProps {
  value: string;
  onChange: (value: string) => void;
  language: 'json' | 'plaintext';
  singleLine?: boolean;
  completions?: Variable[];
  ariaLabel: string;
  testId?: string;
  height?: number;
}

let providerInstalled = false;
/** Completion lists per model, so each editor offers exactly its own variables. */
const completionsByModel = new Map<string, Variable[]>();

function installProvider(monaco: MonacoApi): void {
  if (providerInstalled) return;
  providerInstalled = true;
  for (const language of ['json', 'plaintext']) {
    monaco.languages.registerCompletionItemProvider(language, {
      // '.' too: after `{{search.` the list opens again on that step's outputs (a dot ends a word, which closed it).
      triggerCharacters: ['{', '.'],
      provideCompletionItems: (model, position) => {
        const vars = completionsByModel.get(model.uri.toString());
        if (!vars) return { suggestions: [] };
        const before = model.getValueInRange({ startLineNumber: position.lineNumber, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column });
        const match = /\{\{\s*([A-Za-z0-9_.]*)$/.exec(before);
        if (!match) return { suggestions: [] };
        const typed = match[1] ?? '';
        const range = { startLineNumber: position.lineNumber, endLineNumber: position.lineNumber, startColumn: position.column - typed.length, endColumn: position.column };
        const after = model.getValueInRange({ startLineNumber: position.lineNumber, startColumn: position.column, endLineNumber: position.lineNumber, endColumn: position.column + 2 });
        return {
          suggestions: vars.map((v) => ({
            label: v.ref,
            detail: v.label,
            kind: v.kind === 'step' ? monaco.languages.CompletionItemKind.Field : v.kind === 'credential' ? monaco.languages.CompletionItemKind.Constant : monaco.languages.CompletionItemKind.Variable,
            insertText: after === '}}' ? v.ref : `${v.ref}}}`,
            range,
          })),
        };
      },
    });
  }
}

export function MonacoField({ value, onChange, language, singleLine = false, completions, ariaLabel, testId, height }: MonacoFieldProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [error, setError] = useState<string | null>(null);
  const theme = useAppStore((s) => s.theme);

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    loadMonaco().then((monaco) => {
      if (disposed || !hostRef.current) return;
      installProvider(monaco);
      const model = monaco.editor.createModel(value, language);
      const editor = monaco.editor.create(hostRef.current, {
        model,
        editContext: false,
        automaticLayout: true,
        minimap: { enabled: false },
        lineNumbers: singleLine ? 'off' : 'on',
        glyphMargin: false,
        folding: !singleLine,
        scrollBeyondLastLine: false,
        wordWrap: singleLine ? 'off' : 'on',
        renderLineHighlight: singleLine ? 'none' : 'line',
        overviewRulerLanes: 0,
        scrollbar: singleLine ? { horizontal: 'hidden', vertical: 'hidden' } : {},
        fontSize: 12,
        autoClosingBrackets: 'never',
        autoClosingQuotes: 'never',
        ariaLabel,
        tabIndex: 0,
        // A one-line field is a form field: Tab moves on instead of typing a tab (keyboard-only use).
        // Multi-line editors keep Tab for indenting; Ctrl+M switches (shown in the shortcut list).
        tabFocusMode: singleLine,
        theme: document.documentElement.dataset.theme === 'dark' ? 'vs-dark' : 'vs',
        fixedOverflowWidgets: true,
      });
      editorRef.current = editor;
      // Shift+Alt+F formats on every platform (Monaco binds Ctrl+Shift+I on Linux, which the shortcut list would have to explain).
      if (language === 'json') editor.addCommand(monaco.KeyMod.Shift | monaco.KeyMod.Alt | monaco.KeyCode.KeyF, () => void editor.getAction('editor.action.formatDocument')?.run());
      completionsByModel.set(model.uri.toString(), completions ?? []);
      const sub = model.onDidChangeContent(() => {
        let text = model.getValue();
        if (singleLine && text.includes('\n')) {
          text = text.replace(/\r?\n/g, ' ');
          model.setValue(text);
          return;
        }
        onChangeRef.current(text);
      });
      cleanup = () => {
        sub.dispose();
        completionsByModel.delete(model.uri.toString());
        editor.dispose();
        model.dispose();
      };
    }).catch((e: unknown) => setError(`The code editor could not load: ${String(e)}`));
    return () => { disposed = true; cleanup(); };
    // Created once per mount; value and completion updates are pushed by the effects below.
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (model && model.getValue() !== value) model.setValue(value);
  }, [value]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) completionsByModel.set(model.uri.toString(), completions ?? []);
  }, [completions]);

  useEffect(() => {
    void loadMonaco().then((m) => m.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'));
  }, [theme]);

  if (error) {
    return <textarea aria-label={ariaLabel} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} rows={singleLine ? 1 : 8} />;
  }
  return <div ref={hostRef} className={`monaco-host${singleLine ? ' single-line' : ''}`} data-testid={testId} style={{ height: height ?? (singleLine ? 26 : 180) }} />;
}
