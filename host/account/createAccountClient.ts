/**
 * The one place a Supabase client is made for the signed-in user. Realtime uses Node 22's
 * global WebSocket (sync itself polls through RPCs).
 */
import { createClient, type SupabaseClient, type SupportedStorage } from '@supabase/supabase-js';

/** Fixed so the vault entry is the same whatever the project URL (one account at a time). */
export const SESSION_STORAGE_KEY = 'supabase.session';

export function createAccountClient(url: string, anonKey: string, storage: SupportedStorage, options: { autoRefreshToken?: boolean } = {}): SupabaseClient {
  return createClient(url, anonKey, {
    auth: {
      storage,
      storageKey: SESSION_STORAGE_KEY,
      persistSession: true,
      autoRefreshToken: options.autoRefreshToken ?? true,
      detectSessionInUrl: false,
    },
  });
}
