/**
 * The one place the host reaches core's executor, so tests can inject a runner and the
 * import stays in one line.
 */
import type { Connector } from '../../core/schema/connector.js';
import type { ExecutionRecord, RunOptions } from '../../core/executor/types.js';
import { ConnectorError } from '../../core/errors/ConnectorError.js';

export type RunConnectorFn = (connector: Connector, options: RunOptions) => Promise<ExecutionRecord>;

// TEMPORARY until core/executor/runConnector lands: replaced by `export { runConnector } from '../../core/index.js'`.
export const coreRunConnector: RunConnectorFn = async () => {
  throw new ConnectorError('INTERNAL', 'The core executor is not available in this build.');
};
