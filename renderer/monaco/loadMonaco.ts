/**
 * Loads Monaco on first use, from the bundle (never a CDN). The editor core, the features the
 * app's fields use (editorFeatures.ts) and the JSON language are pulled in; workers are separate
 * ESM files built by Vite.
 */
import type * as Monaco from 'monaco-editor/editor/editor.api';

export type MonacoApi = typeof Monaco;

let loading: Promise<MonacoApi> | null = null;

export function loadMonaco(): Promise<MonacoApi> {
  loading ??= (async () => {
    const [api, json, , , editorWorker, jsonWorker] = await Promise.all([
      import('monaco-editor/editor/editor.api'),
      import('monaco-editor/language/json/monaco.contribution'),
      // Registers the outline service that a diff's folded regions ask for (their breadcrumbs);
      // without it, every diff with hideUnchangedRegions threw "depends on UNKNOWN service".
      import('monaco-editor/editor/contrib/documentSymbols/browser/outlineModel'),
      import('./editorFeatures.js'),
      import('monaco-editor/editor/editor.worker?worker'),
      import('monaco-editor/language/json/json.worker?worker'),
    ]);
    (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
      getWorker: (_id: string, label: string) => (label === 'json' ? new jsonWorker.default() : new editorWorker.default()),
    };
    // Bodies are sent as strict JSON: underline comments and trailing commas in the editor, and
    // never fetch a $schema from the network (the app loads nothing remote).
    json.jsonDefaults.setDiagnosticsOptions({ validate: true, allowComments: false, trailingCommas: 'error', enableSchemaRequest: false, schemaValidation: 'error', schemas: [] });
    return api;
  })();
  return loading;
}
