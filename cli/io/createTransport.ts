import { writeFile } from 'node:fs/promises';
import {
  createFetchTransport,
  createMockTransport,
  createRecordingTransport,
  createReplayTransport,
  type Cassette,
  type Connector,
  type HttpTransport,
  type Redactor,
} from '../../core/index.js';
import { readJsonFile } from './readJsonFile.js';

export type RunMode = 'live' | 'mock' | 'replay';
export const RUN_MODES: readonly RunMode[] = ['live', 'mock', 'replay'];

export interface TransportChoice {
  mode: RunMode;
  cassettePath?: string | undefined;
  recordPath?: string | undefined;
}

export interface PreparedTransport {
  transport: HttpTransport;
  /** Writes the recorded cassette (with `--record`); a no-op otherwise. */
  save(): Promise<void>;
}

/** live = real HTTP (fetch), mock = each step's canned response, replay = a recorded cassette. */
export async function createTransport(connector: Connector, choice: TransportChoice, redactor: Redactor): Promise<PreparedTransport> {
  const noSave = async () => {};
  if (choice.mode === 'mock') return { transport: createMockTransport(connector), save: noSave };
  if (choice.mode === 'replay') {
    const cassette = (await readJsonFile(choice.cassettePath ?? '', 'cassette')) as Cassette;
    return { transport: createReplayTransport(cassette), save: noSave };
  }
  const live = createFetchTransport();
  if (!choice.recordPath) return { transport: live, save: noSave };
  const recorder = createRecordingTransport(live, redactor);
  const recordPath = choice.recordPath;
  return {
    transport: recorder,
    save: async () => writeFile(recordPath, `${JSON.stringify(recorder.cassette(), null, 2)}\n`),
  };
}
