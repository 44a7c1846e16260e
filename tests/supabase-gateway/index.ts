/**
 * The local Supabase for tests: a database (PGlite or DATABASE_URL) with the project's
 * migrations, identity switching like PostgREST, fixtures, and the HTTP gateway that
 * @supabase/supabase-js talks to unchanged.
 */
export { startGateway, type Gateway } from './server.js';
export { freePort } from './freePort.js';
export { userClaims, withClaims } from './claims.js';
export { createUser, createWorkspace, addMember, removeMember, makeSaasAdmin, type TestUser } from './fixtures.js';
export { startLocalSupabase, type LocalSupabase } from './localSupabase.js';
