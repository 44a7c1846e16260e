/**
 * The workspace's credentials, read server-side through get_credential_for_execution (service
 * role only; each read writes a 'use' row to credential_audit_log). A value is read when the
 * run first needs it, on the job's own connection, and kept in memory for that run only; it is
 * never logged or queued.
 */
import type { SecretResolver } from '../core/index.js';
import type { SqlRunner } from './database.js';

export function createAuditedCredentials(sql: SqlRunner, workspaceId: string, connectorId: string): SecretResolver {
  const values = new Map<string, Promise<string | undefined>>();
  return {
    get(name) {
      let value = values.get(name);
      if (!value) {
        value = sql.query<{ value: string | null }>(
          `select public.get_credential_for_execution($1, $2, $3) as value`,
          [workspaceId, name, connectorId],
        ).then(({ rows }) => rows[0]?.value ?? undefined, (error: unknown) => {
          // A credential that is not set: the core reports which one is missing, in the step's terms.
          if (isNotFound(error)) return undefined;
          throw error;
        });
        values.set(name, value);
      }
      return value;
    },
  };
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'PT404';
}
