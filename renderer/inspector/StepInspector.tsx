import { useMemo, useState } from 'react';
import { AUTH_KINDS, availableVariables, environmentVariables, HTTP_METHODS, type Auth, type Body, type Connector, type MockResponse, type Step } from '#core';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { connectSteps, renameStepId, updateStep } from '../flow/graphEdits.js';
import { MonacoField } from '../monaco/MonacoField.js';
import { TemplateInput } from './TemplateInput.js';
import { KeyValueRows } from './KeyValueRows.js';
import { OutputsEditor } from './OutputsEditor.js';
import { AuthEditor } from './AuthEditor.js';
import { ConditionField } from './ConditionField.js';
import { Tabs } from '../app/Tabs.js';
import { Menu } from '../app/Menu.js';
import { useHost } from '../app/useHost.js';
import { startRun } from '../services/runActions.js';
import type { ValidationIssue } from '#core';

type Tab = 'query' | 'headers' | 'body' | 'auth' | 'outputs' | 'mock' | 'advanced';

export function StepInspector({ stepId, issues }: { stepId: string; issues: ValidationIssue[] }) {
  const store = useAppStoreApi();
  const host = useHost();
  const doc = useAppStore((s) => s.doc) as Connector;
  const focusedPath = useAppStore((s) => s.focusedPath);
  const lastResult = useAppStore((s) => s.lastRecord?.steps.find((st) => st.id === stepId));
  const index = doc.steps.findIndex((s) => s.id === stepId);
  const step = doc.steps[index];
  const [tab, setTab] = useState<Tab>('query');
  const [idDraft, setIdDraft] = useState<string | null>(null);
  const environments = useAppStore((s) => s.environments);
  const variables = useMemo(() => [...availableVariables(doc, stepId), ...environmentVariables(environments)], [doc, stepId, environments]);
  if (!step) return <p className="muted">This step no longer exists.</p>;

  const base = `steps[${index}]`;
  const edit = (patch: Partial<Step>, field: string) => store.getState().edit((d) => updateStep(d, stepId, patch), `step:${stepId}:${field}`);
  const issueFor = (field: string) => issues.find((i) => i.path === `${base}.${field}` || i.path.startsWith(`${base}.${field}.`) || i.path.startsWith(`${base}.${field}[`));
  const fieldClass = (field: string) => `field${focusedPath?.startsWith(`${base}.${field}`) ? ' highlight' : ''}`;
  const incoming = doc.edges.filter((e) => e.target === stepId);
  const outgoing = doc.edges.filter((e) => e.source === stepId);

  const commitId = () => {
    if (idDraft === null) return;
    const result = renameStepId(doc, stepId, idDraft.trim());
    if (!result.ok) store.getState().notify({ kind: 'error', message: result.reason });
    else if (idDraft.trim() !== stepId) {
      store.getState().edit(() => result.doc);
      store.getState().select({ kind: 'step', stepIds: [idDraft.trim()] });
    }
    setIdDraft(null);
  };

  const urlIssue = issueFor('url');
  return (
    <div className="step-inspector" data-testid="step-inspector" data-step-id={stepId}>
      <div className="row">
        <div className="field grow">
          <label htmlFor="step-name">Step name</label>
          <input id="step-name" data-testid="step-name-input" value={step.name} onChange={(e) => edit({ name: e.target.value }, 'name')} placeholder="e.g. Search contact" />
        </div>
        <div className="field">
          <label htmlFor="step-id">Id (for {'{{id.output}}'})</label>
          <input id="step-id" data-testid="step-id-input" className="mono" size={12} value={idDraft ?? step.id} onChange={(e) => setIdDraft(e.target.value)} onBlur={commitId} onKeyDown={(e) => e.key === 'Enter' && commitId()} />
        </div>
      </div>
      <div className={`row ${fieldClass('url')}`} style={{ flexDirection: 'row' }}>
        <label className="visually-hidden" htmlFor="step-method">Method</label>
        <select id="step-method" data-testid="step-method-select" value={step.method} onChange={(e) => edit({ method: e.target.value as Step['method'] }, 'method')}>
          {HTTP_METHODS.map((m) => <option key={m}>{m}</option>)}
        </select>
        <div className="grow">
          <TemplateInput id="step-url" ariaLabel="URL" testId="step-url-input" value={step.url} onChange={(url) => edit({ url }, 'url')} variables={variables} placeholder="https://api.example.com/items/{{id}}" invalid={urlIssue !== undefined} wrap />
        </div>
      </div>
      {urlIssue && <p className="field-error" data-testid="field-error">{urlIssue.message}{urlIssue.hint ? ` ${urlIssue.hint}` : ''}</p>}
      <ConditionField label="Run only if (this step's own condition; empty = always)" testId="step-condition-editor" errorTestId="step-condition-error"
        value={step.condition} variables={variables} highlighted={focusedPath?.startsWith(`${base}.condition`) ?? false}
        issues={issues.filter((i) => i.path === `${base}.condition`)}
        onChange={(condition) => edit({ condition }, 'condition')} />

      <Tabs label="Step settings" value={tab} onChange={setTab} items={(['query', 'headers', 'body', 'auth', 'outputs', 'mock', 'advanced'] as Tab[]).map((t) => ({
        id: t, testId: `step-tab-${t}`,
        label: `${t === 'query' ? `Query (${step.query.length})` : t === 'headers' ? `Headers (${step.headers.length})` : t === 'outputs' ? `Outputs (${step.outputs.length})` : t[0]?.toUpperCase() + t.slice(1)}${issueFor(t === 'advanced' ? 'timeoutMs' : t) ? ' ⚠' : ''}`,
      }))}>
        {tab === 'query' && <KeyValueRows label="query parameter" testId="query-rows" rows={step.query} onChange={(query) => edit({ query }, 'query')} variables={variables} inputs={doc.inputs} />}
        {tab === 'headers' && <KeyValueRows label="header" testId="header-rows" rows={step.headers} onChange={(headers) => edit({ headers }, 'headers')} variables={variables} inputs={doc.inputs} />}
        {tab === 'body' && <BodyEditor body={step.body} onChange={(body) => edit({ body }, 'body')} variables={variables} inputs={doc.inputs} />}
        {tab === 'auth' && (
          <div className="field">
            <label className="row"><input type="checkbox" checked={step.auth !== undefined} onChange={(e) => edit(e.target.checked ? { auth: { type: 'none' } } : { auth: undefined }, 'auth')} /> Override the connector's auth for this step</label>
            {step.auth ? <AuthEditor auth={step.auth} onChange={(auth: Auth) => edit({ auth }, 'auth')} /> : <p className="muted">Uses the connector's auth ({AUTH_KINDS[doc.auth.type].label}).</p>}
          </div>
        )}
        {tab === 'outputs' && <OutputsEditor outputs={step.outputs} onChange={(outputs) => edit({ outputs }, 'outputs')} lastResult={lastResult} />}
        {tab === 'mock' && <MockEditor mock={step.mock} onChange={(mock) => edit({ mock }, 'mock')} />}
        {tab === 'advanced' && (
          <div className="grid-2">
            <div className="field"><label htmlFor="step-timeout">Timeout (ms, empty = connector's)</label>
              <input id="step-timeout" type="number" min={1000} max={60000} step={500} value={step.timeoutMs ?? ''} onChange={(e) => edit({ timeoutMs: e.target.value === '' ? undefined : Number(e.target.value) }, 'timeout')} /></div>
            <div className="field"><label htmlFor="step-retries">Retries (empty = connector's)</label>
              <input id="step-retries" type="number" min={0} max={5} value={step.maxRetries ?? ''} onChange={(e) => edit({ maxRetries: e.target.value === '' ? undefined : Number(e.target.value) }, 'retries')} /></div>
            <label className="row"><input type="checkbox" checked={step.idempotent ?? false} onChange={(e) => edit({ idempotent: e.target.checked || undefined }, 'idempotent')} /> Safe to retry (idempotent)</label>
            {issueFor('timeoutMs') && <p className="field-error">{issueFor('timeoutMs')?.message}</p>}
          </div>
        )}
      </Tabs>

      <h3>Links</h3>
      <ul className="link-list">
        {incoming.map((e) => <li key={e.id}><button type="button" className="small" onClick={() => store.getState().select({ kind: 'edge', edgeIds: [e.id] })}>← from {e.source}{e.condition ? ` (if ${e.condition})` : ''}</button></li>)}
        {outgoing.map((e) => <li key={e.id}><button type="button" className="small" data-testid="outgoing-link" data-target={e.target} onClick={() => store.getState().select({ kind: 'edge', edgeIds: [e.id] })}>→ to {e.target}{e.condition ? ` (if ${e.condition})` : ''}</button></li>)}
        {incoming.length + outgoing.length === 0 && <li className="muted">Not linked. Drag from a node's right handle to another node, or use Link to….</li>}
      </ul>
      <LinkToMenu doc={doc} stepId={stepId} />
      <button type="button" onClick={() => void startRun(store, host, { onlySteps: [stepId] })} title="Runs only this step; earlier steps' outputs come from the last run">Run this step only</button>
    </div>
  );
}

/** "Link to…": the keyboard's way to draw a link; lists the steps this one can lead to (no loops, no duplicates). */
function LinkToMenu({ doc, stepId }: { doc: Connector; stepId: string }) {
  const store = useAppStoreApi();
  const targets = doc.steps.filter((s) => s.id !== stepId).map((s) => ({ step: s, result: connectSteps(doc, stepId, s.id) })).filter((t) => t.result.ok);
  return (
    <Menu trigger="Link to…" triggerTestId="link-to-button" triggerClassName="small" empty="No step can follow this one without a loop."
      items={targets.map(({ step, result }) => ({
        id: step.id, testId: `link-to-${step.id}`, textValue: step.name || step.id,
        label: <>{step.name || step.id} <span className="muted mono">{step.id}</span></>,
        onSelect: () => {
          if (!result.ok) return;
          store.getState().edit(() => result.doc);
          // The new link opens in the inspector, where its condition is set.
          store.getState().select({ kind: 'edge', edgeIds: result.ids ?? [] });
        },
      }))} />
  );
}

function BodyEditor({ body, onChange, variables, inputs }: { body: Body; onChange: (b: Body) => void; variables: ReturnType<typeof availableVariables>; inputs: Connector['inputs'] }) {
  const [jsonText, setJsonText] = useState(() => (body.type === 'json' ? JSON.stringify(body.value, null, 2) : '{\n  \n}'));
  const [jsonError, setJsonError] = useState<string | null>(null);
  return (
    <div>
      <div className="field">
        <label htmlFor="body-type">Body</label>
        <select id="body-type" value={body.type} onChange={(e) => {
          const type = e.target.value as Body['type'];
          onChange(type === 'none' ? { type } : type === 'json' ? { type, value: {} } : type === 'form' ? { type, fields: [] } : { type, text: '', contentType: 'text/plain' });
        }}>
          <option value="none">None</option><option value="json">JSON</option><option value="form">Form</option><option value="raw">Raw text</option>
        </select>
      </div>
      {body.type === 'json' && (
        <>
          <MonacoField language="json" ariaLabel="JSON body" testId="body-editor" value={jsonText} completions={variables} onChange={(text) => {
            setJsonText(text);
            try {
              onChange({ type: 'json', value: JSON.parse(text) });
              setJsonError(null);
            } catch (e) {
              setJsonError(`Not valid JSON yet: ${(e as Error).message}. The last valid body is kept.`);
            }
          }} />
          {jsonError && <p className="field-error">{jsonError}</p>}
          <p className="muted">Type <code>{'{{'}</code> for variables. A string that is only one template keeps the value's type.</p>
        </>
      )}
      {body.type === 'form' && <KeyValueRows label="form field" testId="form-rows" rows={body.fields} onChange={(fields) => onChange({ type: 'form', fields })} variables={variables} inputs={inputs} />}
      {body.type === 'raw' && (
        <>
          <div className="field"><label htmlFor="raw-ct">Content type</label><input id="raw-ct" value={body.contentType} onChange={(e) => onChange({ ...body, contentType: e.target.value })} /></div>
          <MonacoField language="plaintext" ariaLabel="Raw body" value={body.text} completions={variables} onChange={(text) => onChange({ ...body, text })} />
        </>
      )}
    </div>
  );
}

const FAULT_PRESETS: { label: string; mock: MockResponse }[] = [
  { label: '200 OK', mock: { status: 200, headers: { 'content-type': 'application/json' }, body: {}, latencyMs: 0, fault: 'none' } },
  { label: '429 Too many requests', mock: { status: 429, headers: { 'retry-after': '1' }, body: { error: 'rate limited' }, latencyMs: 0, fault: 'none' } },
  { label: '500 Server error', mock: { status: 500, headers: {}, body: { error: 'server error' }, latencyMs: 0, fault: 'none' } },
  { label: 'Timeout', mock: { status: 200, headers: {}, latencyMs: 0, fault: 'timeout' } },
];

function MockEditor({ mock, onChange }: { mock: MockResponse | undefined; onChange: (m: MockResponse | undefined) => void }) {
  const [text, setText] = useState(() => JSON.stringify(mock?.body ?? {}, null, 2));
  const [error, setError] = useState<string | null>(null);
  const current = mock ?? FAULT_PRESETS[0]!.mock;
  return (
    <div className="mock-editor" data-testid="mock-editor">
      <p className="muted">Used when the run mode is <strong>mock</strong>.</p>
      <div className="row">
        {FAULT_PRESETS.map((p) => <button key={p.label} type="button" className="small" onClick={() => { onChange(p.mock); setText(JSON.stringify(p.mock.body ?? {}, null, 2)); }}>{p.label}</button>)}
        {mock && <button type="button" className="small danger" onClick={() => onChange(undefined)}>Remove mock</button>}
      </div>
      <div className="grid-2">
        <div className="field"><label htmlFor="mock-status">Status</label><input id="mock-status" type="number" min={100} max={599} value={current.status} onChange={(e) => onChange({ ...current, status: Number(e.target.value) })} /></div>
        <div className="field"><label htmlFor="mock-latency">Latency (ms)</label><input id="mock-latency" type="number" min={0} max={60000} value={current.latencyMs} onChange={(e) => onChange({ ...current, latencyMs: Number(e.target.value) })} /></div>
        <div className="field"><label htmlFor="mock-fault">Fault</label>
          <select id="mock-fault" value={current.fault} onChange={(e) => onChange({ ...current, fault: e.target.value as MockResponse['fault'] })}>
            <option value="none">None</option><option value="timeout">Never answers (timeout)</option><option value="reset">Connection reset</option>
          </select></div>
      </div>
      <div className="field">
        <label htmlFor="mock-body">Response body (JSON)</label>
        <textarea id="mock-body" data-testid="mock-body-input" rows={8} value={text} onChange={(e) => {
          setText(e.target.value);
          try {
            onChange({ ...current, body: JSON.parse(e.target.value) });
            setError(null);
          } catch (err) {
            setError(`Not valid JSON yet: ${(err as Error).message}`);
          }
        }} />
        {error && <span className="field-error">{error}</span>}
      </div>
    </div>
  );
}
