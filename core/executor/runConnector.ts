/**
 * Runs a connector's DAG with real concurrency: a step starts as soon as all its
 * predecessors have settled, so parallel branches overlap. Which steps run follows the
 * skip rule (skipRule.ts, README.md). Everything that leaves this function (events and the
 * record) has passed through the redactor.
 */
import { ConnectorError, toConnectorError } from '../errors/ConnectorError.js';
import { createOAuthTokenCache } from '../auth/oauthTokenCache.js';
import { evaluateCondition } from '../expression/evaluate.js';
import { applyFieldMappings } from '../mapping/applyFieldMappings.js';
import { systemClock } from '../ports/index.js';
import { createRateLimiterRegistry } from '../ratelimit/createRateLimiterRegistry.js';
import { createRedactor, type RedactionPatternCache } from '../redaction/createRedactor.js';
import { redactingLogger } from '../redaction/redactingLogger.js';
import type { SecretResolver } from '../ports/index.js';
import { CONNECTOR_LIMITS } from '../schema/limits.js';
import type { Connector, Step } from '../schema/connector.js';
import type { Scope } from '../template/scope.js';
import { createAttemptSignals } from './attemptSignals.js';
import { connectorPlan } from './connectorPlan.js';
import { EXECUTOR_DEFAULTS } from './limits.js';
import { resolveCredentials } from './resolveCredentials.js';
import { resolveInputs } from './resolveInputs.js';
import type { StepContext } from './runStep.js';
import { stepKindOf } from '../steps/registry.js';
import type { StepKindDefinition } from '../steps/stepKind.js';
import { noTransport } from './noTransport.js';
import { stepInProse } from '../validation/location.js';
import { startTimer } from './startTimer.js';
import { decideStep, type IncomingEdge, type SettledState } from './skipRule.js';
import type { ExecutionRecord, InputValue, RunEvent, RunOptions, RunStatus, StepRecord } from './types.js';

type StepState = 'pending' | 'running' | SettledState | 'ignored';
type StopCause = { status: Exclude<RunStatus, 'success'>; error: ConnectorError; reason: string; abortError?: ConnectorError };

function newRunId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Compiled redaction patterns per secret resolver: a batch resolves the same credentials on every run. */
const redactionPatterns = new WeakMap<SecretResolver, RedactionPatternCache>();

function patternCacheFor(secrets: SecretResolver): RedactionPatternCache {
  let cache = redactionPatterns.get(secrets);
  if (!cache) {
    cache = new Map();
    redactionPatterns.set(secrets, cache);
  }
  return cache;
}

export async function runConnector(connector: Connector, options: RunOptions): Promise<ExecutionRecord> {
  const clock = options.clock ?? systemClock;
  const runId = options.runId ?? newRunId();
  const startedAt = clock.now();
  const redactor = options.redactor ?? createRedactor({}, patternCacheFor(options.secrets));
  // Log lines carry error messages and request details: redacted like everything else.
  const logger = options.logger && redactingLogger(options.logger, redactor);
  const onEvent = options.onEvent;
  // Without a listener there is nothing to build, redact or deliver: `emit?.(…)` then skips even
  // making the event (most batch runs have no listener).
  const emit = onEvent && ((event: RunEvent) => {
    try {
      onEvent(redactor.redactValue(event));
    } catch (error) {
      logger?.warn('A run event listener threw; the run goes on.', { error: String(error) });
    }
  });

  const plan = connectorPlan(connector);
  const steps = plan.steps;
  const state = new Map<string, StepState>(connector.steps.map((step) => [step.id, 'pending']));
  const outputs = new Map<string, Record<string, unknown>>();
  const records = new Map<string, StepRecord>();
  const pinned = options.pinnedOutputs ?? {};
  const only = options.onlySteps ? new Set(options.onlySteps) : undefined;

  // Steps that are not run: pinned ones lend their outputs, unselected ones are left out.
  for (let i = 0; i < connector.steps.length; i++) {
    const step = connector.steps[i] as Step;
    if (only?.has(step.id)) continue;
    if (Object.hasOwn(pinned, step.id)) {
      state.set(step.id, 'succeeded');
      outputs.set(step.id, pinned[step.id] ?? {});
      records.set(step.id, { id: step.id, name: step.name, status: 'skipped', skipReason: 'not run: reused its pinned outputs', durationMs: 0, attempts: [], outputs: pinned[step.id] ?? {} });
    } else if (only) {
      state.set(step.id, 'ignored');
      records.set(step.id, { id: step.id, name: step.name, status: 'skipped', skipReason: 'not selected for this run', durationMs: 0, attempts: [], outputs: {} });
    }
  }

  // The whole run shares one stop signal: cancellation, the deadline, or a failed step.
  const stop = new AbortController();
  let stopCause: StopCause | undefined;
  const stopRun = (cause: StopCause) => {
    if (stopCause) return;
    stopCause = cause;
    stop.abort(cause.abortError ?? cause.error);
  };
  const onCancel = () => stopRun({ status: 'cancelled', error: new ConnectorError('CANCELLED', 'The run was cancelled.'), reason: 'run cancelled' });
  if (options.signal?.aborted) onCancel();
  options.signal?.addEventListener('abort', onCancel, { once: true });
  const maxExecutionMs = Math.min(options.maxExecutionMs ?? CONNECTOR_LIMITS.MAX_EXECUTION_TIME_MS, CONNECTOR_LIMITS.MAX_EXECUTION_TIME_MS);
  const deadlineAt = startedAt + maxExecutionMs;
  const cancelDeadline = startTimer(clock, maxExecutionMs, () =>
    stopRun({ status: 'timeout', error: new ConnectorError('TIMEOUT', `The run took longer than ${maxExecutionMs / 1000} s and was stopped.`, { hint: 'Lower step timeouts and retries, or split the connector: a run may take at most 60 s.' }), reason: 'run timed out' }),
  );

  const env = options.environment ? { ...options.environment.variables, ...options.environment.secrets } : undefined;
  let inputs: Record<string, InputValue> = { ...options.inputs };
  // A connector over the limits is refused before anything is resolved or sent.
  let setupError: ConnectorError | undefined = plan.refused;
  let credentials: Record<string, string> = {};
  if (!setupError) try {
    inputs = resolveInputs(connector.inputs, options.inputs);
    const toRun = connector.steps.filter((step) => state.get(step.id) === 'pending');
    credentials = await resolveCredentials(connector, toRun, options.secrets, options.stepKinds);
    // An offline run's placeholder for an unset credential is skipped by addSecret: it is not a secret.
    for (const name in credentials) if (Object.hasOwn(credentials, name)) redactor.addSecret(name, credentials[name] as string);
    const envSecrets = options.environment?.secrets ?? {};
    for (const name in envSecrets) if (Object.hasOwn(envSecrets, name)) redactor.addSecret(`env.${name}`, envSecrets[name] as string);
  } catch (error) {
    setupError = toConnectorError(error);
  }

  emit?.({ type: 'run.started', runId, at: startedAt, stepIds: connector.steps.map((step) => step.id) });

  const skip = (step: Step, reason: string) => {
    state.set(step.id, 'skipped');
    const record: StepRecord = { id: step.id, name: step.name, status: 'skipped', skipReason: reason, durationMs: 0, attempts: [], outputs: {} };
    records.set(step.id, redactor.redactValue(record));
    emit?.({ type: 'step.skipped', runId, stepId: step.id, at: clock.now(), reason: record.skipReason ?? reason });
  };

  /** Inputs, credentials and the outputs of the step's ancestors (null for those that did not succeed). */
  // The loops that run for every step of every run are indexed: a batch runs them in code V8
  // leaves unoptimised (bin/connector-studio.cjs), where for…of allocates a result per element.
  const scopeFor = (step: Step): Scope => {
    // Prototype-less maps keyed by step ids and output names.
    const visible: Record<string, Record<string, unknown>> = Object.create(null);
    const ancestors = plan.ancestors.get(step.id) ?? [];
    for (let i = 0; i < ancestors.length; i++) {
      const id = ancestors[i] as string;
      const ancestor = steps.get(id) as Step;
      const own = state.get(id) === 'succeeded' ? outputs.get(id) : undefined;
      const entry: Record<string, unknown> = Object.create(null);
      for (let k = 0; k < ancestor.outputs.length; k++) entry[(ancestor.outputs[k] as Step['outputs'][number]).name] = null;
      visible[id] = Object.assign(entry, own);
    }
    return { inputs, credentials, ...(env ? { env } : {}), steps: visible };
  };

  // Only a run with onlySteps has ignored steps; otherwise the plan's own edge list serves as is.
  const incomingOf = (step: Step): readonly IncomingEdge[] => {
    const edges = plan.incoming.get(step.id) ?? [];
    return only ? edges.filter((edge) => state.get(edge.source) !== 'ignored') : edges;
  };
  const everySettled = (edges: readonly IncomingEdge[]) => {
    for (let i = 0; i < edges.length; i++) if (!settled((edges[i] as IncomingEdge).source)) return false;
    return true;
  };
  const settled = (id: string) => {
    const s = state.get(id);
    return s === 'succeeded' || s === 'failed' || s === 'skipped';
  };

  if (setupError) {
    for (const step of connector.steps) if (state.get(step.id) === 'pending') skip(step, `run failed: ${setupError.message}`);
  } else {
    let order: readonly string[];
    if (Array.isArray(plan.order)) {
      order = plan.order;
    } else {
      setupError = plan.order as ConnectorError;
      order = [];
      for (const step of connector.steps) skip(step, `run failed: ${setupError.message}`);
    }
    const context: StepContext = {
      runId,
      connector,
      transport: options.transport,
      clock,
      random: options.random ?? Math.random,
      redactor,
      rateLimiter: options.rateLimiter ?? createRateLimiterRegistry(clock),
      rateLimitKey: connector.rateLimit.serviceKey || connector.id,
      tokenCache: options.tokenCache ?? createOAuthTokenCache(clock),
      authSessions: options.authSessions ?? new Map(),
      saveCredential: options.secrets.set ? (name, value) => Promise.resolve(options.secrets.set?.(name, value)) : undefined,
      signal: stop.signal,
      attemptSignals: createAttemptSignals(stop.signal),
      deadlineAt,
      maxResponseBytes: options.maxResponseBytes ?? EXECUTOR_DEFAULTS.MAX_RESPONSE_BYTES,
      maxRedirects: options.maxRedirects ?? EXECUTOR_DEFAULTS.MAX_REDIRECTS,
      recordDetail: options.recordDetail ?? 'full',
      emit,
    };
    // Kinds that send no request run without the run's transport (live, mock or replay alike).
    const requestless: StepContext = { ...context, transport: noTransport };

    await new Promise<void>((allSettled) => {
      let running = 0;
      const pump = () => {
        for (let progressed = true; progressed; ) {
          progressed = false;
          for (let i = 0; i < order.length; i++) {
            const id = order[i] as string;
            const step = steps.get(id) as Step;
            if (state.get(id) !== 'pending') continue;
            if (stopCause) {
              skip(step, stopCause.reason);
              continue;
            }
            const incoming = incomingOf(step);
            if (!everySettled(incoming)) continue;
            const scope = scopeFor(step);
            let decision: ReturnType<typeof decideStep>;
            try {
              decision = decideStep(step, incoming, state as ReadonlyMap<string, SettledState>, (condition) => evaluateCondition(condition, scope));
            } catch (error) {
              settle(step, { status: 'failed', record: failedBeforeStart(step, toConnectorError(error)), outputs: {}, error: toConnectorError(error) });
              progressed = true;
              continue;
            }
            if (!decision.run) {
              skip(step, decision.reason);
              progressed = true;
              continue;
            }
            let kind: StepKindDefinition;
            try {
              kind = stepKindOf(step, options.stepKinds);
            } catch (error) {
              settle(step, { status: 'failed', record: failedBeforeStart(step, toConnectorError(error)), outputs: {}, error: toConnectorError(error) });
              progressed = true;
              continue;
            }
            state.set(id, 'running');
            running += 1;
            emit?.({ type: 'step.started', runId, stepId: id, at: clock.now() });
            // A kind's execute returns its failures as records; one that throws still fails only its step.
            void kind.execute(step, scope, kind.transport.sends === 'none' ? requestless : context)
              .catch((error: unknown) => {
                const failure = toConnectorError(error);
                return { status: 'failed' as const, record: failedBeforeStart(step, failure), outputs: {}, error: failure };
              })
              .then((result) => {
                running -= 1;
                settle(step, result);
                pump();
              });
          }
        }
        if (running === 0) allSettled();
      };
      const failedBeforeStart = (step: Step, error: ConnectorError): StepRecord => ({ id: step.id, name: step.name, status: 'failed', durationMs: 0, attempts: [], outputs: {}, error: redactor.redactValue(error.toJSON()) });
      const settle = (step: Step, result: { status: 'success' | 'failed'; record: StepRecord; outputs: Record<string, unknown>; error?: ConnectorError }) => {
        records.set(step.id, result.record);
        if (result.status === 'success') {
          state.set(step.id, 'succeeded');
          outputs.set(step.id, result.outputs);
          emit?.({ type: 'step.succeeded', runId, stepId: step.id, at: clock.now(), result: result.record });
          return;
        }
        state.set(step.id, 'failed');
        emit?.({ type: 'step.failed', runId, stepId: step.id, at: clock.now(), result: result.record });
        if (!connector.settings.continueOnError && !stopCause) {
          const error = result.error ?? new ConnectorError('INTERNAL', `${stepInProse(step)} failed.`);
          stopRun({
            status: 'failed',
            error: new ConnectorError(error.code, `${stepInProse(step)} failed: ${error.message}`, { hint: error.hint, path: error.path }),
            reason: 'run failed',
            // In-flight steps are not at fault: they end CANCELLED, naming the step that failed.
            abortError: new ConnectorError('CANCELLED', `Stopped: ${stepInProse(step)} failed.`, { hint: 'Turn on Settings › Continue on error to let the other steps finish.' }),
          });
        }
      };
      pump();
    });
  }

  cancelDeadline();
  options.signal?.removeEventListener('abort', onCancel);

  const status: RunStatus = setupError ? 'failed' : (stopCause?.status ?? 'success');
  const runError = setupError ?? stopCause?.error;
  const finishedAt = clock.now();
  const succeededOutputs: Record<string, Record<string, unknown>> = {};
  outputs.forEach((value, id) => {
    if (state.get(id) === 'succeeded') succeededOutputs[id] = value;
  });
  const record: ExecutionRecord = redactor.redactValue({
    runId,
    connectorId: connector.id,
    connectorName: connector.name,
    status,
    startedAt,
    finishedAt,
    durationMs: finishedAt - startedAt,
    inputs,
    steps: connector.steps.map((step) => records.get(step.id) ?? { id: step.id, name: step.name, status: 'skipped', skipReason: 'never reached', durationMs: 0, attempts: [], outputs: {} }),
    contact: status === 'success' ? applyFieldMappings(connector, succeededOutputs, options.contact) : {},
    ...(options.contact ? { contactBefore: options.contact } : {}),
    ...(runError ? { error: runError.toJSON() } : {}),
    ...(options.environment ? { environment: options.environment.name } : {}),
  });
  emit?.({ type: 'run.finished', runId, at: finishedAt, record });
  if (stopCause && stopCause.status !== 'failed') logger?.info(`Run ${runId} ended: ${stopCause.status}.`);
  return record;
}
