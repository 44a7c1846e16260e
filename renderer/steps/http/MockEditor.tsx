/** The HTTP kind's Mock tab: the canned response (or fault) a mock run answers the step with. */
import { useState } from 'react';
import type { MockResponse } from '#core';

const FAULT_PRESETS: { label: string; mock: MockResponse }[] = [
  { label: '200 OK', mock: { status: 200, headers: { 'content-type': 'application/json' }, body: {}, latencyMs: 0, fault: 'none' } },
  { label: '429 Too many requests', mock: { status: 429, headers: { 'retry-after': '1' }, body: { error: 'rate limited' }, latencyMs: 0, fault: 'none' } },
  { label: '500 Server error', mock: { status: 500, headers: {}, body: { error: 'server error' }, latencyMs: 0, fault: 'none' } },
  { label: 'Timeout', mock: { status: 200, headers: {}, latencyMs: 0, fault: 'timeout' } },
];

export function MockEditor({ mock, onChange }: { mock: MockResponse | undefined; onChange: (m: MockResponse | undefined) => void }) {
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
