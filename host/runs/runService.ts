/**
 * Test runs in the host: core's runConnector with the live (fetch), mock, replay or
 * recording transport; events streamed to the renderer; cancellable; every finished
 * run appended to the connector's history after the secret guard. All runs share the
 * host's rate limiter.
 */
import { randomUUID } from 'node:crypto';
import { type Connector, type ExecutionRecord, type RateLimiterRegistry, type RunEnvironment, type RunEvent, createRedactor, credentialPlaceholder, type Redactor, createMockTransport, createRecordingTransport, createReplayTransport, type RecordingTransport, offlineEnvironment, toConnectorError, type HttpTransport, type Logger } from '#core';
import { createFetchTransport } from '../http/createFetchTransport.js';
import { HostError, type CassetteSummary, type HostCallParsedParams, type HostEvents, type RunMode } from '../../contract/hostApi.js';
import type { Vault } from '../vault/vault.js';
import type { EnvironmentService } from '../environments/environmentService.js';
import type { WorkspaceStore } from '../workspace/workspaceStore.js';
import { uniqueConnectorFileName } from '../workspace/connectorFileName.js';
import { cassetteDir, cassettePath, listCassettes, readCassette, writeCassette } from './cassetteStore.js';
import type { RunConnectorFn } from './coreRunner.js';
import type { RunHistory } from './runHistory.js';
import { guardedJson } from './secretGuard.js';

export interface RunServiceDeps {
  runConnector: RunConnectorFn;
  vault: Vault;
  environments?: EnvironmentService;
  history: RunHistory;
  store: () => WorkspaceStore;
  emit: (payload: HostEvents['run.event']) => void;
  logger: Logger;
  /**
   * The host's one rate limiter: every run draws on it, so connectors with the same
   * `serviceKey` (or runs of the same connector) share their limit, as the README promises.
   */
  rateLimiter: RateLimiterRegistry;
  /** Live transport factory (tests inject one bound to a local server's fetch). */
  liveTransport?: () => HttpTransport;
}

interface ActiveRun {
  controller: AbortController;
  done: Promise<void>;
}

export class RunService {
  private readonly active = new Map<string, ActiveRun>();
  /** OAuth token sessions shared by the app's runs, so parallel runs also refresh once. */
  private readonly authSessions = new Map<string, unknown>();

  constructor(private readonly deps: RunServiceDeps) {}

  async start(params: HostCallParsedParams<'runs.start'>): Promise<{ runId: string; connectorId: string }> {
    const store = this.deps.store();
    const stored = params.connectorId ? await store.get(params.connectorId) : params.connector ? await store.find(params.connector.id) : undefined;
    const connector: Connector = params.connector ?? stored!.connector;
    const connectorFile = stored?.file ?? uniqueConnectorFileName(connector.name, new Set());
    const cassetteName = params.cassette ?? 'default';
    // Checked before anything runs, so a bad name never starts a run that could not be recorded.
    const cassetteFile = cassettePath(store.root, connectorFile, cassetteName);
    const resolved = params.environment && this.deps.environments ? await this.deps.environments.resolve(params.environment) : undefined;
    if (resolved?.confirmLiveRuns && params.mode === 'live' && !params.confirmed) {
      throw new HostError('CONFLICT', `The environment "${params.environment}" asks for confirmation before a live run.`, { hint: 'Confirm the run, or pick another environment or mode.' });
    }
    const secrets = await this.deps.vault.values();
    // One redactor for everything this run leaves behind: record, events, log lines, cassette.
    const redactor = createRedactor(secrets);

    let recorder: RecordingTransport | undefined;
    let transport: HttpTransport;
    if (params.mode === 'mock') transport = createMockTransport(connector);
    else if (params.mode === 'replay') transport = createReplayTransport(await readCassette(cassetteFile), { redactor });
    else {
      transport = this.deps.liveTransport?.() ?? createFetchTransport();
      if (params.record) transport = recorder = createRecordingTransport(transport, redactor);
    }

    const runId = randomUUID();
    const controller = new AbortController();
    // run.finished is held back until the history and the cassette are written, so a
    // renderer that refreshes its history or cassette list on it sees the new files.
    let finished: RunEvent | undefined;
    let released = false;
    const emit = (event: RunEvent) => {
      if (event.type === 'run.finished' && !released) {
        finished = event;
        return;
      }
      try {
        this.deps.emit({ runId, connectorId: connector.id, event: JSON.parse(guardedJson({ ...event, runId }, redactor)) as RunEvent });
      } catch (error) {
        this.deps.logger.error('run event dropped', { error: String(error) });
      }
    };
    const done = this.deps
      .runConnector(connector, {
        runId,
        inputs: params.inputs,
        transport,
        // Offline (mock, replay) a credential without a value stands in as its placeholder, the text
        // cassettes hold, as in the CLI: no secret is needed to replay a redacted cassette. Live runs
        // write refreshed OAuth tokens back to the vault; mock and replay never touch it.
        secrets: params.mode === 'live'
          ? { get: (name) => secrets[name], set: async (name, value) => { await this.deps.vault.set(name, value); } }
          : { get: (name) => secrets[name] ?? credentialPlaceholder(name) },
        authSessions: this.authSessions,
        signal: controller.signal,
        onEvent: emit,
        logger: this.deps.logger,
        rateLimiter: this.deps.rateLimiter,
        redactor,
        ...(params.onlySteps ? { onlySteps: params.onlySteps } : {}),
        ...(params.pinnedOutputs ? { pinnedOutputs: params.pinnedOutputs } : {}),
        ...(params.contact ? { contact: params.contact } : {}),
        ...environmentFor(connector, params.mode, resolved?.environment),
      })
      .then((record) => this.finish(runId, connector, params.mode, { ...record, runId }, redactor, recorder, cassetteFile))
      .catch((error: unknown) => {
        // runConnector reports failures in its record; reaching here is a host or core bug.
        const failure = toConnectorError(error).toJSON();
        const now = Date.now();
        const record: ExecutionRecord = { runId, connectorId: connector.id, connectorName: connector.name, status: controller.signal.aborted ? 'cancelled' : 'failed', startedAt: now, finishedAt: now, durationMs: 0, inputs: params.inputs, steps: [], contact: {}, error: failure };
        finished = { type: 'run.finished', runId, at: now, record };
        return this.finish(runId, connector, params.mode, record, redactor, undefined, cassetteFile);
      })
      .catch((error: unknown) => this.deps.logger.error('run could not be recorded', { error: String(error) }))
      .finally(() => {
        released = true;
        if (finished) emit(finished);
        this.active.delete(runId);
      });
    this.active.set(runId, { controller, done });
    return { runId, connectorId: connector.id };
  }

  /** The cassettes of a saved connector, or of an unsaved one by its name (as `start` records it). */
  async cassettes(connectorId: string, connectorName?: string): Promise<CassetteSummary[]> {
    const store = this.deps.store();
    const stored = await store.find(connectorId);
    const connectorFile = stored?.file ?? (connectorName !== undefined ? uniqueConnectorFileName(connectorName, new Set()) : undefined);
    if (!connectorFile) return [];
    return listCassettes(cassetteDir(store.root, connectorFile));
  }

  cancel(runId: string): boolean {
    const run = this.active.get(runId);
    if (!run) return false;
    run.controller.abort();
    return true;
  }

  /** Resolves when the run has finished and its record is written (tests, shutdown). */
  async settled(runId: string): Promise<void> {
    await this.active.get(runId)?.done;
  }

  async cancelAll(): Promise<void> {
    const runs = [...this.active.values()];
    for (const run of runs) run.controller.abort();
    await Promise.all(runs.map((r) => r.done));
  }

  private async finish(runId: string, connector: Connector, mode: RunMode, record: ExecutionRecord, redactor: Redactor, recorder: RecordingTransport | undefined, cassetteFile: string): Promise<void> {
    await this.deps.history.append(connector.id, guardedJson({ mode, record }, redactor));
    if (recorder) await writeCassette(cassetteFile, guardedJson(recorder.toCassette(connector.id, { environment: record.environment, inputs: record.inputs }), redactor));
    this.deps.logger.debug('run recorded', { runId, status: record.status });
  }
}

/** Live runs use the environment as it is; mock and replay runs get stand-ins for what it lacks (see offlineEnvironment). */
function environmentFor(connector: Connector, mode: RunMode, chosen: RunEnvironment | undefined): { environment?: RunEnvironment } {
  const environment = mode === 'live' ? chosen : offlineEnvironment(connector, chosen);
  return environment ? { environment } : {};
}
