/** Builds a valid connector from a few fields (defaults applied by the real schema). */
import { ConnectorSchema, type Connector, type ConnectorInput } from '../schema/connector.js';

export function makeConnector(partial: Partial<ConnectorInput> & { steps: ConnectorInput['steps'] }): Connector {
  return ConnectorSchema.parse({ schemaVersion: 2, id: 'test-connector', name: 'Test connector', ...partial });
}

export const noSecrets = { get: () => undefined };

export function secretsFrom(values: Record<string, string>) {
  return { get: (name: string) => values[name] };
}
