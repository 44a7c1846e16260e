/**
 * The one place the host reaches core's executor, so tests can inject a runner (e.g. one
 * that blocks until cancelled) and the import stays in one line.
 */
import type { Connector } from '../../core/schema/connector.js';
import type { ExecutionRecord, RunOptions } from '../../core/executor/types.js';
import { runConnector } from '../../core/executor/index.js';

export type RunConnectorFn = (connector: Connector, options: RunOptions) => Promise<ExecutionRecord>;

export const coreRunConnector: RunConnectorFn = runConnector;
