/**
 * The local Supabase for tests: a database (PGlite or DATABASE_URL) with the project's
 * migrations, identity switching like PostgREST, fixtures, and the HTTP gateway that
 * @supabase/supabase-js talks to unchanged.
 */
export { startGateway, type Gateway, type GatewayFault, type GatewayOptions } from './server.js';
export { createTestDatabase, applyMigrations, type TestDatabase, type CreateTestDatabaseOptions } from './testDatabase.js';
export { createPgliteDatabase, createPostgresDatabase, type SqlDatabase, type SqlSession, type SqlResult } from './database.js';
export { withClaims, applyClaims, anonClaims, userClaims, serviceClaims, type JwtClaims, type ApiRole } from './claims.js';
export { createUser, createWorkspace, addMember, removeMember, makeSaasAdmin, type TestUser, type WorkspaceRole } from './fixtures.js';
export { startLocalSupabase, type LocalSupabase } from './localSupabase.js';
