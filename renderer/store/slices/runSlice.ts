/** Test-run state: the current (or opened) run, the run mode and the form's input values. */
import type { ExecutionRecord, InputValue, RunEvent } from '#core';
import type { EnvironmentView } from '../../../contract/hostApi.js';
import type { SliceCreator } from '../types.js';
import { liveRunFromRecord, reduceRunEvent, type LiveRun } from './runReducer.js';

export type RunMode = 'live' | 'mock' | 'replay';

declare module '../types.js' {
  interface AppState extends RunSlice {}
}

export interface RunSlice {
  run: LiveRun | null;
  /** True when `run` is a past run opened from history (read-only). */
  runIsHistorical: boolean;
  /** The connector this run state belongs to (set by resetRun when a connector opens). */
  runConnectorId: string | null;
  runMode: RunMode;
  runInputs: Record<string, InputValue>;
  runError: string | null;
  /** The cassette replay mode plays (null: none chosen yet; the run bar picks the newest). */
  runCassette: string | null;
  /** Live runs save their exchanges as a cassette, named `runRecordName` (empty: a timestamp). */
  runRecord: boolean;
  runRecordName: string;
  /** The workspace's environments and the one `{{env.x}}` reads (kept across connectors: it is the workspace's). */
  environments: EnvironmentView[];
  runEnvironment: string | null;
  /** The last finished run of the open connector: previews and pinned outputs come from it. */
  lastRecord: ExecutionRecord | null;
  applyRunEvent: (event: RunEvent) => void;
  showRecord: (record: ExecutionRecord, historical: boolean) => void;
  setRunMode: (mode: RunMode) => void;
  setRunInput: (name: string, value: InputValue) => void;
  /** Replaces every input value at once (taken from a cassette, or undoing that). */
  setRunInputs: (values: Record<string, InputValue>) => void;
  setRunError: (message: string | null) => void;
  setRunCassette: (name: string | null) => void;
  setRunRecord: (on: boolean) => void;
  setRunRecordName: (name: string) => void;
  setEnvironments: (environments: EnvironmentView[]) => void;
  setRunEnvironment: (name: string | null) => void;
  /** Fresh run state for a connector, starting from its remembered mode and inputs if any. */
  resetRun: (connectorId?: string | null, remembered?: { mode: RunMode; inputs: Record<string, InputValue> } | null) => void;
}

export const createRunSlice: SliceCreator<RunSlice> = (set, get) => ({
  run: null,
  runIsHistorical: false,
  runConnectorId: null,
  runMode: 'live',
  runInputs: {},
  runError: null,
  runCassette: null,
  runRecord: false,
  runRecordName: '',
  environments: [],
  runEnvironment: null,
  lastRecord: null,
  applyRunEvent: (event) => {
    const run = reduceRunEvent(get().run, event);
    const patch: Partial<RunSlice> = { run, runIsHistorical: false };
    if (event.type === 'run.finished') patch.lastRecord = event.record;
    if (event.type === 'run.started') patch.runError = null;
    set(patch);
  },
  showRecord: (record, historical) =>
    set(historical ? { run: liveRunFromRecord(record), runIsHistorical: true } : { run: liveRunFromRecord(record), runIsHistorical: false, lastRecord: record }),
  setRunMode: (runMode) => set({ runMode }),
  setRunInput: (name, value) => set({ runInputs: { ...get().runInputs, [name]: value } }),
  setRunInputs: (runInputs) => set({ runInputs }),
  setRunError: (runError) => set({ runError }),
  setRunCassette: (runCassette) => set({ runCassette }),
  setRunRecord: (runRecord) => set({ runRecord }),
  setRunRecordName: (runRecordName) => set({ runRecordName }),
  // Keep the user's choice; otherwise start on an environment that does not ask before live runs (never production by default).
  setEnvironments: (environments) => set({ environments, runEnvironment: environments.some((e) => e.name === get().runEnvironment) ? get().runEnvironment : environments.find((e) => !e.confirmLiveRuns)?.name ?? null }),
  setRunEnvironment: (runEnvironment) => set({ runEnvironment }),
  resetRun: (connectorId = null, remembered = null) => set({
    run: null, runIsHistorical: false, lastRecord: null, runError: null, runCassette: null, runRecord: false, runRecordName: '',
    runConnectorId: connectorId, runInputs: remembered?.inputs ?? {}, ...(remembered ? { runMode: remembered.mode } : {}),
  }),
});
