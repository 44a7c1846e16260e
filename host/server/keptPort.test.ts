import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { listenOnKeptPort } from './keptPort.js';

let tmp: { dir: string; cleanup: () => Promise<void> };
const open: Server[] = [];
let warnings: string[];
const logger = { warn: (message: string) => void warnings.push(message) };

/** A real HTTP server on 127.0.0.1, as startBrowserServer listens. */
function listen(port: number): Promise<{ port: number; server: Server }> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      open.push(server);
      resolve({ port: (server.address() as AddressInfo).port, server });
    });
  });
}
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
const keptFile = () => join(tmp.dir, 'browser-mode.json');

beforeEach(async () => {
  tmp = await makeTempDir('cs-port-');
  warnings = [];
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => (server.listening ? close(server) : undefined)));
  await tmp.cleanup();
});

describe('browser mode keeps its port between launches', () => {
  it('takes a free port on the first launch and the same one on the next', async () => {
    const first = await listenOnKeptPort(tmp.dir, undefined, logger, listen);
    expect(JSON.parse(await readFile(keptFile(), 'utf8'))).toEqual({ port: first.port });
    await close(first.server);
    const second = await listenOnKeptPort(tmp.dir, undefined, logger, listen);
    expect(second.port).toBe(first.port);
    expect(warnings).toEqual([]);
  });

  it('uses another port when the kept one is taken, says so, and keeps the usual one for later', async () => {
    const first = await listenOnKeptPort(tmp.dir, undefined, logger, listen);
    const second = await listenOnKeptPort(tmp.dir, undefined, logger, listen);
    expect(second.port).not.toBe(first.port);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`Port ${first.port}, which browser mode used last time, is taken`);
    expect(JSON.parse(await readFile(keptFile(), 'utf8'))).toEqual({ port: first.port });
  });

  it('uses --port exactly and does not remember it', async () => {
    const given = await listenOnKeptPort(tmp.dir, 0, logger, listen);
    expect(given.port).toBeGreaterThan(0);
    await expect(readFile(keptFile(), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('takes a new port, with a warning, when the file is not JSON', async () => {
    await writeFile(keptFile(), '{ not json');
    const server = await listenOnKeptPort(tmp.dir, undefined, logger, listen);
    expect(warnings[0]).toMatch(/browser-mode\.json is not valid JSON\. .*Browser mode takes a new port\./);
    expect(JSON.parse(await readFile(keptFile(), 'utf8'))).toEqual({ port: server.port });
  });

  it('passes on a failure other than a taken port', async () => {
    await writeFile(keptFile(), JSON.stringify({ port: 4321 }));
    const failing = () => Promise.reject(Object.assign(new Error('listen EACCES'), { code: 'EACCES' }));
    await expect(listenOnKeptPort(tmp.dir, undefined, logger, failing)).rejects.toThrow('EACCES');
  });
});
