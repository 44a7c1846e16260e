/**
 * A database for the server tests: migrations applied, one workspace with an owner, a
 * credential, and helpers to add connectors that call the sandbox.
 */
import { withClaims, userClaims } from '../../tests/supabase-gateway/claims.js';
import { createTestDatabase, type TestDatabase } from '../../tests/supabase-gateway/testDatabase.js';
import { createUser, createWorkspace, type TestUser } from '../../tests/supabase-gateway/fixtures.js';

/** The credential value every test hunts for afterwards (in rows, logs, jobs). */
export const CANARY = 'sk-canary-7f3b9d2e41c8a6f0';

export interface ServerWorld {
  db: TestDatabase;
  url: string;
  owner: TestUser;
  workspaceId: string;
  otherWorkspaceId: string;
  otherOwner: TestUser;
}

export interface SandboxConnectorOptions {
  tag: string;
  steps?: number;
  /** Extra query string on every step's URL (delay=…, status=…). */
  query?: string;
  rateLimit?: Record<string, unknown>;
  enabled?: boolean;
  workspaceId?: string;
  owner?: TestUser;
  maxRetries?: number;
  baseUrl: string;
}

export function sandboxConnectorDocument(options: SandboxConnectorOptions) {
  const stepCount = options.steps ?? 1;
  const query = options.query ? `&${options.query}` : '';
  const steps = Array.from({ length: stepCount }, (_, i) => ({
    id: `step_${i + 1}`,
    name: `Step ${i + 1}`,
    method: 'GET',
    url: `${options.baseUrl}/c/${options.tag}/s${i + 1}?q={{email}}${query}`,
    outputs: [{ name: 'name', path: '$.name' }],
  }));
  return {
    schemaVersion: 2,
    id: options.tag,
    name: `Sandbox ${options.tag}`,
    inputs: [{ name: 'email', type: 'string', required: true }],
    credentials: [{ name: 'api_key', label: 'API key' }],
    auth: { type: 'bearer', token: '{{credentials.api_key}}' },
    steps,
    edges: steps.slice(1).map((step, i) => ({ id: `e${i + 1}`, source: steps[i]!.id, target: step.id })),
    fieldMappings: [{ source: `step_${stepCount}.name`, target: 'company' }],
    settings: { timeoutMs: 30_000, maxRetries: options.maxRetries ?? 0, continueOnError: false, logResponseData: true },
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
  };
}

export async function createServerWorld(): Promise<ServerWorld> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('the server tests need DATABASE_URL (a real PostgreSQL: workers are separate processes)');
  const db = await createTestDatabase();
  const owner = await createUser(db, 'owner@example.com');
  const otherOwner = await createUser(db, 'other@example.com');
  const workspaceId = await createWorkspace(db, 'Acme', owner.id);
  const otherWorkspaceId = await createWorkspace(db, 'Other', otherOwner.id);
  await withClaims(db, userClaims(owner.id), (s) => s.query(`select set_credential($1, 'api_key', $2)`, [workspaceId, CANARY]));
  const target = new URL(url);
  target.pathname = `/${db.name}`;
  return { db, url: target.toString(), owner, workspaceId, otherWorkspaceId, otherOwner };
}

export async function addConnector(world: ServerWorld, options: SandboxConnectorOptions): Promise<string> {
  const owner = options.owner ?? world.owner;
  const workspaceId = options.workspaceId ?? world.workspaceId;
  const doc = sandboxConnectorDocument(options);
  return withClaims(world.db, userClaims(owner.id), async (s) => {
    const { rows } = await s.query<{ id: string }>(
      `insert into connectors (workspace_id, name, config, enabled) values ($1, $2, $3, $4) returning id`,
      [workspaceId, doc.name, JSON.stringify(doc), options.enabled ?? true],
    );
    return rows[0]!.id;
  });
}

/** enqueue_connector_runs as the workspace owner; returns the run ids. */
export async function enqueue(world: ServerWorld, connectorId: string, inputs: Record<string, unknown>, contactIds?: string[]): Promise<string[]> {
  return withClaims(world.db, userClaims(world.owner.id), async (s) => {
    const { rows } = await s.query<{ ids: string[] }>(`select enqueue_connector_runs($1, $2, $3, $4) as ids`, [
      world.workspaceId,
      connectorId,
      JSON.stringify(inputs),
      contactIds ?? null,
    ]);
    return rows[0]!.ids;
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
