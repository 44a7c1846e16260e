/**
 * The workspace's credentials, read server-side through get_credential_for_execution (service
 * role only; each read writes a 'use' row to credential_audit_log). A value is read when the
 * run first needs it, on the job's own connection, and kept in memory for that run only; it is
 * never logged or queued.
 *
 * `set` is how a run writes back an OAuth connection it refreshed (refresh_credential_for_execution:
 * service role, audited as 'refresh', and only over the value this run read, so a concurrent
 * refresh by another worker is never overwritten with older tokens).
 */
import type { SecretResolver } from '#core';
import type { SqlRunner } from './database.js';

export interface AuditedCredentials extends SecretResolver {
  /** The names this run read that have a value (the next run of the connector can read them in its first statement). */
  readNames(): Promise<string[]>;
}

/** `read`: values start_server_execution already read for this run (audited there). */
export function createAuditedCredentials(sql: SqlRunner, workspaceId: string, connectorId: string, read: Record<string, string> = {}): AuditedCredentials {
  const values = new Map<string, Promise<string | undefined>>(Object.entries(read).map(([name, value]) => [name, Promise.resolve(value)]));
  const asked = new Set<string>();
  return {
    async readNames() {
      const names: string[] = [];
      for (const name of asked) if ((await values.get(name)?.catch(() => undefined)) !== undefined) names.push(name);
      return names;
    },
    get(name) {
      asked.add(name);
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
    async set(name, value) {
      const expected = await values.get(name);
      if (expected === undefined) return;
      await sql.query(
        `select public.refresh_credential_for_execution($1, $2, $3, $4, $5)`,
        [workspaceId, name, connectorId, expected, value],
      );
      values.set(name, Promise.resolve(value));
    },
  };
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'PT404';
}
