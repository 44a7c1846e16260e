/** Cassettes live next to their connector file: `<slug>.cassettes/<name>.json`, in the workspace (git-friendly, redacted). */
import { isConnectorError, parseDocumentJson, cassetteInputs, isCassette, type Cassette, toStableJson } from '#core';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { CassetteNameSchema, HostError, type CassetteSummary } from '../../contract/hostApi.js';
import { atomicWriteFile } from '../fs/atomicWriteFile.js';
import { cassetteDirName } from '../workspace/connectorFileName.js';

export function cassetteDir(workspaceRoot: string, connectorFile: string): string {
  return join(workspaceRoot, cassetteDirName(connectorFile));
}

/** The file of cassette `name`; refuses any name that could leave the `<slug>.cassettes/` folder. */
export function cassettePath(workspaceRoot: string, connectorFile: string, name: string): string {
  if (!CassetteNameSchema.safeParse(name).success) throw new HostError('INVALID_PAYLOAD', `"${name}" is not a valid cassette name.`, { hint: 'Use letters, digits, _ and - only (at most 64).' });
  const dir = resolve(cassetteDir(workspaceRoot, connectorFile));
  const path = resolve(dir, `${name}.json`);
  // The name rule already excludes separators and dots; this keeps the promise if the rule ever loosens.
  const rel = relative(dir, path);
  if (rel.startsWith('..') || rel.includes(sep)) throw new HostError('INVALID_PAYLOAD', `"${name}" is not a valid cassette name.`, { hint: 'Use letters, digits, _ and - only.' });
  return path;
}

/**
 * Every `*.json` in the folder, newest first (by recorded date; unreadable files by their
 * modification time). A file that is not a cassette is listed with the reason, never dropped.
 */
export async function listCassettes(dir: string): Promise<CassetteSummary[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const entries = await Promise.all(
    names
      .filter((file) => file.endsWith('.json') && CassetteNameSchema.safeParse(file.slice(0, -'.json'.length)).success)
      .map(async (file): Promise<{ summary: CassetteSummary; sortAt: number } | null> => {
        const name = file.slice(0, -'.json'.length);
        const path = join(dir, file);
        let info;
        try {
          info = await stat(path);
        } catch {
          return null; // removed meanwhile
        }
        if (!info.isFile()) return null;
        try {
          const cassette = await readCassette(path);
          const at = Date.parse(cassette.recordedAt);
          const inputs = cassetteInputs(cassette);
          return {
            summary: { name, recordedAt: cassette.recordedAt, interactions: cassette.interactions.length, ...(typeof cassette.environment === 'string' ? { environment: cassette.environment } : {}), ...(inputs ? { inputs } : {}) },
            sortAt: Number.isNaN(at) ? info.mtimeMs : at,
          };
        } catch (error) {
          const message = error instanceof HostError ? `${file} cannot be replayed: ${error.message.replace(`${path} `, 'it ')} ${error.hint ?? ''}`.trim() : `${file} cannot be read: ${String(error)}`;
          return { summary: { name, recordedAt: null, interactions: 0, error: message }, sortAt: info.mtimeMs };
        }
      }),
  );
  return entries
    .filter((e): e is { summary: CassetteSummary; sortAt: number } => e !== null)
    .sort((a, b) => b.sortAt - a.sortAt || a.summary.name.localeCompare(b.summary.name))
    .map((e) => e.summary);
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
    value = parseDocumentJson(text);
  } catch (error) {
    if (isConnectorError(error)) throw new HostError('INVALID_DOCUMENT', `${path} cannot be read as a cassette: ${error.message}`, { hint: 'Record the cassette again.' });
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
