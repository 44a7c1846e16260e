/**
 * The marketplace behind the `templates.*` calls: the built-in official templates (offline)
 * merged with the Supabase project's when signed in; install into the open workspace;
 * publish after core's publish check; admin curation and ratings through the server's RPCs;
 * update offers for installed connectors (shown with what changed), applied only when the
 * user asks, in place, optionally keeping a copy of the version they had.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { credentialRedirectKey, credentialRedirects, diffTemplateVersions, parseDocumentJson, publishCheck, renameCredentialReferences, type Connector, type CredentialRedirect, type Logger, type TemplateManifest, isCassette, type Cassette } from '#core';
import {
  HostError,
  type PublishPreview,
  type SlotChoice,
  type TemplateCatalogue,
  type TemplateDetail,
  type TemplateApplyUpdateResult,
  type TemplateInstallResult,
  type TemplateReport,
  type TemplateSummary,
  type TemplateUpdate,
} from '../../contract/hostApi.js';
import type { Vault } from '../vault/vault.js';
import type { WorkspaceStore } from '../workspace/workspaceStore.js';
import { loadBuiltinTemplates, type BuiltinTemplate } from './builtinCatalogue.js';
import { installIntoWorkspace, slotsOf } from './installIntoWorkspace.js';
import { environmentsForTemplate } from '../environments/templateEnvironments.js';
import { PublishedTemplates } from './publishedTemplates.js';
import { CatalogueCache } from './catalogueCache.js';
import { isUnanswered } from './remoteError.js';
import { builtinSummary, remoteAuthor, remoteCassettes, remoteConnector, remoteManifest, remoteSummary } from './remoteManifest.js';
import type { AdminRights, ModerationReportRow, RemoteReportRow, ReportResolution, TemplateRemote, TemplateRemoteProvider } from './templateRemote.js';

export interface TemplateServiceOptions {
  /** Folder of the built-in templates, or null for none. */
  builtinDir: string | null;
  userDataDir: string;
  vault: Vault;
  /** The open workspace's store, or undefined. */
  workspace: () => WorkspaceStore | undefined;
  /** The signed-in remote, or null (offline, signed out, not configured). */
  remote: TemplateRemoteProvider;
  /** Why the server did not answer, in words ("Offline: this computer has no network connection"); default: the remote's own. */
  describeUnanswered?: () => Promise<string>;
  logger?: Logger;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class TemplateService {
  private builtins: Promise<BuiltinTemplate[]> | null = null;
  private readonly published: PublishedTemplates;
  private readonly communityCache: CatalogueCache;

  constructor(private readonly options: TemplateServiceOptions) {
    this.published = new PublishedTemplates(options.userDataDir);
    this.communityCache = new CatalogueCache(options.userDataDir);
  }

  /** `builtinOnly`: at once, without asking the server (the marketplace shows these while the rest loads). */
  async list(options: { builtinOnly?: boolean } = {}): Promise<TemplateCatalogue> {
    const builtins = (await this.loadBuiltins()).map((b) => builtinSummary(b.manifest));
    if (options.builtinOnly) return { templates: builtins, signedIn: false, admin: null, remoteMessage: null };
    const remote = await this.remoteOrNull();
    if (!remote) return { templates: builtins, signedIn: false, admin: null, remoteMessage: 'Sign in under Sync to see community templates too.' };
    try {
      const [rows, ratings, admin] = await Promise.all([remote.list(), remote.myRatings(), remote.adminRights()]);
      const community = rows.map((row) => remoteSummary(row, remote.userId, ratings[row.id]));
      await this.communityCache.write(remote.userId, community).catch((error: unknown) => this.options.logger?.warn('template list not cached', { error: String(error) }));
      return { templates: [...builtins, ...community], signedIn: true, admin, remoteMessage: null };
    } catch (error) {
      // Offline-first: the built-in templates stay available whatever the server does, and
      // the community list as last seen online, labelled as such.
      const why = isUnanswered(error) && this.options.describeUnanswered ? await this.options.describeUnanswered() : error instanceof Error ? error.message : String(error);
      const cached = await this.communityCache.read(remote.userId);
      if (!cached) return { templates: builtins, signedIn: true, admin: null, remoteMessage: why };
      return {
        templates: [...builtins, ...cached.templates],
        signedIn: true,
        admin: null,
        cachedAt: cached.at,
        remoteMessage: `Community templates as last seen online, ${new Date(cached.at).toISOString().slice(0, 16).replace('T', ' ')} UTC: ${why.replace(/\.$/, '')}. Installing, rating and publishing need the connection.`,
      };
    }
  }

  async get(id: string): Promise<TemplateDetail> {
    const builtin = (await this.loadBuiltins()).find((b) => b.manifest.id === id);
    if (builtin) {
      return { ...builtinSummary(builtin.manifest), connector: builtin.manifest.connector, cassettes: Object.keys(await builtin.loadCassettes()) };
    }
    const remote = await this.remoteOrNull();
    if (!remote) throw new HostError('NOT_FOUND', `No built-in template "${id}".`, { hint: 'Community templates are listed once you sign in (sync panel).' });
    const row = await remote.get(id);
    if (!row) throw new HostError('NOT_FOUND', 'This template is not available.', { hint: 'It may have been hidden or removed; reload the marketplace.' });
    const ratings = await remote.myRatings();
    const manifest = remoteManifest(row, remoteAuthor(row, remote.userId));
    return { ...remoteSummary(row, remote.userId, ratings[row.id]), connector: manifest.connector, cassettes: Object.keys(remoteCassettes(row.config)) };
  }

  async install(id: string, choices: Record<string, SlotChoice>): Promise<TemplateInstallResult> {
    const store = this.requireWorkspace();
    let manifest: TemplateManifest;
    let cassettes: Record<string, Cassette>;
    const builtin = (await this.loadBuiltins()).find((b) => b.manifest.id === id);
    if (builtin) {
      manifest = builtin.manifest;
      cassettes = await builtin.loadCassettes();
    } else {
      const remote = await this.requireRemote('install a community template');
      if (!remote.workspaceId) {
        throw new HostError('NO_WORKSPACE', 'Link this folder to one of your Supabase workspaces to install templates from the project.', { hint: 'Open the sync panel and pick a workspace; installs are counted per workspace.' });
      }
      // Check the template first so a template this version cannot read is not counted as installed.
      const before = await remote.get(id);
      if (!before) throw new HostError('NOT_FOUND', 'This template is not available.', { hint: 'It may have been hidden or removed; reload the marketplace.' });
      remoteManifest(before, remoteAuthor(before, remote.userId));
      const row = await remote.install(id, remote.workspaceId);
      manifest = remoteManifest(row, remoteAuthor(row, remote.userId));
      cassettes = remoteCassettes(row.config);
    }
    return installIntoWorkspace({ manifest, cassettes, choices, store, vault: this.options.vault });
  }

  async publishPreview(connectorId: string): Promise<PublishPreview> {
    const store = this.requireWorkspace();
    const entry = await store.get(connectorId);
    const check = publishCheck(entry.connector, { cassettes: await this.readCassettes(store, entry.connector), knownSecrets: await this.options.vault.values() });
    const remote = await this.remoteOrNull();
    let updateOf: PublishPreview['updateOf'] = null;
    let admin: AdminRights | null = null;
    if (remote) {
      try {
        admin = await remote.adminRights();
        const templateId = await this.published.templateOf(connectorId, remote.userId);
        const row = templateId ? await remote.get(templateId) : null;
        if (row && (row.published_by === remote.userId || admin?.canCreateTemplates)) updateOf = { id: row.id, version: row.version, name: row.name };
      } catch (error) {
        this.options.logger?.warn('publish preview without the remote', { error: String(error) });
      }
    }
    return {
      ok: check.ok,
      findings: check.findings,
      dropped: check.dropped,
      template: { ...check.template, cassettes: Object.keys(check.template.cassettes) },
      updateOf,
      signedIn: remote !== null,
      canPublishOfficial: admin?.canCreateTemplates ?? false,
    };
  }

  async publish(params: { connectorId: string; official: boolean; updateOf?: string | undefined; changelog?: string | undefined; listing?: Partial<Pick<Connector, 'name' | 'description' | 'category' | 'icon'>> | undefined }): Promise<TemplateSummary> {
    const store = this.requireWorkspace();
    const entry = await store.get(params.connectorId);
    // The listing the author edited is part of what is published, so it goes through the same check.
    const connector: Connector = { ...entry.connector, ...definedOnly(params.listing ?? {}) };
    const check = publishCheck(connector, { cassettes: await this.readCassettes(store, connector), knownSecrets: await this.options.vault.values() });
    if (!check.ok) {
      const first = check.findings[0]!;
      throw new HostError('SECRET_LEAK', `Not published: ${check.findings.length === 1 ? 'a value looks like a secret' : `${check.findings.length} values look like secrets`} (${first.path}: ${first.message}).`, {
        hint: 'Store the value as a credential and use {{credentials.name}} instead, then publish again.',
        path: first.path,
      });
    }
    const { template } = check;
    const remote = await this.requireRemote('publish a template');
    const row = await remote.publish({
      name: template.name,
      description: template.description,
      icon: template.icon,
      category: template.category,
      config: { ...template.connector, cassettes: template.cassettes, environments: await environmentsForTemplate(store.root, template.connector) },
      credentials: template.credentials,
      official: params.official,
      templateId: params.updateOf,
      changelog: params.changelog,
    });
    await this.published.remember(params.connectorId, remote.userId, row.id);
    return remoteSummary(row, remote.userId, undefined);
  }

  async feature(id: string, featured: boolean): Promise<TemplateSummary> {
    const remote = await this.requireRemote('feature templates');
    return remoteSummary(await remote.feature(id, featured), remote.userId, undefined);
  }

  async hide(id: string, hidden: boolean, reason?: string): Promise<TemplateSummary> {
    const remote = await this.requireRemote('hide templates');
    return remoteSummary(await remote.hide(id, hidden, reason), remote.userId, undefined);
  }

  async rate(id: string, rating: number): Promise<{ id: string; rating: number | null; ratingCount: number; myRating: number }> {
    const remote = await this.requireRemote('rate templates');
    return { id, ...(await remote.rate(id, rating)) };
  }

  /** Installed connectors whose template has a newer version than the one they came from. */
  async updates(): Promise<TemplateUpdate[]> {
    const store = this.options.workspace();
    if (!store) return [];
    const installed = (await store.list()).flatMap((e) => (e.kind === 'connector' && e.connector.template ? [e.connector] : []));
    if (installed.length === 0) return [];
    const remote = installed.some((c) => UUID.test(c.template!.id)) ? await this.remoteOrNull() : null;
    const updates: TemplateUpdate[] = [];
    for (const connector of installed) {
      const { id, version } = connector.template!;
      let offer: UpdateOffer | null;
      try {
        offer = await this.updateOffer(connector, remote);
      } catch (error) {
        this.options.logger?.warn('template update check failed', { templateId: id, error: String(error) });
        continue;
      }
      if (!offer) continue;
      const { latest, before, redirects } = offer;
      const changelog = remote && UUID.test(id) ? await remote.changelogs(id, version).catch(() => []) : [];
      const diff = diffTemplateVersions(before as Connector, latest.connector, { old: `installed v${version}`, new: `v${latest.version}` });
      updates.push({
        credentials: currentCredentials(connector, latest),
        connectorId: connector.id,
        connectorName: connector.name,
        templateId: id,
        templateName: latest.name,
        installedVersion: version,
        latestVersion: latest.version,
        changes: diff.changes.map((c) => ({ path: c.path, kind: c.kind, summary: c.summary })),
        patch: diff.patch,
        changelog,
        credentialRedirects: redirects.map((r) => ({ ...r, key: credentialRedirectKey(r) })),
      });
    }
    return updates;
  }

  /**
   * The latest version of a connector's template when it is newer, what it is compared with
   * (the installed version's text where the server keeps it, else the connector itself) and the
   * credentials it would send somewhere new — named as the installer's own credentials.
   */
  private async updateOffer(connector: Connector, remote: TemplateRemote | null): Promise<UpdateOffer | null> {
    const { id, version } = connector.template!;
    const latest = await this.latestTemplate(id, remote);
    if (!latest || latest.manifest.version <= version) return null;
    // Only the server keeps older versions' text.
    const old = remote && UUID.test(id) ? await remote.versionConfig(id, version) : null;
    // Without the installed version's text (built-ins ship only the latest), compare with the connector itself.
    // An older version's text goes through the migrating loader, like every document that enters.
    const before = ((old ? remoteConnector(old) : undefined) ?? connector) as unknown as Record<string, unknown>;
    const names = currentCredentials(connector, latest.manifest);
    const redirects = credentialRedirects(old ? renameCredentialReferences(before, names) : before, renameCredentialReferences(latest.manifest.connector, names));
    return { latest: latest.manifest, source: latest, before, redirects };
  }

  /** Replaces an installed connector with its template's latest version (see installIntoWorkspace). */
  async applyUpdate(connectorId: string, choices: Record<string, SlotChoice>, keepCopy: boolean, confirmedRedirects: readonly string[] = []): Promise<TemplateApplyUpdateResult> {
    const store = this.requireWorkspace();
    const entry = await store.get(connectorId);
    const origin = entry.connector.template;
    if (!origin) {
      throw new HostError('INVALID_PAYLOAD', `"${entry.connector.name}" was not installed from a template, so there is nothing to update.`, { hint: 'Install the template from the marketplace to get a copy that follows its updates.' });
    }
    const remote = UUID.test(origin.id) ? await this.requireRemote('update a community template') : null;
    const offer = await this.updateOffer(entry.connector, remote);
    if (!offer) {
      if (!(await this.latestTemplate(origin.id, remote))) {
        throw new HostError('NOT_FOUND', `The template of "${entry.connector.name}" is no longer available.`, { hint: 'It may have been hidden or removed; the connector keeps working as it is.' });
      }
      throw new HostError('ALREADY_EXISTS', `"${entry.connector.name}" already has the latest version (v${origin.version}).`, { hint: 'Reload the marketplace to see the current update list.' });
    }
    const { latest: manifest, source: latest, redirects } = offer;
    const unconfirmed = redirects.filter((r) => !confirmedRedirects.includes(credentialRedirectKey(r)));
    if (unconfirmed.length > 0) {
      throw new HostError('CONFIRMATION_REQUIRED', `v${manifest.version} of "${manifest.name}" sends credentials somewhere new: ${unconfirmed.map((r) => r.summary).join(' ')}`, {
        hint: `Update only if you trust ${[...new Set(unconfirmed.map((r) => r.destination))].join(', ')}: confirm each credential and destination in the update dialog.`,
      });
    }
    const result = await installIntoWorkspace({ manifest, cassettes: await latest.loadCassettes(), choices, store, vault: this.options.vault, replace: { entry, keepCopy } });
    return { ...result, version: manifest.version, copy: result.copy ?? null };
  }

  /** Moderators get every report with its reporter (moderation_reports); everyone else their own. */
  async reports(): Promise<TemplateReport[]> {
    const remote = await this.requireRemote('see template reports');
    const admin = await remote.adminRights();
    if (admin?.canModerate) return (await remote.moderationReports()).map(moderationReport);
    const [rows, templates] = await Promise.all([remote.reports(), remote.list()]);
    const names = new Map(templates.map((t) => [t.id, t.name]));
    return rows.map((r) => ownReport(r, names.get(r.template_id) ?? null));
  }

  async report(id: string, reason: string): Promise<TemplateReport> {
    const remote = await this.requireRemote('report templates');
    const row = await remote.report(id, reason);
    const template = await remote.get(id).catch(() => null);
    return ownReport(row, template?.name ?? null);
  }

  /** Closes an open report as resolved or dismissed; answers with the report as moderators see it. */
  async resolveReport(id: string, resolution: ReportResolution): Promise<TemplateReport> {
    const remote = await this.requireRemote('resolve template reports');
    await remote.resolveReport(id, resolution);
    const closed = (await remote.moderationReports()).find((r) => r.id === id);
    if (!closed) throw new HostError('NOT_FOUND', 'The report is no longer listed.', { hint: 'Reload the reports.' });
    return moderationReport(closed);
  }

  /** A template's latest version: the built-in one, else the server's (null when neither has it). */
  private async latestTemplate(id: string, remote: TemplateRemote | null): Promise<BuiltinTemplate | null> {
    const builtin = (await this.loadBuiltins()).find((b) => b.manifest.id === id);
    if (builtin) return builtin;
    if (!remote || !UUID.test(id)) return null;
    const row = await remote.get(id);
    if (!row) return null;
    return { manifest: remoteManifest(row, remoteAuthor(row, remote.userId)), loadCassettes: async () => remoteCassettes(row.config) };
  }

  private loadBuiltins(): Promise<BuiltinTemplate[]> {
    this.builtins ??= this.options.builtinDir ? loadBuiltinTemplates(this.options.builtinDir, this.options.logger) : Promise.resolve([]);
    return this.builtins;
  }

  private async remoteOrNull(): Promise<TemplateRemote | null> {
    try {
      return await this.options.remote();
    } catch (error) {
      this.options.logger?.warn('template remote unavailable', { error: String(error) });
      return null;
    }
  }

  private async requireRemote(what: string): Promise<TemplateRemote> {
    const remote = await this.options.remote();
    if (!remote) throw new HostError('UNAUTHORIZED', `Sign in to ${what}.`, { hint: 'Open the sync panel, enter the Supabase URL and anon key, and sign in.' });
    return remote;
  }

  private requireWorkspace(): WorkspaceStore {
    const store = this.options.workspace();
    if (!store) throw new HostError('NO_WORKSPACE', 'Open a workspace folder first.', { hint: 'Use "Switch workspace" to open or create one.' });
    return store;
  }

  /** The cassettes a connector's replay tests use, keyed by the path the tests give (inside the workspace only). */
  private async readCassettes(store: WorkspaceStore, connector: Connector): Promise<Record<string, unknown>> {
    const cassettes: Record<string, unknown> = {};
    for (const test of connector.tests) {
      if (test.mode !== 'replay' || !test.cassette || Object.hasOwn(cassettes, test.cassette)) continue;
      const full = resolve(store.root, test.cassette);
      const rel = relative(store.root, full);
      if (rel.startsWith('..') || rel === '') continue;
      try {
        const value: unknown = parseDocumentJson(await readFile(full, 'utf8'));
        if (isCassette(value)) cassettes[test.cassette] = value;
      } catch {
        // Missing or unreadable: publishCheck leaves the test out and says so.
      }
    }
    return cassettes;
  }
}

function ownReport(row: RemoteReportRow, templateName: string | null): TemplateReport {
  return { id: row.id, templateId: row.template_id, templateName, reason: row.reason, createdAt: row.created_at, resolved: row.resolved_at !== null, resolution: null, reporterEmail: null };
}

function moderationReport(row: ModerationReportRow): TemplateReport {
  return { ...ownReport(row, row.template_name), resolution: row.resolution, reporterEmail: row.reporter_email };
}

function definedOnly<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

interface UpdateOffer {
  latest: TemplateManifest;
  source: BuiltinTemplate;
  before: Record<string, unknown>;
  redirects: CredentialRedirect[];
}


/**
 * Which credential the installed connector uses for each slot of the latest version: the
 * choice remembered at install, else a slot of the same name it already has.
 */
function currentCredentials(connector: Connector, latest: TemplateManifest): Record<string, string> {
  const remembered = connector.template?.credentials ?? {};
  const own = new Set(connector.credentials.map((slot) => slot.name));
  const current: Record<string, string> = {};
  for (const slot of slotsOf(latest)) {
    const name = remembered[slot.name] ?? (own.has(slot.name) ? slot.name : undefined);
    if (name) current[slot.name] = name;
  }
  return current;
}
