import { writeFileSync } from 'node:fs';
import {
  createMockTransport,
  createRecordingTransport,
  createReplayTransport,
  isCassette,
  type Connector,
  type HttpTransport,
  type InputValue,
  type Redactor,
} from '#core';
import { createUndiciTransport } from '../../host/http/createUndiciTransport.js';
import { CliError } from '../errors/CliError.js';
import { readJsonFile } from './readJsonFile.js';

export type RunMode = 'live' | 'mock' | 'replay';
export const RUN_MODES: readonly RunMode[] = ['live', 'mock', 'replay'];

export interface TransportChoice {
  mode: RunMode;
  cassettePath?: string | undefined;
  recordPath?: string | undefined;
  /** The environment a recorded cassette names. */
  environment?: string | undefined;
}

export interface PreparedTransport {
  transport: HttpTransport;
  /** Writes the recorded cassette (with `--record`), with the run's inputs; a no-op otherwise. */
  save(inputs?: Record<string, InputValue>): Promise<void>;
}

/** live = real HTTP (undici, see host/http/createUndiciTransport.ts), mock = each step's canned response, replay = a recorded cassette. */
export async function createTransport(connector: Connector, choice: TransportChoice, redactor: Redactor): Promise<PreparedTransport> {
  const noSave = async () => {};
  if (choice.mode === 'mock') return { transport: createMockTransport(connector), save: noSave };
  if (choice.mode === 'replay') {
    return { transport: createReplayTransport(await loadCassetteFile(choice.cassettePath ?? ''), { redactor }), save: noSave };
  }
  const live = createUndiciTransport();
  if (!choice.recordPath) return { transport: live, save: noSave };
  const recorder = createRecordingTransport(live, redactor);
  const recordPath = choice.recordPath;
  return {
    transport: recorder,
    save: async (inputs) => writeFileSync(recordPath, `${JSON.stringify(recorder.toCassette(connector.id, { environment: choice.environment, inputs }), null, 2)}\n`),
  };
}

export async function loadCassetteFile(path: string) {
  const cassette = await readJsonFile(path, 'cassette');
  if (!isCassette(cassette)) {
    throw new CliError(`${path} is not a cassette (expected { "version": 1, "connectorId", "interactions": [...] }). Record one with \`connector-studio run <file> --record ${path}\`.`);
  }
  return cassette;
}
