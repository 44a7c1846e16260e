/** The Supabase account (`account.*`, issue 5): sign-in and the remote workspace the folder is linked to. */
import { z } from 'zod';
import { call, noParams, type DomainCallSpecs } from './call.js';

export const AccountStatusSchema = z.object({
  /** False until settings hold a Supabase URL and anon key. */
  configured: z.boolean(),
  user: z.object({ id: z.string(), email: z.string() }).nullable(),
  /** The remote workspace linked to the open workspace folder. */
  workspace: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Finished local test runs are pushed (redacted) to connector_executions. */
  pushRuns: z.boolean(),
});
export type AccountStatus = z.infer<typeof AccountStatusSchema>;

export const RemoteWorkspaceSchema = z.object({ id: z.string(), name: z.string(), role: z.string() });
export type RemoteWorkspace = z.infer<typeof RemoteWorkspaceSchema>;

export const accountCalls = {
  'account.status': call(noParams, AccountStatusSchema),
  'account.signIn': call(z.object({ email: z.string().min(3).max(320), password: z.string().min(1, 'enter your password').max(1024) }).strict(), AccountStatusSchema),
  'account.signOut': call(noParams, AccountStatusSchema),
  'account.workspaces': call(noParams, z.array(RemoteWorkspaceSchema)),
  /** Links the open workspace folder to a remote workspace (null unlinks); `pushRuns` toggles run upload. */
  'account.selectWorkspace': call(z.object({ workspaceId: z.string().uuid().nullable(), pushRuns: z.boolean().optional() }).strict(), AccountStatusSchema),
} satisfies DomainCallSpecs<'account'>;
