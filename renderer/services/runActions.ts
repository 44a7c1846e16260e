/** Test runs: start, cancel, run one step with pinned upstream outputs, re-run from a failed step. */
import { credentialIssues, descendantsOf, validateConnector, type Connector, type InputValue } from '#core';
import type { HostClient } from '../../contract/hostApi.js';
import type { AppStore } from '../store/createAppStore.js';
import { cassetteNameProblem, timestampedCassetteName } from './cassetteNames.js';
import { errorMessage } from './errorMessage.js';
import { missingRunInputsReason } from './missingRunInputs.js';
import { pinnedOutputsFor } from './pinnedOutputs.js';

export interface RunRequest {
  onlySteps?: string[];
  /** Save a live run's exchanges as a cassette. */
  record?: boolean;
  /** The cassette name to record into (live + record only). */
  recordAs?: string;
}

/** The run bar's values as the connector's input types (numbers and booleans from their text). */
export function coerceInputs(store: AppStore): Record<string, InputValue> {
  const { doc, runInputs } = store.getState();
  const values: Record<string, InputValue> = {};
  for (const input of doc?.inputs ?? []) {
    const raw = runInputs[input.name] ?? input.default ?? null;
    if (raw === null || raw === '') continue;
    values[input.name] = input.type === 'number' && typeof raw === 'string' && raw.trim() !== '' && !Number.isNaN(Number(raw)) ? Number(raw)
      : input.type === 'boolean' && typeof raw === 'string' ? raw === 'true' : raw;
  }
  return values;
}

/** Stores with a start request in flight: a double click or Enter plus Ctrl+Enter starts one run, not two. */
const starting = new WeakSet<AppStore>();

export const NO_CASSETTE_MESSAGE = "No cassette yet: run Live with 'Record as cassette' first";

/**
 * What the Run button, Ctrl/Cmd+Enter and the menu's Run all do: a run with the run bar's
 * choices (mode, cassette to replay, recording and its name), refused with the run bar's
 * message when replay has no cassette or the recording name is not usable.
 */
export async function submitRun(store: AppStore, host: HostClient): Promise<void> {
  if (starting.has(store)) return;
  const s = store.getState();
  const recording = s.runMode === 'live' && s.runRecord;
  const missing = missingRunInputsReason(s.doc?.inputs ?? [], s.runInputs);
  if (missing) {
    s.setRunError(missing);
    return;
  }
  if (s.runMode === 'replay' && s.runCassette === null) {
    s.setRunError(NO_CASSETTE_MESSAGE);
    return;
  }
  const nameProblem = recording ? cassetteNameProblem(s.runRecordName) : null;
  if (nameProblem) {
    s.setRunError(nameProblem);
    return;
  }
  if (!recording) return startRun(store, host);
  const name = s.runRecordName.trim() || timestampedCassetteName();
  // The list refresh after this run then selects the newest cassette: this recording.
  s.setRunCassette(null);
  s.setRunRecordName('');
  return startRun(store, host, { record: true, recordAs: name });
}

/**
 * Why this document must not run yet: its validation errors (a bad condition, a missing
 * reference, …). The run is refused up front so an invalid expression is never handed to
 * the executor and the user sees the same problem the problems list shows.
 */
export function runBlockedReason(doc: Connector): string | null {
  const errors = validateConnector(doc).issues.filter((i) => i.severity === 'error');
  if (errors.length === 0) return null;
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more in the problems list)` : '';
  return errors.length > 1 ? `${BLOCKED_PREFIX} ${first.message.replace(/\.$/, '')}${more}.` : `${BLOCKED_PREFIX} ${first.message}`;
}

const BLOCKED_PREFIX = 'Not run: fix the connector first.';

/**
 * The run bar's refusal after an edit: a "fix the connector first" message follows the
 * document (gone once fixed, the next problem otherwise); other refusals ("Not run: …",
 * about the inputs or upstream outputs) were about the document before the edit, so they go.
 */
export function runErrorAfterEdit(runError: string | null, doc: Connector): string | null {
  if (runError === null) return null;
  if (runError.startsWith(BLOCKED_PREFIX)) return runBlockedReason(doc);
  return runError.startsWith('Not run:') ? null : runError;
}

/**
 * Before a live run, the first credential it would miss is asked for (the run starts once it is
 * stored); offline runs never need one. True when the run must wait.
 */
export function askForMissingCredential(store: AppStore, then: () => void): boolean {
  const s = store.getState();
  if (!s.doc || !s.credentialsLoaded) return false;
  const stored = new Set(s.credentials.map((c) => c.name));
  const missing = credentialIssues(s.doc, (name) => stored.has(name))[0];
  if (!missing) return false;
  s.setRunError(`Not run: ${missing.message}`);
  if (missing.credential) s.promptCredential({ name: missing.credential, reason: 'A live run needs it.', then });
  return true;
}

export async function startRun(store: AppStore, host: HostClient, request: RunRequest = {}): Promise<void> {
  if (starting.has(store)) return;
  starting.add(store);
  try {
    await requestRun(store, host, request);
  } finally {
    starting.delete(store);
  }
}

async function requestRun(store: AppStore, host: HostClient, request: RunRequest): Promise<void> {
  const s = store.getState();
  if (!s.doc) return;
  if (s.run?.status === 'running') return;
  const blocked = runBlockedReason(s.doc);
  if (blocked) {
    s.setRunError(blocked);
    return;
  }
  if (s.runMode === 'live' && askForMissingCredential(store, () => void startRun(store, host, request))) return;
  let pinned: Record<string, Record<string, unknown>> = {};
  if (request.onlySteps) {
    const upstream = pinnedOutputsFor(s.doc, s.lastRecord, request.onlySteps);
    if (!upstream.ok) {
      s.setRunError(upstream.reason);
      return;
    }
    pinned = upstream.pinned;
  }
  const environment = s.environments.find((e) => e.name === s.runEnvironment);
  // The host refuses an unconfirmed live run against such an environment; ask here first.
  const confirmed = environment?.confirmLiveRuns && s.runMode === 'live' ? window.confirm(`Run live against ${environment.name}? Its requests reach the real API.`) : undefined;
  if (confirmed === false) return;
  s.setRunError(null);
  s.setBottomPanel('results');
  try {
    await host.runs.start({
      ...(environment ? { environment: environment.name } : {}),
      ...(confirmed ? { confirmed: true } : {}),
      connector: s.doc,
      inputs: coerceInputs(store),
      mode: s.runMode,
      ...(request.onlySteps ? { onlySteps: request.onlySteps, pinnedOutputs: pinned } : {}),
      ...(request.record && s.runMode === 'live' ? { record: true, ...(request.recordAs ? { cassette: request.recordAs } : {}) } : {}),
      ...(s.runMode === 'replay' && s.runCassette ? { cassette: s.runCassette } : {}),
    });
  } catch (error) {
    store.getState().setRunError(errorMessage(error));
  }
}

/** Runs the failed step and everything after it, reusing earlier outputs. */
export async function rerunFromFailed(store: AppStore, host: HostClient): Promise<void> {
  const { lastRecord, doc } = store.getState();
  const failed = lastRecord?.steps.find((st) => st.status === 'failed');
  if (!failed || !doc) return;
  await startRun(store, host, { onlySteps: [failed.id, ...descendantsOf(doc, failed.id)] });
}

export async function cancelRun(store: AppStore, host: HostClient): Promise<void> {
  const run = store.getState().run;
  if (!run || run.status !== 'running') return;
  try {
    await host.runs.cancel({ runId: run.runId });
  } catch (error) {
    store.getState().setRunError(errorMessage(error));
  }
}
