/**
 * Starts the real browser-mode entry point (dist/host/server.mjs, what `npm run web` runs)
 * as a child process with its own user-data folder and workspace, and reads the URL it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BrowserModeApp {
  /** The URL with the per-launch token. */
  url: string;
  origin: string;
  port: number;
  token: string;
  stop(): Promise<void>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface BrowserModeOptions {
  userDataDir: string;
  workspaceDir?: string;
  /** A port number (0: a random one, the default), or 'kept': no --port, as `npm run web` starts (host/server/keptPort.ts). */
  port?: number | 'kept';
  rendererDir?: string;
  /** Test-only: the app reports no network while this file exists (host/server/simulatedOffline.ts). */
  offlineSwitchFile?: string;
}

export async function startBrowserMode(options: BrowserModeOptions): Promise<BrowserModeApp> {
  const args = [join(root, 'dist/host/server.mjs'), '--no-open', ...(options.port === 'kept' ? [] : ['--port', String(options.port ?? 0)]), '--user-data', options.userDataDir];
  if (options.workspaceDir) args.push('--workspace', options.workspaceDir);
  // A private copy of the built renderer, so a rebuild of the shared dist/ mid-test cannot 404 a reload.
  if (options.rendererDir) args.push('--renderer', options.rendererDir);
  if (options.offlineSwitchFile) args.push('--simulate-offline-file', options.offlineSwitchFile);
  const child: ChildProcess = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DISPLAY: '' } });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/.exec(output);
      if (match) resolve(match[0]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}) before printing its URL:\n${output}`)));
    child.once('error', reject);
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token: parsed.searchParams.get('token') ?? '',
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
