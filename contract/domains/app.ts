/** The app itself: what it is and how its vault is protected (`app.*`), and the menu's commands. */
import { z } from 'zod';
import { call, noParams, type DomainCallSpecs } from './call.js';

export const VaultStatusSchema = z.object({
  /** How the data key is protected: Electron safeStorage or an owner-only key file. */
  protector: z.enum(['safeStorage', 'keyFile']),
  /** False when the key is stored in a way other local users or apps could read. */
  secure: z.boolean(),
  /** Why it is not available or not secure, in words the user can act on. */
  message: z.string().optional(),
});
export type VaultStatus = z.infer<typeof VaultStatusSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  platform: z.string(),
  apiVersion: z.number(),
  vault: VaultStatusSchema,
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const APP_COMMANDS = ['new', 'openWorkspace', 'save', 'undo', 'redo', 'run'] as const;

export const appCalls = {
  'app.info': call(noParams, AppInfoSchema),
} satisfies DomainCallSpecs<'app'>;

export const appEvents = {
  /** A menu item or accelerator the renderer acts on (Electron). */
  'app.command': z.object({ command: z.enum(APP_COMMANDS) }),
};
