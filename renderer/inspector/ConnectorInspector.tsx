import { useEffect, useState } from 'react';
import { INPUT_TYPES, SYSTEM_CONTACT_FIELDS, variablesForMappings, type Connector, type FieldMapping, type Input } from '#core';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { AuthEditor } from './AuthEditor.js';
import { Tabs } from '../app/Tabs.js';
import { maxSteps } from '../flow/graphEdits.js';
import type { ValidationIssue } from '#core';

type Section = 'basics' | 'inputs' | 'auth' | 'mappings' | 'settings';

export function ConnectorInspector({ section, issues }: { section?: string | undefined; issues: ValidationIssue[] }) {
  const store = useAppStoreApi();
  const doc = useAppStore((s) => s.doc) as Connector;
  const focusedPath = useAppStore((s) => s.focusedPath);
  const [tab, setTab] = useState<Section>((section as Section | undefined) ?? 'basics');
  useEffect(() => { if (section) setTab(section as Section); }, [section]);
  const edit = (change: (d: Connector) => Connector, key: string) => store.getState().edit(change, `connector:${key}`);
  const hl = (path: string) => `field${focusedPath === path ? ' highlight' : ''}`;
  const issueAt = (prefix: string) => issues.filter((i) => i.path.startsWith(prefix));

  return (
    <div className="connector-inspector" data-testid="connector-inspector">
      <Tabs label="Connector settings" value={tab} onChange={setTab} items={(['basics', 'inputs', 'auth', 'mappings', 'settings'] as Section[]).map((t) => ({
        id: t, testId: `connector-tab-${t}`,
        label: `${t[0]?.toUpperCase() + t.slice(1)}${issueAt(t === 'basics' ? 'name' : t === 'mappings' ? 'fieldMappings' : t).length ? ' ⚠' : ''}`,
      }))}>
      {tab === 'basics' && (
        <div>
          <div className={hl('name')}><label htmlFor="c-name">Name</label>
            <input id="c-name" data-testid="connector-name-input" value={doc.name} onChange={(e) => edit((d) => ({ ...d, name: e.target.value }), 'name')} /></div>
          <div className="field"><label htmlFor="c-desc">Description</label>
            <textarea id="c-desc" rows={2} value={doc.description} onChange={(e) => edit((d) => ({ ...d, description: e.target.value }), 'description')} /></div>
          <div className="row">
            <div className="field"><label htmlFor="c-icon">Icon</label><input id="c-icon" size={4} value={doc.icon} onChange={(e) => edit((d) => ({ ...d, icon: e.target.value }), 'icon')} /></div>
            <div className="field grow"><label htmlFor="c-cat">Category</label><input id="c-cat" list="c-cat-list" value={doc.category} onChange={(e) => edit((d) => ({ ...d, category: e.target.value }), 'category')} />
              <datalist id="c-cat-list"><option value="enrichment" /><option value="verification" /><option value="crm" /><option value="marketing" /></datalist></div>
          </div>
          <label className="row"><input type="checkbox" checked={doc.enabled} onChange={(e) => edit((d) => ({ ...d, enabled: e.target.checked }), 'enabled')} /> Enabled</label>
          <label className="row"><input type="checkbox" checked={doc.advanced} onChange={(e) => edit((d) => ({ ...d, advanced: e.target.checked }), 'advanced')} /> Advanced (allows up to 10 steps)</label>
          <h3>Preview</h3>
          <div className="card-preview" aria-label="Card preview">
            <span className="card-icon">{doc.icon}</span> <strong>{doc.name || 'Untitled'}</strong>
            <p className="muted">{doc.description || 'No description'}</p>
            <span className="badge">{doc.category}</span> <span className="badge">{doc.steps.length} / {maxSteps(doc)} steps</span>
          </div>
        </div>
      )}
      {tab === 'inputs' && <InputsEditor inputs={doc.inputs} onChange={(inputs) => edit((d) => ({ ...d, inputs }), 'inputs')} issues={issueAt('inputs')} />}
      {tab === 'auth' && <AuthEditor auth={doc.auth} onChange={(auth) => edit((d) => ({ ...d, auth }), 'auth')} />}
      {tab === 'mappings' && <MappingsEditor doc={doc} onChange={(fieldMappings) => edit((d) => ({ ...d, fieldMappings }), 'mappings')} issues={issueAt('fieldMappings')} />}
      {tab === 'settings' && <SettingsEditor doc={doc} edit={edit} />}
      </Tabs>
    </div>
  );
}

function InputsEditor({ inputs, onChange, issues }: { inputs: Input[]; onChange: (i: Input[]) => void; issues: ValidationIssue[] }) {
  const update = (i: number, patch: Partial<Input>) => onChange(inputs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <div data-testid="inputs-editor">
      <p className="muted">Values the connector receives for each contact; use them as <code>{'{{name}}'}</code>.</p>
      {inputs.map((input, i) => (
        <fieldset key={i} className="input-row">
          <legend className="visually-hidden">Input {i + 1}</legend>
          {/* Visible names for the four fields: filled in, "phone · phone · Phone" did not say which was which. */}
          <label className="input-field"><span>Name</span>
            <input aria-label="Input name" data-testid="input-name" className="mono" value={input.name} onChange={(e) => update(i, { name: e.target.value })} /></label>
          <label className="input-field"><span>Type</span>
            <select aria-label="Input type" value={input.type} onChange={(e) => update(i, { type: e.target.value as Input['type'] })}>{INPUT_TYPES.map((t) => <option key={t}>{t}</option>)}</select></label>
          <label className="input-field"><span>Label</span>
            <input aria-label="Input label" placeholder="shown in the run bar" value={input.label} onChange={(e) => update(i, { label: e.target.value })} /></label>
          <label className="input-field"><span>Default</span>
            <input aria-label="Default value" placeholder="none" value={input.default === undefined ? '' : String(input.default)} onChange={(e) => update(i, { default: e.target.value === '' ? undefined : e.target.value })} /></label>
          <div className="input-row-foot">
            <label className="row"><input type="checkbox" checked={input.required} onChange={(e) => update(i, { required: e.target.checked })} /> required</label>
            <button type="button" className="small" aria-label={`Remove input ${input.name}`} onClick={() => onChange(inputs.filter((_, j) => j !== i))}>✕</button>
          </div>
        </fieldset>
      ))}
      {issues.map((i) => <p key={i.path + i.message} className="field-error">{i.message}</p>)}
      <button type="button" className="small" data-testid="add-input" onClick={() => {
        const taken = new Set(inputs.map((x) => x.name));
        let name = 'input';
        for (let n = 2; taken.has(name); n++) name = `input_${n}`;
        onChange([...inputs, { name, type: 'string', label: '', required: false }]);
      }}>+ Add input</button>
    </div>
  );
}

function MappingsEditor({ doc, onChange, issues }: { doc: Connector; onChange: (m: FieldMapping[]) => void; issues: ValidationIssue[] }) {
  const outputs = variablesForMappings(doc);
  const byStep = new Map<string, typeof outputs>();
  for (const v of outputs) byStep.set(v.name, [...(byStep.get(v.name) ?? []), v]);
  const update = (i: number, patch: Partial<FieldMapping>) => onChange(doc.fieldMappings.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  return (
    <div data-testid="mappings-editor">
      <p className="muted">Which step outputs fill which contact fields.</p>
      {doc.fieldMappings.map((m, i) => (
        <fieldset key={i} className="mapping-row" data-testid="mapping-row">
          <legend className="visually-hidden">Mapping {i + 1}</legend>
          <select aria-label="Source output" data-testid="mapping-source" value={m.source} onChange={(e) => update(i, { source: e.target.value })}>
            {!outputs.some((o) => o.ref === m.source) && <option value={m.source}>{m.source} (missing)</option>}
            {[...byStep].map(([stepId, vars]) => (
              <optgroup key={stepId} label={doc.steps.find((s) => s.id === stepId)?.name || stepId}>
                {vars.map((v) => <option key={v.ref} value={v.ref}>{v.ref}</option>)}
              </optgroup>
            ))}
          </select>
          <span aria-hidden="true">→</span>
          {m.custom ? (
            <input aria-label="Custom field" data-testid="mapping-target-custom" value={m.target} onChange={(e) => update(i, { target: e.target.value })} placeholder="custom field name" />
          ) : (
            <select aria-label="Contact field" data-testid="mapping-target" value={m.target} onChange={(e) => e.target.value === '__custom' ? update(i, { custom: true, target: '' }) : update(i, { target: e.target.value })}>
              {SYSTEM_CONTACT_FIELDS.map((f) => <option key={f} value={f}>{f}</option>)}
              <option value="__custom">Custom field…</option>
            </select>
          )}
          <select aria-label="Convert to" value={m.coerce} onChange={(e) => update(i, { coerce: e.target.value as FieldMapping['coerce'] })}>
            <option value="none">as is</option><option value="string">text</option><option value="number">number</option><option value="boolean">yes/no</option><option value="date">date</option>
          </select>
          <select aria-label="Merge policy" value={m.merge} onChange={(e) => update(i, { merge: e.target.value as FieldMapping['merge'] })}>
            <option value="overwrite">overwrite</option><option value="if_empty">only if empty</option>
          </select>
          <button type="button" className="small" aria-label="Remove mapping" onClick={() => onChange(doc.fieldMappings.filter((_, j) => j !== i))}>✕</button>
        </fieldset>
      ))}
      {issues.map((i) => <p key={i.path + i.message} className="field-error">{i.message}</p>)}
      <button type="button" className="small" data-testid="add-mapping" disabled={outputs.length === 0} onClick={() => onChange([...doc.fieldMappings, { source: outputs[0]?.ref ?? '', target: 'first_name', custom: false, coerce: 'none', merge: 'overwrite' }])}>+ Add mapping</button>
      {outputs.length === 0 && <p className="muted">Add outputs to a step first.</p>}
    </div>
  );
}

function SettingsEditor({ doc, edit }: { doc: Connector; edit: (c: (d: Connector) => Connector, key: string) => void }) {
  const s = doc.settings;
  const r = doc.rateLimit;
  return (
    <div className="grid-2">
      <div className="field"><label htmlFor="s-timeout">Timeout per request (s, 1–60)</label>
        <input id="s-timeout" type="number" min={1} max={60} value={s.timeoutMs / 1000} onChange={(e) => edit((d) => ({ ...d, settings: { ...d.settings, timeoutMs: Math.round(Number(e.target.value) * 1000) } }), 'timeout')} /></div>
      <div className="field"><label htmlFor="s-retries">Retries (0–5)</label>
        <input id="s-retries" type="number" min={0} max={5} value={s.maxRetries} onChange={(e) => edit((d) => ({ ...d, settings: { ...d.settings, maxRetries: Number(e.target.value) } }), 'retries')} /></div>
      <label className="row"><input type="checkbox" checked={s.continueOnError} onChange={(e) => edit((d) => ({ ...d, settings: { ...d.settings, continueOnError: e.target.checked } }), 'coe')} /> Continue on error</label>
      <label className="row"><input type="checkbox" checked={s.logResponseData} onChange={(e) => edit((d) => ({ ...d, settings: { ...d.settings, logResponseData: e.target.checked } }), 'log')} /> Log response data</label>
      <h3>Rate limit</h3>
      <label className="row"><input type="checkbox" checked={r.enabled} onChange={(e) => edit((d) => ({ ...d, rateLimit: { ...d.rateLimit, enabled: e.target.checked } }), 'rl')} /> Limit requests</label>
      <div className="field"><label htmlFor="rl-min">Per minute</label><input id="rl-min" type="number" min={1} value={r.maxRequestsPerMinute ?? ''} onChange={(e) => edit((d) => ({ ...d, rateLimit: { ...d.rateLimit, maxRequestsPerMinute: e.target.value ? Number(e.target.value) : undefined } }), 'rlm')} /></div>
      <div className="field"><label htmlFor="rl-hour">Per hour</label><input id="rl-hour" type="number" min={1} value={r.maxRequestsPerHour ?? ''} onChange={(e) => edit((d) => ({ ...d, rateLimit: { ...d.rateLimit, maxRequestsPerHour: e.target.value ? Number(e.target.value) : undefined } }), 'rlh')} /></div>
      <div className="field"><label htmlFor="rl-strat">When the limit is reached</label>
        <select id="rl-strat" value={r.strategy} onChange={(e) => edit((d) => ({ ...d, rateLimit: { ...d.rateLimit, strategy: e.target.value as 'queue' | 'fail' } }), 'rls')}><option value="queue">wait for a slot</option><option value="fail">fail the request</option></select></div>
      <div className="field"><label htmlFor="rl-key">Shared service key (optional)</label><input id="rl-key" value={r.serviceKey ?? ''} onChange={(e) => edit((d) => ({ ...d, rateLimit: { ...d.rateLimit, serviceKey: e.target.value || undefined } }), 'rlk')} /></div>
    </div>
  );
}
