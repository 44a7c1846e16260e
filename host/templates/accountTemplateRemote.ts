/** The template remote of the signed-in account (host/account), or null when signed out. */
import type { SupabaseClient } from '@supabase/supabase-js';
import { supabaseTemplateRemote } from './supabaseTemplateRemote.js';
import type { TemplateRemoteProvider } from './templateRemote.js';

export interface SignedInContextSource {
  signedInContext(): Promise<{ client: SupabaseClient; userId: string; workspaceId: string | null } | null>;
  /** Why the project gave no answer: no network here, or the project itself (its `summary` is one clause). */
  connectionProblem?(): Promise<{ summary: string }>;
}

export function accountTemplateRemote(account: SignedInContextSource): TemplateRemoteProvider {
  return async () => {
    const context = await account.signedInContext();
    return context ? supabaseTemplateRemote(context.client, context) : null;
  };
}
