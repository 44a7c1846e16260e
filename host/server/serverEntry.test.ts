/**
 * The browser-mode entry as shipped: bundled by scripts/build.mjs's esbuild options into a
 * temp folder, started as its own process, and used over HTTP. Catches what unit tests of
 * the sources cannot (CommonJS dependencies inside an ESM bundle, CLI options).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs script without type declarations
import { bundleOptions } from '../../scripts/build.mjs';
import { makeTempDir } from '../test-helpers/tempDir.js';

let tmp: { dir: string; cleanup: () => Promise<void> };
let child: ChildProcess | undefined;
let url: URL;

beforeAll(async () => {
  tmp = await makeTempDir('cs-entry-');
  const serverOptions = (bundleOptions(join(tmp.dir, 'dist')) as BuildOptions[]).find((o) => o.format === 'esm')!;
  await build({ ...serverOptions, sourcemap: false });
  const serverEntry = join(serverOptions.outdir!, 'server.mjs');
  await mkdir(join(tmp.dir, 'dist', 'renderer'), { recursive: true });
  await writeFile(join(tmp.dir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Connector Studio</title>');
  await mkdir(join(tmp.dir, 'ws'));
  child = spawn(process.execPath, [serverEntry, '--no-open', '--port', '0', '--user-data', join(tmp.dir, 'ud'), '--workspace', join(tmp.dir, 'ws')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  url = await new Promise<URL>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(output);
      if (match) resolve(new URL(match[0]));
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    child!.once('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await tmp.cleanup();
});

const call = async (name: string, params?: unknown) => {
  const response = await fetch(new URL(`/api/${name}`, url.origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-connector-studio-token': url.searchParams.get('token')! },
    body: JSON.stringify({ params }),
  });
  return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
};

describe('bundled browser-mode entry', () => {
  it('starts on 127.0.0.1 with the workspace given, and saves atomically', async () => {
    expect(url.hostname).toBe('127.0.0.1');
    expect(await call('workspace.current')).toMatchObject({ ok: true, value: { path: join(tmp.dir, 'ws') } });
    const saved = await call('connectors.save', { connector: { schemaVersion: 2, id: 'a', name: 'A', steps: [{ id: 's', url: 'https://x.test' }] } });
    expect(saved).toMatchObject({ ok: true, value: { status: 'saved', file: 'a.connector.json' } });
    expect(await readdir(join(tmp.dir, 'ws'))).toEqual(['a.connector.json']);
    expect(await call('credentials.set', { name: 'k', value: 'secret-value' })).toMatchObject({ ok: true });
  });

  it('keeps serving when a 3,000-level file lands in the open workspace, lists it as invalid, and refuses one imported (issue 11.1)', async () => {
    const deepBody = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;
    await writeFile(join(tmp.dir, 'ws', 'deep.connector.json'), `{"schemaVersion":2,"id":"deep","name":"Deep","steps":[{"id":"s","url":"https://x.test","body":{"type":"json","value":${deepBody}}}]}`);
    let listed: unknown;
    for (let i = 0; i < 50; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(child!.exitCode).toBeNull(); // before the guard, the watcher's stack overflow ended the process
      const list = await call('connectors.list');
      if (JSON.stringify(list).includes('deep.connector.json')) {
        listed = list;
        break;
      }
    }
    expect(JSON.stringify(listed)).toMatch(/more than 64 levels deep/);
    const imported = await call('connectors.import', { content: `{"name":"Deep","type":"multi-step","config":{"steps":[{"id":"s","url":"https://x.test","body":${deepBody}}]}}`, format: 'auto' });
    expect(imported).toMatchObject({ ok: false, error: { code: 'INVALID_DOCUMENT', message: expect.stringMatching(/levels deep/) } });
    const saved = await call('connectors.save', { connector: JSON.parse(`{"schemaVersion":2,"id":"deep2","name":"Deep","steps":[{"id":"s","url":"https://x.test","body":{"type":"json","value":${deepBody}}}]}`) });
    expect(saved).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', message: expect.stringMatching(/levels deep/) } });
    expect(await call('workspace.current')).toMatchObject({ ok: true });
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
