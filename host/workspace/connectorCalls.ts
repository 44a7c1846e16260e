/** The `connectors.*` calls: the dashboard's list with run figures, and reading, saving, importing and exporting files. */
import { randomUUID } from 'node:crypto';
import { HostError, type ConnectorListEntry, type HostCallName } from '../../contract/hostApi.js';
import { exportConnector, parseImport } from '../api/connectorTransfer.js';
import type { CoreServices } from '../api/coreServices.js';
import type { DomainCalls } from '../api/hostExtension.js';
import { mergeTeamRunStats, type TeamRunStats } from '../runs/teamRunStats.js';

export function connectorCalls(core: CoreServices): DomainCalls<Extract<HostCallName, `connectors.${string}`>> {
  const { session, history, environments, logger } = core;
  return {
    'connectors.list': async () => {
      const [entries, team] = await Promise.all([
        session.current().list(),
        core.teamRunStats().catch((error: unknown) => {
          logger.warn('team run statistics unavailable', { error: String(error) });
          return {} as Record<string, TeamRunStats>;
        }),
      ]);
      const stats = await history.statsOf(entries.flatMap((e) => (e.kind === 'connector' ? [e.connector.id] : [])));
      return entries.map((entry): ConnectorListEntry =>
          entry.kind === 'invalid'
            ? { kind: 'invalid', file: entry.file, error: entry.error, modifiedAt: entry.modifiedAt }
            : {
                kind: 'connector',
                id: entry.connector.id,
                file: entry.file,
                hash: entry.hash,
                name: entry.connector.name,
                description: entry.connector.description,
                icon: entry.connector.icon,
                category: entry.connector.category,
                enabled: entry.connector.enabled,
                stepCount: entry.connector.steps.length,
                errorCount: entry.issues.filter((i) => i.severity === 'error').length,
                modifiedAt: entry.modifiedAt,
                stats: mergeTeamRunStats(stats.get(entry.connector.id)!, team[entry.connector.id]),
              },
      );
    },
    'connectors.get': async ({ id }) => {
      const entry = await session.current().get(id);
      return { id, file: entry.file, hash: entry.hash, connector: entry.connector, issues: entry.issues };
    },
    'connectors.save': async ({ connector, baseHash, force }) => {
      const store = session.current();
      if (force) {
        // "Keep mine": the version on disk that this save replaces (not the one the editor loaded) is told first.
        const replaced = await store.find(connector.id);
        if (replaced && replaced.hash !== baseHash) {
          for (const listener of core.keepMineListeners) {
            await listener(connector.id, connector.name).catch((error: unknown) => logger.warn('keep mine not recorded for sync', { error: String(error) }));
          }
        }
      }
      return store.save(connector, { baseHash, force });
    },
    'connectors.delete': async ({ id, baseHash }) => ({ deleted: await session.current().delete(id, baseHash) }),
    'connectors.import': async ({ content, format }) => {
      const store = session.current();
      const { connector, issues } = parseImport(content, format);
      const clash = await store.find(connector.id);
      const toSave = clash ? { ...connector, id: `${connector.id}-${randomUUID().slice(0, 8)}` } : connector;
      const saved = await store.save(toSave);
      if (saved.status !== 'saved') throw new HostError('ALREADY_EXISTS', saved.message);
      return { id: saved.id, file: saved.file, hash: saved.hash, issues };
    },
    'connectors.export': async ({ id, format, environment }) => {
      const entry = await session.current().get(id);
      return exportConnector(entry.connector, format, entry.file, environment ? await environments.forExport(environment) : undefined);
    },
  };
}
