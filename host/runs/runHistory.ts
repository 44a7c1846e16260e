/**
 * Run history per connector: one JSON line per run in the user-data folder, appended,
 * capped (oldest dropped) and prunable. Records arrive already redacted by core; the
 * writer refuses any line that still contains a vault value (see SecretGuard).
 */
import { appendFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ExecutionRecord } from '#core';
import { HostError, type RunMode, type RunStats, type RunSummary, type StoredRun } from '../../contract/hostApi.js';
import { atomicWriteFile } from '../fs/atomicWriteFile.js';
import { contentHash } from '../fs/contentHash.js';

export const DEFAULT_HISTORY_CAP = 200;

function noRuns(): RunStats {
  return { runs: 0, successRate: null, p95DurationMs: null, lastRunAt: null, lastStatus: null };
}

export class RunHistory {
  readonly dir: string;
  private readonly cap: number;
  private readonly statsCache = new Map<string, { mtimeMs: number; size: number; stats: RunStats }>();
  private queue: Promise<unknown> = Promise.resolve();
  /** fileFor's names: the dashboard asks for every connector's at each list, and each costs a hash. */
  private readonly files = new Map<string, string>();

  constructor(userDataDir: string, options: { cap?: number } = {}) {
    this.dir = join(userDataDir, 'runs');
    this.cap = options.cap ?? DEFAULT_HISTORY_CAP;
  }

  /** File per connector id; ids are free text, so the name is sanitised and disambiguated by a hash. */
  fileFor(connectorId: string): string {
    let file = this.files.get(connectorId);
    if (file === undefined) {
      const safe = connectorId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 60);
      file = join(this.dir, `${safe}-${contentHash(connectorId).slice(0, 10)}.jsonl`);
      this.files.set(connectorId, file);
    }
    return file;
  }

  /** `line` is the JSON already checked by the caller's secret guard. */
  async append(connectorId: string, line: string): Promise<void> {
    if (line.includes('\n')) throw new HostError('INTERNAL', 'A run record must be a single JSON line.');
    return this.exclusive(async () => {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      const file = this.fileFor(connectorId);
      await appendFile(file, `${line}\n`, { mode: 0o600 });
      const lines = await this.readLines(file);
      if (lines.length > this.cap) await atomicWriteFile(file, lines.slice(-this.cap).map((l) => `${l}\n`).join(''), { mode: 0o600 });
    });
  }

  async list(connectorId: string, limit = this.cap): Promise<RunSummary[]> {
    const runs = await this.readRuns(connectorId);
    return runs.reverse().slice(0, limit).map(summarise);
  }

  async get(connectorId: string, runId: string): Promise<StoredRun> {
    const found = (await this.readRuns(connectorId)).find((r) => r.record.runId === runId);
    if (!found) throw new HostError('NOT_FOUND', `No run ${runId} in the history of this connector.`, { hint: 'It may have been pruned.' });
    return found;
  }

  async prune(connectorId: string, keep: number): Promise<number> {
    return this.exclusive(async () => {
      const file = this.fileFor(connectorId);
      const lines = await this.readLines(file);
      const removed = Math.max(0, lines.length - keep);
      if (removed > 0) await atomicWriteFile(file, lines.slice(lines.length - keep).map((l) => `${l}\n`).join(''), { mode: 0o600 });
      return removed;
    });
  }

  /**
   * stats() of many connectors, for the dashboard: one readdir instead of a failing stat per
   * connector that has never run (most of them, in a big workspace).
   */
  async statsOf(connectorIds: string[]): Promise<Map<string, RunStats>> {
    let present: Set<string>;
    try {
      present = new Set(await readdir(this.dir));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      present = new Set();
    }
    const result = new Map<string, RunStats>();
    await Promise.all(connectorIds.map(async (id) => {
      result.set(id, present.has(basename(this.fileFor(id))) ? await this.stats(id) : noRuns());
    }));
    return result;
  }

  /** Dashboard figures: runs, success rate, p95 duration, last run. Cached by file mtime. */
  async stats(connectorId: string): Promise<RunStats> {
    const file = this.fileFor(connectorId);
    let info;
    try {
      info = await stat(file);
    } catch {
      return noRuns();
    }
    const cached = this.statsCache.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.stats;
    const runs = await this.readRuns(connectorId);
    const durations = runs.map((r) => r.record.durationMs).sort((a, b) => a - b);
    const last = runs.at(-1)?.record;
    const stats: RunStats = {
      runs: runs.length,
      successRate: runs.length === 0 ? null : runs.filter((r) => r.record.status === 'success').length / runs.length,
      p95DurationMs: durations.length === 0 ? null : durations[Math.min(durations.length - 1, Math.ceil(durations.length * 0.95) - 1)] ?? null,
      lastRunAt: last?.startedAt ?? null,
      lastStatus: last?.status ?? null,
    };
    this.statsCache.set(file, { mtimeMs: info.mtimeMs, size: info.size, stats });
    return stats;
  }

  private async readRuns(connectorId: string): Promise<StoredRun[]> {
    const runs: StoredRun[] = [];
    for (const line of await this.readLines(this.fileFor(connectorId))) {
      try {
        const parsed = JSON.parse(line) as StoredRun;
        if (parsed?.record?.runId) runs.push(parsed);
      } catch {
        // A torn last line after a crash: skip it, keep the rest.
      }
    }
    return runs;
  }

  private async readLines(file: string): Promise<string[]> {
    try {
      return (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function summarise({ mode, record }: { mode: RunMode; record: ExecutionRecord }): RunSummary {
  return {
    runId: record.runId,
    connectorId: record.connectorId,
    status: record.status,
    mode,
    startedAt: record.startedAt,
    durationMs: record.durationMs,
    stepCounts: {
      success: record.steps.filter((s) => s.status === 'success').length,
      failed: record.steps.filter((s) => s.status === 'failed').length,
      skipped: record.steps.filter((s) => s.status === 'skipped').length,
    },
    ...(record.error ? { errorMessage: record.error.message } : {}),
  };
}
