/**
 * The one place the host reaches core's executor, so tests can inject a runner (e.g. one
 * that blocks until cancelled) and the import stays in one line.
 */
import { type Connector, type ExecutionRecord, type RunOptions, runConnector } from '#core';

export type RunConnectorFn = (connector: Connector, options: RunOptions) => Promise<ExecutionRecord>;

export const coreRunConnector: RunConnectorFn = runConnector;
