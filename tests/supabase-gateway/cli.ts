/**
 * Starts a local Supabase (database + gateway) outside Vitest, e.g. for browser-mode e2e or
 * manual testing: `npm run supabase:gateway` prints {url, anonKey, serviceKey} as one JSON
 * line and serves until interrupted. Uses DATABASE_URL when set, PGlite otherwise.
 * Optional seed: SEED_USERS="alice@example.com:password,…" creates users with one workspace each.
 */
import { createUser, createWorkspace } from './fixtures.js';
import { startLocalSupabase } from './localSupabase.js';

// A fixed port only for manual runs; tests and e2e use the default (a free port) and read the url.
const supa = await startLocalSupabase({ port: Number(process.env.GATEWAY_PORT ?? 0) });
const users: Array<{ email: string; id: string; workspaceId: string }> = [];
for (const entry of (process.env.SEED_USERS ?? '').split(',').filter(Boolean)) {
  const [email, password] = entry.split(':');
  if (!email || !password) throw new Error(`SEED_USERS entries look like email:password (got "${entry}")`);
  const user = await createUser(supa.db, email, password);
  users.push({ email: user.email, id: user.id, workspaceId: await createWorkspace(supa.db, `${email}'s workspace`, user.id) });
}
console.log(JSON.stringify({ url: supa.url, anonKey: supa.anonKey, serviceKey: supa.serviceKey, backend: supa.db.backend, users }));

const stop = async () => {
  await supa.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
