/**
 * The ports a Trigger.dev machine gives executeConnectorJob, made once per process from its
 * environment: DATABASE_URL (the Supabase project's Postgres, used as service_role) and the
 * guarded Node transport (CONNECTOR_STUDIO_ALLOW_ADDRESSES only for tests). No connector
 * slots: the task's queue and concurrencyKey cap each connector.
 */
import { systemClock } from '#core';
import { createAddressGuard, parseAllowList } from '../host/http/addressGuard.js';
import { createNodeTransport } from '../host/http/createNodeTransport.js';
import { createServiceDatabase } from '../server/database.js';
import type { ServerPorts } from '../server/ports.js';

let ports: ServerPorts | undefined;

export function serverPortsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerPorts {
  if (ports) return ports;
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: add the Supabase project\'s Postgres connection string to the Trigger.dev environment variables.');
  ports = {
    db: createServiceDatabase(databaseUrl, { max: 4 }),
    transport: createNodeTransport({ addressGuard: createAddressGuard({ allow: parseAllowList(env.CONNECTOR_STUDIO_ALLOW_ADDRESSES) }) }),
    clock: systemClock,
  };
  return ports;
}

/** Closes the shared pool (tests; a Trigger.dev machine keeps it for its lifetime). */
export async function closeServerPorts(): Promise<void> {
  const current = ports;
  ports = undefined;
  await current?.db.close();
  (current?.transport as { close?: () => void } | undefined)?.close?.();
}
