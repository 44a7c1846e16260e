/**
 * The connector a job runs, as it is now in Supabase (its current revision), checked before
 * anything else happens: it must exist in the job's workspace, be live and be enabled.
 */
import { loadConnectorDocument, type Connector } from '../core/index.js';
import type { ServiceDatabase } from './database.js';
import { NonRetryableJobError } from './errors.js';

export interface LoadedConnector {
  connector: Connector;
  revision: number;
  name: string;
}

interface ConnectorRow {
  workspace_id: string;
  name: string;
  config: unknown;
  enabled: boolean;
  deleted_at: string | null;
  revision: string | number;
}

export async function loadConnector(db: ServiceDatabase, connectorId: string, workspaceId: string): Promise<LoadedConnector> {
  const row = await db.asService(async (sql) => {
    const { rows } = await sql.query<ConnectorRow>(
      `select workspace_id, name, config, enabled, deleted_at, revision from public.connectors where id = $1`,
      [connectorId],
    );
    return rows[0];
  });
  // Another workspace's connector reads exactly like a missing one: the job learns nothing about it.
  if (!row || row.workspace_id !== workspaceId) {
    throw new NonRetryableJobError('connector_not_found', `Connector ${connectorId} is not in workspace ${workspaceId}; sync it to that workspace and enqueue the run again.`);
  }
  if (row.deleted_at) {
    throw new NonRetryableJobError('connector_deleted', `Connector "${row.name}" was deleted; the run was not started.`);
  }
  if (!row.enabled) {
    throw new NonRetryableJobError('connector_disabled', `Connector "${row.name}" is disabled; enable it on the dashboard and enqueue the run again.`);
  }
  let connector: Connector;
  try {
    connector = loadConnectorDocument(row.config);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new NonRetryableJobError('invalid_connector', `Connector "${row.name}" is not a valid connector document (${message}); fix it in the app and sync it again.`);
  }
  return { connector, revision: Number(row.revision), name: row.name };
}
