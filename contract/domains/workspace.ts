/** The open workspace folder (`workspace.*`): opening, creating and the recent list. */
import { z } from 'zod';
import { call, noParams, type DomainCallSpecs } from './call.js';

const absolutePath = z.string().min(1, 'give a folder path').max(4096);

export const WorkspaceInfoSchema = z.object({
  path: z.string(),
  /** The folder's base name, for titles. */
  name: z.string(),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfoSchema>;

export const RecentWorkspaceSchema = WorkspaceInfoSchema.extend({
  openedAt: z.number(),
  /** False when the folder has since been moved or deleted. */
  exists: z.boolean(),
});
export type RecentWorkspace = z.infer<typeof RecentWorkspaceSchema>;

export const PickFolderResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('picked'), path: z.string() }),
  z.object({ status: z.literal('cancelled') }),
  /** Browser mode has no native dialog: the UI shows a path text field instead. */
  z.object({ status: z.literal('unsupported'), reason: z.string() }),
]);
export type PickFolderResult = z.infer<typeof PickFolderResultSchema>;

export const workspaceCalls = {
  'workspace.current': call(noParams, WorkspaceInfoSchema.nullable()),
  'workspace.open': call(z.object({ path: absolutePath }).strict(), WorkspaceInfoSchema),
  /** Creates the folder when missing (it must be empty or absent) and opens it. */
  'workspace.create': call(z.object({ path: absolutePath }).strict(), WorkspaceInfoSchema),
  'workspace.recent': call(noParams, z.array(RecentWorkspaceSchema)),
  'workspace.pickFolder': call(z.object({ title: z.string().max(200).optional() }).strict().optional(), PickFolderResultSchema),
} satisfies DomainCallSpecs<'workspace'>;

export const workspaceEvents = {
  /** Another workspace was opened (e.g. from the Electron menu). */
  'workspace.changed': z.object({ workspace: WorkspaceInfoSchema.nullable() }),
};
