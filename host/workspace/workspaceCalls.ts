/** The `workspace.*` calls: the open folder, opening or creating one, the recent list and the folder dialog. */
import type { HostCallName } from '../../contract/hostApi.js';
import type { CoreServices } from '../api/coreServices.js';
import type { DomainCalls } from '../api/hostExtension.js';

export function workspaceCalls({ session, recent, pickFolder }: CoreServices): DomainCalls<Extract<HostCallName, `workspace.${string}`>> {
  return {
    'workspace.current': async () => session.info(),
    'workspace.open': async ({ path }) => session.open(path),
    'workspace.create': async ({ path }) => session.create(path),
    'workspace.recent': async () => recent.list(),
    'workspace.pickFolder': async (params) =>
      pickFolder ? pickFolder(params?.title) : { status: 'unsupported', reason: 'Browser mode has no folder dialog: type the folder path instead.' },
  };
}
