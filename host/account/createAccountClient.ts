/**
 * The one place a Supabase client is made for the signed-in user. Node 20 has no global
 * WebSocket, and supabase-js refuses to start without a realtime transport: `ws` fills in
 * (realtime itself is not used; sync polls through RPCs).
 */
import { createClient, type SupabaseClient, type SupportedStorage } from '@supabase/supabase-js';
import WebSocket from 'ws';

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
    realtime: { transport: WebSocket as never },
  });
}
