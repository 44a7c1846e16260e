/** Cassettes live next to their connector file: `<slug>.cassettes/<name>.json`, in the workspace (git-friendly, redacted). */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isCassette, type Cassette } from '../../core/transport/index.js';
import { HostError } from '../../contract/hostApi.js';
import { atomicWriteFile } from '../fs/atomicWriteFile.js';
import { cassetteDirName } from '../workspace/connectorFileName.js';
import { toStableJson } from '../workspace/stableJson.js';

export function cassettePath(workspaceRoot: string, connectorFile: string, name: string): string {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw new HostError('INVALID_PAYLOAD', `"${name}" is not a valid cassette name.`, { hint: 'Use letters, digits, _ and - only.' });
  return join(workspaceRoot, cassetteDirName(connectorFile), `${name}.json`);
}

export async function readCassette(path: string): Promise<Cassette> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new HostError('MOCK_MISSING', `No cassette at ${path}.`, { hint: 'Record one first: run in live mode with "record" on.' });
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HostError('INVALID_DOCUMENT', `${path} is not valid JSON.`, { hint: 'Record the cassette again.' });
  }
  if (!isCassette(value)) throw new HostError('INVALID_DOCUMENT', `${path} is not a cassette.`, { hint: 'Record the cassette again.' });
  return value;
}

/** `json` has already passed the secret guard. */
export async function writeCassette(path: string, json: string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true });
  await atomicWriteFile(path, toStableJson(JSON.parse(json)));
}
