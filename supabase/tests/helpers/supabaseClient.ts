/** A supabase-js client exactly as the app creates one (an explicit `ws` transport, as older runtimes need). */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import WebSocket from 'ws';

export function createTestClient(url: string, anonKey: string): SupabaseClient {
  return createClient(url, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as unknown as NonNullable<Parameters<typeof createClient>[2]>['realtime'] extends infer R ? R extends { transport?: infer T } ? T : never : never },
  });
}
