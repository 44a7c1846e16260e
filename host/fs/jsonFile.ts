/** Small JSON files in the user-data folder (settings, recent workspaces, vault). */
import { readFile } from 'node:fs/promises';
import { atomicWriteFile } from './atomicWriteFile.js';

/** The parsed file, `fallback` when it does not exist. A corrupt file throws: never silently reset user data. */
export async function readJsonFile<T>(file: string, fallback: T): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  }
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw new Error(`${file} is not valid JSON. Fix or remove it, then try again.`, { cause });
  }
}

export async function writeJsonFile(file: string, value: unknown, options: { mode?: number } = {}): Promise<void> {
  await atomicWriteFile(file, `${JSON.stringify(value, null, 2)}\n`, options);
}
