import { useMemo, useState } from 'react';
import { useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { importContent, openConnector, openNewDocument } from '../services/connectorActions.js';
import { curlImportPlan, type CurlImportPlan } from '../curl/curlImportPlan.js';
import { CurlImportPreview } from '../curl/CurlImportPreview.js';
import { refreshCredentials } from '../services/refreshLists.js';
import { errorMessage } from '../services/errorMessage.js';
import { Dialog } from '../app/Dialog.js';
import { Tabs } from '../app/Tabs.js';
import { OpenApiImport } from '../openapi/OpenApiImport.js';
import type { OpenApiConversion } from '../../contract/hostApi.js';

type Tab = 'file' | 'curl' | 'openapi';

/** Import a connector file (the app's or the interchange format), a pasted cURL command, or operations of an OpenAPI spec. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const store = useAppStoreApi();
  const host = useHost();
  const [tab, setTab] = useState<Tab>('file');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [openApi, setOpenApi] = useState<OpenApiConversion | null>(null);
  const [secretNames, setSecretNames] = useState<Record<string, string>>({});
  const [storeSecrets, setStoreSecrets] = useState(true);
  // The preview follows the pasted command; a command that does not parse shows why instead.
  const curl = useMemo((): { plan: CurlImportPlan } | { problem: string } | null => {
    if (tab !== 'curl' || !text.trim()) return null;
    try {
      return { plan: curlImportPlan(text, secretNames) };
    } catch (e) {
      return { problem: errorMessage(e) };
    }
  }, [tab, text, secretNames]);

  const importJson = async (content: string) => {
    setError(null);
    const result = await importContent(store, host, content);
    if ('problem' in result) { setError(result.problem); return; }
    onClose();
    await openConnector(store, host, result.id);
  };

  const importCurl = async () => {
    setError(null);
    if (!curl || 'problem' in curl) { setError(curl?.problem ?? 'Paste a cURL command first.'); return; }
    const { doc, secrets, nameProblem } = curl.plan;
    if (nameProblem) { setError(nameProblem); return; }
    try {
      // Into the vault only: the connector refers to them by name.
      if (storeSecrets) for (const secret of secrets) await host.credentials.set({ name: secret.name, value: secret.value });
      if (storeSecrets && secrets.length > 0) await refreshCredentials(store, host);
    } catch (e) {
      setError(`The secret was not stored: ${errorMessage(e)}`);
      return;
    }
    onClose();
    openNewDocument(store, doc);
    const names = secrets.map((s) => s.name).join(', ');
    if (secrets.length > 0) {
      store.getState().notify(storeSecrets
        ? { kind: 'success', message: `Stored ${names} as credentials; the connector refers to ${secrets.length === 1 ? 'it' : 'them'} by name.` }
        : { kind: 'info', message: `The command carried a secret. It was left out of the connector: store it under Credentials (${names}).` });
    }
  };

  const importOpenApi = () => {
    if (!openApi) return;
    onClose();
    openNewDocument(store, openApi.connector);
    if (openApi.connector.credentials.length > 0) {
      store.getState().notify({ kind: 'info', message: `Set the credentials ${openApi.connector.credentials.map((c) => c.name).join(', ')} under Credentials before a live run.` });
    }
  };

  const confirm = () => {
    if (tab === 'openapi') importOpenApi();
    else if (tab === 'curl') void importCurl();
    else void importJson(text);
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    await importJson(await file.text());
  };

  return (
    <Dialog title="Import a connector" testId="import-dialog" onClose={onClose} error={error} errorTestId="import-error"
      confirm={{ label: 'Import', testId: 'import-submit', disabled: tab === 'openapi' ? !openApi : tab === 'curl' ? !(curl && 'plan' in curl) || curl.plan.nameProblem !== null : !text.trim(), onConfirm: confirm }}>
      <Tabs label="Import from" value={tab} onChange={(t) => { if (t === 'openapi') setError(null); setTab(t); }}
        items={[{ id: 'file', label: 'JSON file' }, { id: 'curl', label: 'cURL command', testId: 'import-tab-curl' }, { id: 'openapi', label: 'OpenAPI', testId: 'import-tab-openapi' }]}>
      {tab === 'openapi' ? (
        <OpenApiImport onPreview={setOpenApi} onError={setError} />
      ) : tab === 'file' ? (
        <>
          <div className="field">
            <label htmlFor="import-file">Choose a file (app format or SaaS interchange JSON)</label>
            <input id="import-file" type="file" accept=".json,application/json" onChange={(e) => void readFile(e.target.files?.[0])} />
          </div>
          <div className="field">
            <label htmlFor="import-json">…or paste its JSON</label>
            <textarea id="import-json" data-testid="import-json-input" rows={10} value={text} onChange={(e) => setText(e.target.value)} />
          </div>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor="import-curl">Paste a cURL command (it becomes a one-step connector; nothing is sent)</label>
            <textarea id="import-curl" data-testid="import-curl-input" rows={8} value={text} onChange={(e) => setText(e.target.value)} placeholder="curl -X POST https://api.example.com/v1/people -H 'Accept: application/json' -d '{&quot;email&quot;:&quot;a@b.c&quot;}'" />
          </div>
          {curl && 'plan' in curl && <CurlImportPreview plan={curl.plan} names={secretNames} onNames={setSecretNames} storeSecrets={storeSecrets} onStoreSecrets={setStoreSecrets} />}
          {curl && 'problem' in curl && <p className="muted" data-testid="curl-preview-problem">{curl.problem}</p>}
        </>
      )}
      </Tabs>
    </Dialog>
  );
}
