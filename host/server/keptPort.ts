/**
 * Browser mode keeps its port between launches (in the user-data folder). The page's origin
 * includes the port, and the browser keeps localStorage (autosaved drafts, the screen the user
 * left) and its caches per origin: with a new random port at every launch, a restart lost the
 * drafts and made the browser load and compile all of the app's code again.
 */
import { join } from 'node:path';
import type { Logger } from '#core';
import { readJsonFile, writeJsonFile } from '../fs/jsonFile.js';

const FILE = 'browser-mode.json';

/**
 * Listens on `requested` when the user gave --port (0 = a random port, not remembered);
 * otherwise on the port of the last launch, or on a new one that the next launch reuses.
 */
export async function listenOnKeptPort<T extends { port: number }>(userDataDir: string, requested: number | undefined, logger: Pick<Logger, 'warn'>, listen: (port: number) => Promise<T>): Promise<T> {
  if (requested !== undefined) return listen(requested);
  const kept = await readKeptPort(userDataDir, logger);
  if (kept === undefined) {
    const server = await listen(0);
    await writeJsonFile(join(userDataDir, FILE), { port: server.port });
    return server;
  }
  try {
    return await listen(kept);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    // The kept port stays the home one: drafts saved under it show again once it is free.
    logger.warn(`Port ${kept}, which browser mode used last time, is taken (is Connector Studio already running?). This launch uses another port, so drafts autosaved at the usual address show only once it is back on port ${kept}.`);
    return listen(0);
  }
}

async function readKeptPort(userDataDir: string, logger: Pick<Logger, 'warn'>): Promise<number | undefined> {
  try {
    const { port } = await readJsonFile<{ port?: unknown }>(join(userDataDir, FILE), {});
    return typeof port === 'number' && Number.isInteger(port) && port > 0 && port <= 65_535 ? port : undefined;
  } catch (error) {
    // Only a port is lost: this launch takes a new one and writes the file again.
    logger.warn(`${error instanceof Error ? error.message : String(error)} Browser mode takes a new port.`);
    return undefined;
  }
}
