/**
 * The Supabase side of the marketplace as the template service needs it. An interface so
 * the service works offline (no remote) and so it does not care how the signed-in client
 * was made (host/account provides it; tests may pass their own).
 */
import type { CredentialSlot } from '#core';

/** A `connector_templates` row as the caller may see it (RLS decides which rows). */
export interface RemoteTemplateRow {
  id: string;
  name: string;
  description: string | null;
  icon: string | null;
  category: string | null;
  config: Record<string, unknown>;
  requires_credentials: unknown[];
  is_official: boolean;
  is_featured: boolean;
  is_public: boolean;
  hidden: boolean;
  /** Why a moderator hid it; RLS shows a hidden row only to its publisher and admins. */
  hidden_reason: string | null;
  install_count: number;
  rating: number | string | null;
  rating_count: number;
  version: number;
  published_by: string | null;
  updated_at: string | null;
}

export interface AdminRights {
  canCreateTemplates: boolean;
  canFeature: boolean;
  canModerate: boolean;
}

export interface PublishRequest {
  name: string;
  description: string;
  icon: string;
  category: string;
  config: Record<string, unknown>;
  credentials: CredentialSlot[];
  official: boolean;
  templateId?: string | undefined;
  changelog?: string | undefined;
}

export interface RemoteReportRow {
  id: string;
  template_id: string;
  reason: string;
  created_at: string;
  resolved_at: string | null;
}

export type ReportResolution = 'resolved' | 'dismissed';

/** A report as moderators see it (moderation_reports: the reporter's email comes from auth.users, server-side). */
export interface ModerationReportRow extends RemoteReportRow {
  template_name: string | null;
  resolution: ReportResolution | null;
  reporter_email: string | null;
  resolved_by_email: string | null;
}

export interface TemplateRemote {
  /** The signed-in user's id. */
  readonly userId: string;
  /** The remote workspace linked to the open folder (installs are counted against it), or null. */
  readonly workspaceId: string | null;
  list(): Promise<RemoteTemplateRow[]>;
  get(id: string): Promise<RemoteTemplateRow | null>;
  /** A past version's config (template_versions), or null when not visible. */
  versionConfig(id: string, version: number): Promise<Record<string, unknown> | null>;
  /** The authors' changelogs of the versions after `afterVersion`, oldest first (versions without one are left out). */
  changelogs(id: string, afterVersion: number): Promise<Array<{ version: number; changelog: string }>>;
  myRatings(): Promise<Record<string, number>>;
  /** Read from saas_admin_users under the caller's own identity: null for everyone but admins. */
  adminRights(): Promise<AdminRights | null>;
  publish(request: PublishRequest): Promise<RemoteTemplateRow>;
  feature(id: string, featured: boolean): Promise<RemoteTemplateRow>;
  hide(id: string, hidden: boolean, reason?: string): Promise<RemoteTemplateRow>;
  rate(id: string, rating: number): Promise<{ rating: number | null; ratingCount: number; myRating: number }>;
  /** Counts the install (install_count, template_installs) and returns the current row's config. */
  install(id: string, workspaceId: string): Promise<RemoteTemplateRow>;
  /** The caller's own reports (the table's RLS). */
  reports(): Promise<RemoteReportRow[]>;
  /** Every report with its reporter, for admins with can_moderate (refused for anyone else). */
  moderationReports(): Promise<ModerationReportRow[]>;
  /** Closes an open report (resolve_template_report). */
  resolveReport(reportId: string, resolution: ReportResolution): Promise<RemoteReportRow>;
  /** report_template: the server checks visibility and the one-open-report rule. */
  report(id: string, reason: string): Promise<RemoteReportRow>;
}

/** Resolves the remote for the current moment: null when signed out or not configured. */
export type TemplateRemoteProvider = () => Promise<TemplateRemote | null>;
