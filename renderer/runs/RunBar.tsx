/** The run form generated from the connector's inputs, with mode, Run/Cancel, recording and the cassette to replay. */
import { useEffect, useRef } from 'react';
import type { Connector, InputValue } from '#core';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi } from '../store/AppStoreProvider.js';
import { useHost } from '../app/useHost.js';
import { cassetteNameProblem } from '../services/cassetteNames.js';
import { NO_CASSETTE_MESSAGE, cancelRun, rerunFromFailed, runErrorAfterEdit, submitRun } from '../services/runActions.js';
import type { RunMode } from '../store/slices/runSlice.js';
import { ServerRunButton } from './ServerRunButton.js';
import { useCassettes } from './useCassettes.js';
import { cassetteLabel } from './cassetteLabel.js';
import { applyCassetteInputs } from '../services/cassetteInputs.js';
import { isMissingRunInputsReason, missingRunInputs, missingRunInputsReason } from '../services/missingRunInputs.js';

const NO_INPUTS: Connector['inputs'] = [];

export function RunBar() {
  const store = useAppStoreApi();
  const host = useHost();
  // The parts of the document the form shows, so an edit elsewhere (a step's name) leaves it alone.
  const doc = useAppStore(useShallow((s) => ({ id: s.doc?.id ?? '', name: s.doc?.name ?? '', inputs: s.doc?.inputs ?? NO_INPUTS })));
  const inputs = useAppStore((s) => s.runInputs);
  const mode = useAppStore((s) => s.runMode);
  const run = useAppStore((s) => s.run);
  const runError = useAppStore((s) => s.runError);
  const hasFailed = useAppStore((s) => s.lastRecord?.steps.some((st) => st.status === 'failed') ?? false);
  const lastRecord = useAppStore((s) => s.lastRecord);
  const chosenCassette = useAppStore((s) => s.runCassette);
  const record = useAppStore((s) => s.runRecord);
  const recordName = useAppStore((s) => s.runRecordName);
  // A refusal shown before an edit must not outlive what it was about (the document is read only while one shows).
  const refusedDoc = useAppStore((s) => (s.runError === null ? null : s.doc));
  const refusedBefore = useRef(refusedDoc);
  useEffect(() => {
    const before = refusedBefore.current;
    refusedBefore.current = refusedDoc;
    // Only an edit made while the refusal shows, not the refusal appearing.
    if (!refusedDoc || !before || before === refusedDoc) return;
    const s = store.getState();
    const next = runErrorAfterEdit(s.runError, refusedDoc);
    if (next !== s.runError) s.setRunError(next);
  }, [store, refusedDoc]);
  // Run refused for empty required inputs: point at the first one, and update the refusal as they are filled.
  const missingRefused = isMissingRunInputsReason(runError);
  const missing = missingRefused ? missingRunInputs(doc.inputs, inputs) : NO_INPUTS;
  const formRef = useRef<HTMLFormElement>(null);
  // Only when the refusal appears: as it follows the fields being filled, focus stays where the user types.
  useEffect(() => {
    if (!missingRefused) return;
    const s = store.getState();
    const first = missingRunInputs(s.doc?.inputs ?? NO_INPUTS, s.runInputs)[0];
    if (first) formRef.current?.querySelector<HTMLElement>(`[data-testid="run-input-${CSS.escape(first.name)}"]`)?.focus();
  }, [missingRefused, store]);
  const setInput = (name: string, value: InputValue) => {
    const s = store.getState();
    s.setRunInput(name, value);
    if (isMissingRunInputsReason(s.runError)) s.setRunError(missingRunInputsReason(doc.inputs, store.getState().runInputs));
  };
  const { cassettes, error: cassetteError } = useCassettes(store, host, doc.id, doc.name, lastRecord);
  const running = run?.status === 'running';
  const recording = mode === 'live' && record;
  const recordNameProblem = recording ? cassetteNameProblem(recordName) : null;
  const replacesExisting = recording && recordName.trim() !== '' && (cassettes ?? []).some((c) => c.name === recordName.trim());
  const environments = useAppStore((s) => s.environments);
  const runEnvironment = useAppStore((s) => s.runEnvironment);
  useEffect(() => {
    host.environments.list().then((list) => store.getState().setEnvironments(list)).catch(() => store.getState().setEnvironments([]));
  }, [host, store]);
  const noCassette = mode === 'replay' && cassettes !== null && !cassettes.some((c) => c.error === undefined);
  const chosenSummary = cassettes?.find((c) => c.name === chosenCassette);
  return (
    <form ref={formRef} className="run-bar" aria-label="Test run" onSubmit={(e) => { e.preventDefault(); if (!noCassette) void submitRun(store, host); }}>
      {doc.inputs.map((input) => (
        <label key={input.name} className="run-input">
          <span>{input.label || input.name}{input.required ? ' *' : ''}</span>
          {input.type === 'boolean' ? (
            <select data-testid={`run-input-${input.name}`} aria-invalid={missing.includes(input) ? true : undefined} value={String(inputs[input.name] ?? input.default ?? '')} onChange={(e) => setInput(input.name, e.target.value === '' ? null : e.target.value === 'true')}>
              <option value="" /><option value="true">true</option><option value="false">false</option>
            </select>
          ) : (
            <input data-testid={`run-input-${input.name}`} type={input.type === 'number' ? 'number' : input.type === 'email' ? 'email' : 'text'} aria-invalid={missing.includes(input) ? true : undefined}
              value={String(inputs[input.name] ?? input.default ?? '')} onChange={(e) => setInput(input.name, e.target.value)} placeholder={input.type} />
          )}
        </label>
      ))}
      {environments.length > 0 && (
        <label className="run-input">
          <span>Environment</span>
          <select data-testid="run-environment" value={runEnvironment ?? ''} onChange={(e) => store.getState().setRunEnvironment(e.target.value || null)}>
            <option value="">none</option>
            {environments.map((env) => <option key={env.name} value={env.name}>{env.name}{env.confirmLiveRuns ? ' ⚠ asks before live runs' : ''}</option>)}
          </select>
        </label>
      )}
      <label className="run-input">
        <span>Mode</span>
        <select data-testid="run-mode" value={mode} onChange={(e) => {
          const next = e.target.value as RunMode;
          store.getState().setRunMode(next);
          // Replay starts from the inputs the chosen cassette was recorded with.
          if (next === 'replay') applyCassetteInputs(store, cassettes?.find((c) => c.name === store.getState().runCassette));
        }}>
          <option value="live">Live (real requests)</option><option value="mock">Mock (step mocks)</option><option value="replay">Replay (cassette)</option>
        </select>
      </label>
      {mode === 'replay' && cassettes !== null && !noCassette && (
        <label className="run-input">
          <span>Cassette</span>
          <select data-testid="run-cassette" className="run-cassette" value={chosenCassette ?? ''} title={chosenSummary ? cassetteLabel(chosenSummary) : undefined} onChange={(e) => {
            store.getState().setRunCassette(e.target.value);
            applyCassetteInputs(store, cassettes.find((c) => c.name === e.target.value));
          }}>
            {cassettes.map((c) => (
              <option key={c.name} value={c.name} disabled={c.error !== undefined} title={c.error}>{cassetteLabel(c)}</option>
            ))}
          </select>
        </label>
      )}
      {noCassette && <span className="small-text" role="status" data-testid="run-cassette-empty">{NO_CASSETTE_MESSAGE}</span>}
      {mode === 'replay' && cassetteError && <span className="error-text" role="alert" data-testid="run-cassette-error">{cassetteError}</span>}
      {mode === 'live' && <label className="row small-text"><input type="checkbox" data-testid="run-record" checked={record} onChange={(e) => store.getState().setRunRecord(e.target.checked)} /> Record as cassette</label>}
      {recording && (
        <label className="run-input">
          <span>Cassette name (optional)</span>
          <input data-testid="run-record-name" value={recordName} maxLength={64} placeholder="rec-<date>-<time>" aria-invalid={recordNameProblem ? true : undefined}
            onChange={(e) => store.getState().setRunRecordName(e.target.value)} />
        </label>
      )}
      {recordNameProblem && <span className="error-text" role="alert" data-testid="run-record-name-error">{recordNameProblem}</span>}
      {replacesExisting && !recordNameProblem && <span className="small-text" data-testid="run-record-name-replaces">Replaces the cassette of that name.</span>}
      <button type="submit" className="primary" data-testid="run-button" disabled={running || noCassette || recordNameProblem !== null} title={noCassette ? NO_CASSETTE_MESSAGE : 'Run (Ctrl/Cmd+Enter)'}>▶ Run</button>
      <ServerRunButton />
      <button type="button" data-testid="cancel-run-button" disabled={!running} onClick={() => void cancelRun(store, host)}>Cancel</button>
      {hasFailed && !running && <button type="button" onClick={() => void rerunFromFailed(store, host)}>Re-run from failed step</button>}
      {/* Beside a refusal, the status is the previous run's, not this attempt's: say so. */}
      {run && runError && <span className="muted small-text" data-testid="run-status-previous">Last run:</span>}
      {run && <span className={`run-status status-${run.status}`} data-testid="run-status">{run.status}</span>}
      {runError && <span className="error-text" role="alert" data-testid="run-error">{runError}</span>}
    </form>
  );
}
