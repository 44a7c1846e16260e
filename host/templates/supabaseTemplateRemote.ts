/**
 * TemplateRemote over supabase-js for the signed-in user. Every privileged decision is the
 * server's: rows come through RLS, admin rights from the caller's own saas_admin_users row,
 * publish/feature/hide/rate/install through the RPCs that check them again.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { remoteError } from './remoteError.js';
import type { AdminRights, ModerationReportRow, PublishRequest, RemoteReportRow, RemoteTemplateRow, TemplateRemote } from './templateRemote.js';

const COLUMNS = 'id,name,description,icon,category,config,requires_credentials,is_official,is_featured,is_public,hidden,hidden_reason,install_count,rating,rating_count,version,published_by,updated_at';

async function settle<T>(what: string, run: () => PromiseLike<{ data: T | null; error: unknown }>): Promise<T> {
  let result;
  try {
    result = await run();
  } catch (error) {
    throw remoteError(what, error);
  }
  if (result.error) throw remoteError(what, result.error);
  return result.data as T;
}

export function supabaseTemplateRemote(client: SupabaseClient, identity: { userId: string; workspaceId: string | null }): TemplateRemote {
  return {
    userId: identity.userId,
    workspaceId: identity.workspaceId,
    async list() {
      return (await settle<RemoteTemplateRow[]>('Could not list the templates', () => client.from('connector_templates').select(COLUMNS).order('install_count', { ascending: false }).limit(1000))) ?? [];
    },
    async get(id) {
      const rows = await settle<RemoteTemplateRow[]>('Could not read the template', () => client.from('connector_templates').select(COLUMNS).eq('id', id).limit(1));
      return rows?.[0] ?? null;
    },
    async versionConfig(id, version) {
      const rows = await settle<Array<{ config: Record<string, unknown> }>>('Could not read the template version', () =>
        client.from('template_versions').select('config').eq('template_id', id).eq('version', version).limit(1));
      return rows?.[0]?.config ?? null;
    },
    async changelogs(id, afterVersion) {
      const rows = await settle<Array<{ version: number; changelog: string | null }>>('Could not read the template changelog', () =>
        client.from('template_versions').select('version,changelog').eq('template_id', id).gt('version', afterVersion).order('version', { ascending: true }));
      return (rows ?? []).flatMap((r) => (r.changelog ? [{ version: Number(r.version), changelog: r.changelog }] : []));
    },
    async myRatings() {
      const rows = await settle<Array<{ template_id: string; rating: number }>>('Could not read your ratings', () => client.from('template_ratings').select('template_id,rating').eq('user_id', identity.userId));
      return Object.fromEntries((rows ?? []).map((r) => [r.template_id, Number(r.rating)]));
    },
    async adminRights(): Promise<AdminRights | null> {
      const rows = await settle<Array<{ permissions: Record<string, unknown> | null }>>('Could not read your admin status', () =>
        client.from('saas_admin_users').select('permissions').eq('user_id', identity.userId).limit(1));
      const row = rows?.[0];
      if (!row) return null;
      const flag = (name: string) => row.permissions?.[name] === true;
      return { canCreateTemplates: flag('can_create_templates'), canFeature: flag('can_feature_templates'), canModerate: flag('can_moderate') };
    },
    async publish(request: PublishRequest) {
      return settle<RemoteTemplateRow>('Not published', () =>
        client.rpc('publish_template', {
          p_name: request.name,
          p_config: request.config,
          p_description: request.description,
          p_category: request.category,
          p_icon: request.icon,
          p_requires_credentials: request.credentials,
          p_official: request.official,
          p_public: true,
          p_template_id: request.templateId ?? null,
          p_changelog: request.changelog ?? null,
        }));
    },
    async feature(id, featured) {
      return settle<RemoteTemplateRow>(featured ? 'Not featured' : 'Not unfeatured', () => client.rpc('feature_template', { p_template_id: id, p_featured: featured }));
    },
    async hide(id, hidden, reason) {
      return settle<RemoteTemplateRow>(hidden ? 'Not hidden' : 'Not shown again', () => client.rpc('hide_template', { p_template_id: id, p_hidden: hidden, p_reason: reason ?? null }));
    },
    async rate(id, rating) {
      const result = await settle<{ rating: number | string | null; rating_count: number; my_rating: number }>('Rating not saved', () => client.rpc('rate_template', { p_template_id: id, p_rating: rating }));
      return { rating: result.rating === null ? null : Number(result.rating), ratingCount: Number(result.rating_count), myRating: Number(result.my_rating) };
    },
    async install(id, workspaceId) {
      const result = await settle<Record<string, unknown>>('Could not install the template', () => client.rpc('install_template', { p_template_id: id, p_workspace_id: workspaceId }));
      // install_template returns the row's content under its own names; the listing row gives the rest.
      const row = await this.get(id);
      if (!row) throw remoteError('Could not install the template', { code: 'PT404', message: 'it is no longer visible' });
      return { ...row, config: (result.config as Record<string, unknown>) ?? row.config, version: Number(result.version ?? row.version) };
    },
    async reports() {
      return (await settle<RemoteReportRow[]>('Could not list reports', () => client.from('template_reports').select('id,template_id,reason,created_at,resolved_at').order('created_at', { ascending: false }).limit(500))) ?? [];
    },
    async moderationReports() {
      return (await settle<ModerationReportRow[]>('Could not list reports', () => client.rpc('moderation_reports'))) ?? [];
    },
    async resolveReport(reportId, resolution) {
      return settle<RemoteReportRow>(resolution === 'resolved' ? 'Report not resolved' : 'Report not dismissed', () =>
        client.rpc('resolve_template_report', { p_report_id: reportId, p_resolution: resolution }));
    },
    async report(id, reason) {
      return settle<RemoteReportRow>('Report not sent', () => client.rpc('report_template', { p_template_id: id, p_reason: reason }));
    },
  };
}
