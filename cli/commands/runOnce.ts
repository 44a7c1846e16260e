/** One run of the `run` command, shared by a single run and every row of --data. */
import {
  runConnector,
  systemClock,
  toConnectorError,
  type Connector,
  type ExecutionRecord,
  type InputValue,
  type RateLimiterRegistry,
  type Redactor,
  type RecordDetail,
  type RunEnvironment,
  type SecretResolver,
} from '#core';
import { nextRunId } from './cliRunIds.js';
import type { CommandContext } from './context.js';

/** Everything one run needs besides its inputs; shared by all rows of --data. */
export interface RunSetup {
  connector: Connector;
  secrets: SecretResolver;
  rateLimiter: RateLimiterRegistry;
  /** The one redactor of this command: the terminal, the records and a recorded cassette. */
  redactor: Redactor;
  context: CommandContext;
  environment?: RunEnvironment;
  /** 'summary' unless something needs the requests and responses (see RunOptions.recordDetail). */
  recordDetail: RecordDetail;
}

/** One run; an error thrown before any step starts becomes a failed record, so callers handle one shape. */
export async function runOnce(setup: RunSetup, transport: Parameters<typeof runConnector>[1]['transport'], inputs: Record<string, InputValue>): Promise<ExecutionRecord> {
  const startedAt = Date.now();
  try {
    return await runConnector(setup.connector, {
      runId: nextRunId(),
      inputs,
      transport,
      secrets: setup.secrets,
      clock: systemClock,
      signal: setup.context.signal,
      rateLimiter: setup.rateLimiter,
      redactor: setup.redactor,
      recordDetail: setup.recordDetail,
      ...(setup.environment ? { environment: setup.environment } : {}),
    });
  } catch (error) {
    const finishedAt = Date.now();
    return {
      runId: '',
      connectorId: setup.connector.id,
      connectorName: setup.connector.name,
      status: 'failed',
      startedAt,
      finishedAt,
      durationMs: finishedAt - startedAt,
      inputs,
      steps: [],
      contact: {},
      error: toConnectorError(error).toJSON(),
    };
  }
}
