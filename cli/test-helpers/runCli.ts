/**
 * Runs the real `connector-studio` command (node bin/connector-studio.cjs …) as a child
 * process and collects its exit code and output. `buildCliOnce` builds the bundle the
 * bin loads, so tests exercise exactly what `npm install` produces, from current sources.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(REPO_ROOT, 'bin/connector-studio.cjs');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

let built = false;
export function buildCliOnce(): void {
  if (built) return;
  execFileSync(process.execPath, [join(REPO_ROOT, 'cli/build.mjs')], { cwd: REPO_ROOT, stdio: 'pipe' });
  built = true;
}

export function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string; fromSource?: boolean } = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // The tests' own environment must not leak credentials into the CLI.
  for (const key of Object.keys(env)) if (key.startsWith('CONNECTOR_STUDIO_CREDENTIAL_') && !options.env?.[key]) delete env[key];
  if (options.fromSource) env.CONNECTOR_STUDIO_FROM_SOURCE = '1';
  else delete env.CONNECTOR_STUDIO_FROM_SOURCE;
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO_ROOT, env, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A temporary folder for connector, data and cassette files; removed by `cleanup`. */
export async function createWorkDir(): Promise<{ dir: string; write(name: string, content: unknown): Promise<string>; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'connector-studio-cli-'));
  return {
    dir,
    async write(name, content) {
      const path = join(dir, name);
      await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return path;
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Parses stdout that must be JSON lines; throws with the text if a line is not JSON. */
export function jsonLines(stdout: string): unknown[] {
  return stdout.trim().split('\n').filter(Boolean).map((line) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new Error(`stdout line is not JSON: ${line}`);
    }
  });
}
