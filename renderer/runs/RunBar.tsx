/** The run form generated from the connector's inputs, with mode, Run/Cancel and recording. */
import { useState } from 'react';
import type { Connector } from '../../core/index.js';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { cancelRun, rerunFromFailed, startRun } from '../services/runActions.js';
import type { RunMode } from '../store/slices/runSlice.js';

export function RunBar() {
  const store = useAppStoreApi();
  const host = useHost();
  const doc = useAppStore((s) => s.doc) as Connector;
  const inputs = useAppStore((s) => s.runInputs);
  const mode = useAppStore((s) => s.runMode);
  const run = useAppStore((s) => s.run);
  const runError = useAppStore((s) => s.runError);
  const hasFailed = useAppStore((s) => s.lastRecord?.steps.some((st) => st.status === 'failed') ?? false);
  const [record, setRecord] = useState(false);
  const running = run?.status === 'running';
  return (
    <form className="run-bar" aria-label="Test run" onSubmit={(e) => { e.preventDefault(); void startRun(store, host, { record }); }}>
      {doc.inputs.map((input) => (
        <label key={input.name} className="run-input">
          <span>{input.label || input.name}{input.required ? ' *' : ''}</span>
          {input.type === 'boolean' ? (
            <select data-testid={`run-input-${input.name}`} value={String(inputs[input.name] ?? input.default ?? '')} onChange={(e) => store.getState().setRunInput(input.name, e.target.value === '' ? null : e.target.value === 'true')}>
              <option value="" /><option value="true">true</option><option value="false">false</option>
            </select>
          ) : (
            <input data-testid={`run-input-${input.name}`} type={input.type === 'number' ? 'number' : input.type === 'email' ? 'email' : 'text'}
              value={String(inputs[input.name] ?? input.default ?? '')} onChange={(e) => store.getState().setRunInput(input.name, e.target.value)} placeholder={input.type} />
          )}
        </label>
      ))}
      <label className="run-input">
        <span>Mode</span>
        <select data-testid="run-mode" value={mode} onChange={(e) => store.getState().setRunMode(e.target.value as RunMode)}>
          <option value="live">Live (real requests)</option><option value="mock">Mock (step mocks)</option><option value="replay">Replay (cassette)</option>
        </select>
      </label>
      {mode === 'live' && <label className="row small-text"><input type="checkbox" checked={record} onChange={(e) => setRecord(e.target.checked)} /> Record as cassette</label>}
      <button type="submit" className="primary" data-testid="run-button" disabled={running} title="Run (Ctrl/Cmd+Enter)">▶ Run</button>
      <button type="button" data-testid="cancel-run-button" disabled={!running} onClick={() => void cancelRun(store, host)}>Cancel</button>
      {hasFailed && !running && <button type="button" onClick={() => void rerunFromFailed(store, host)}>Re-run from failed step</button>}
      {run && <span className={`run-status status-${run.status}`} data-testid="run-status">{run.status}</span>}
      {runError && <span className="error-text" role="alert" data-testid="run-error">{runError}</span>}
    </form>
  );
}
