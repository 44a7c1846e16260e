/**
 * The one place a Supabase client is made for the signed-in user. Realtime uses Node 22's
 * global WebSocket (sync itself polls through RPCs).
 */
import type { SupabaseClient, SupportedStorage } from '@supabase/supabase-js';

/** Fixed so the vault entry is the same whatever the project URL (one account at a time). */
export const SESSION_STORAGE_KEY = 'supabase.session';

type CreateAccountClient = (url: string, anonKey: string, storage: SupportedStorage, options?: { autoRefreshToken?: boolean }) => SupabaseClient;

/** supabase-js (auth, realtime, storage, PostgREST) loads when an account is first used, not at every start of the app. */
export async function loadAccountClientFactory(): Promise<CreateAccountClient> {
  const { createClient } = await import('@supabase/supabase-js');
  return (url, anonKey, storage, options = {}) => createClient(url, anonKey, {
    auth: {
      storage,
      storageKey: SESSION_STORAGE_KEY,
      persistSession: true,
      autoRefreshToken: options.autoRefreshToken ?? true,
      detectSessionInUrl: false,
    },
  });
}
