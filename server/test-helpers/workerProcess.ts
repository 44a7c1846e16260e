/**
 * Real worker processes for the tests and the bench: `npm run worker`'s entry started with
 * child_process, its JSON log lines kept so tests can read (and search) them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  output: () => string;
  stop(): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** `from`: another checkout of the project to run the worker of (the bench's baseline commit). */
export async function spawnWorker(databaseUrl: string, env: Record<string, string> = {}, from = root): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(from, 'server/worker/main.ts')], {
    cwd: from,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      CONNECTOR_STUDIO_ALLOW_ADDRESSES: '127.0.0.1',
      WORKER_SUPERVISE_INTERVAL_SECONDS: '1',
      WORKER_CONCURRENCY: '4',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start within 90 s:\n${output}`)), 90_000);
    const check = () => {
      if (output.includes('"worker started"')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code} before starting:\n${output}`));
    });
  });
  return {
    child,
    pid: child.pid!,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
    async kill(signal) {
      child.kill(signal);
      await exited;
    },
  };
}
