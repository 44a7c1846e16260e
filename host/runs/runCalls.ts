/** The `runs.*` calls: start and cancel runs, their history and the connector's cassettes. */
import type { HostCallName } from '../../contract/hostApi.js';
import type { CoreServices } from '../api/coreServices.js';
import type { DomainCalls } from '../api/hostExtension.js';

export function runCalls({ runs, history }: CoreServices): DomainCalls<Extract<HostCallName, `runs.${string}`>> {
  return {
    'runs.start': async (params) => runs.start(params),
    'runs.cancel': async ({ runId }) => ({ cancelled: runs.cancel(runId) }),
    'runs.history': async ({ connectorId, limit }) => history.list(connectorId, limit),
    'runs.get': async ({ connectorId, runId }) => history.get(connectorId, runId),
    'runs.cassettes': async ({ connectorId, connectorName }) => runs.cassettes(connectorId, connectorName),
    'runs.prune': async ({ connectorId, keep }) => ({ removed: await history.prune(connectorId, keep) }),
  };
}
