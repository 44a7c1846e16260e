/**
 * Which credentials the last run of each connector read, so the next run's first statement
 * (start_server_execution) can read them too and the run needs no statement of its own for
 * them. Names only, never values; per worker process, a bounded map. After an edit that
 * changes which credentials a connector uses, one run reads the old set (each read audited as
 * always) and the next ones the new.
 */
const MAX_CONNECTORS = 256;
const lastRead = new Map<string, readonly string[]>();

export function credentialsToPrefetch(connectorId: string): readonly string[] {
  return lastRead.get(connectorId) ?? [];
}

export function rememberCredentialsRead(connectorId: string, names: readonly string[]): void {
  lastRead.delete(connectorId);
  if (lastRead.size >= MAX_CONNECTORS) lastRead.delete(lastRead.keys().next().value as string);
  lastRead.set(connectorId, [...names].sort());
}
