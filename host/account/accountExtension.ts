/**
 * The account and sync calls of the contract as a host-services extension
 * (host/api/hostCallRegistry.ts registers it): Supabase sign-in, the workspace link, sync on demand,
 * periodically and shortly after local changes, run upload after finished runs; server runs
 * of synced connectors and the SaaS admins' metrics through the same signed-in client.
 */
import type { HostCallName } from '../../contract/hostApi.js';
import type { DomainCalls, HostServiceExtension } from '../api/hostExtension.js';
import { AccountService, type AccountServiceOptions } from './AccountService.js';
import { ServerRunService } from './serverRuns.js';

type AccountCallName = Extract<HostCallName, `account.${string}` | `sync.${string}` | `serverRuns.${string}` | `admin.${string}`>;

export type AccountExtensionOptions = Pick<AccountServiceOptions, 'syncIntervalMs' | 'localCheckMs' | 'remotePollMs' | 'networkUp'> & {
  /** Receives the service (tests drive it directly). */
  onService?: (service: AccountService) => void;
};

/** Its started form offers the AccountService to the extensions after it (templates use its signed-in client). */
export function accountExtension(options: AccountExtensionOptions = {}): HostServiceExtension<AccountService> {
  return async (context) => {
    const service = new AccountService({
      userDataDir: context.userDataDir,
      protector: context.protector,
      settings: () => context.settings.get(),
      secrets: () => context.vault.values(),
      credentials: { values: () => context.vault.values(), set: async (name, value) => void (await context.vault.set(name, value)) },
      workspace: () => context.workspace() ?? null,
      emit: (name, payload) => context.emit(name, payload),
      ...(options.syncIntervalMs === undefined ? {} : { syncIntervalMs: options.syncIntervalMs }),
      ...(options.localCheckMs === undefined ? {} : { localCheckMs: options.localCheckMs }),
      ...(options.remotePollMs === undefined ? {} : { remotePollMs: options.remotePollMs }),
      ...(options.networkUp === undefined ? {} : { networkUp: options.networkUp }),
    });
    options.onService?.(service);
    const serverRuns = new ServerRunService(service);
    context.provideTeamRunStats(() => service.teamRunStats());
    context.onKeepMine((connectorId, name) => service.keepMine(connectorId, name));

    const offs = [
      context.subscribe('run.event', ({ connectorId, event }) => {
        if (event.type === 'run.finished') {
          void service.noteRunFinished(connectorId, event.record).catch((error: unknown) => context.logger.warn('run not queued for upload', { error: String(error) }));
        }
      }),
      context.subscribe('workspace.changed', () => service.noteLocalChange()),
    ];
    await service.start();

    const calls: DomainCalls<AccountCallName> = {
      'account.status': () => service.status(),
      'account.signIn': ({ email, password }) => service.signIn(email, password),
      'account.signOut': () => service.signOut(),
      'account.workspaces': () => service.workspaces(),
      'account.selectWorkspace': ({ workspaceId, pushRuns }) => service.selectWorkspace(workspaceId, pushRuns),
      'sync.now': () => service.syncNow(),
      'sync.status': () => service.syncStatus(),
      'sync.conflicts': () => service.conflicts(),
      'sync.resolve': ({ localId, resolution }) => service.resolve(localId, resolution),
      'sync.log': () => service.log(),
      'sync.notices': () => service.notices(),
      'sync.held': () => service.held(),
      'sync.moveSecret': ({ localId, path }) => service.moveSecret(localId, path),
      'sync.dismissNotice': async ({ id }) => ({ dismissed: await service.dismissNotice(id) }),
      'sync.history': ({ localId }) => service.history(localId),
      'sync.restore': ({ localId, revision }) => service.restore(localId, revision),
      'serverRuns.enqueue': ({ connectorId, inputs }) => serverRuns.enqueue(connectorId, inputs),
      'serverRuns.list': ({ connectorId }) => serverRuns.list(connectorId),
      'serverRuns.retry': ({ connectorId, runId }) => serverRuns.retry(connectorId, runId),
      'admin.metrics': () => serverRuns.adminMetrics(),
    };
    return {
      calls,
      service,
      async close() {
        offs.forEach((off) => off());
        await service.close();
      },
    };
  };
}
