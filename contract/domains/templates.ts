/**
 * The template marketplace (issue 6): the `templates.*` calls and what they take and return.
 */
import { z } from 'zod';
import { ConnectorSchema, CredentialSlotSchema, IDENTIFIER } from '#core';
import { call, connectorId, noParams, type DomainCallSpecs } from './call.js';

const templateId = z.string().min(1).max(200);

export const TEMPLATE_SOURCES = ['builtin', 'remote'] as const;

/** One template as the marketplace lists it. `origin` is always shown to the user. */
export const TemplateSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  icon: z.string(),
  category: z.string(),
  version: z.number().int(),
  author: z.string(),
  origin: z.enum(['official', 'community']),
  /** Shipped with the app (works offline) or listed from the Supabase project. */
  source: z.enum(TEMPLATE_SOURCES),
  featured: z.boolean(),
  /** Only the publisher and admins ever see a hidden template. */
  hidden: z.boolean(),
  /** The moderator's reason when hidden (the server shows it to the publisher and admins only), else null. */
  hiddenReason: z.string().nullable(),
  installs: z.number().int(),
  rating: z.number().nullable(),
  ratingCount: z.number().int(),
  /** The signed-in user's own rating, when any. */
  myRating: z.number().int().nullable(),
  /** Published by the signed-in user. */
  mine: z.boolean(),
  credentials: z.array(CredentialSlotSchema),
  stepCount: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;

export const TemplateCatalogueSchema = z.object({
  templates: z.array(TemplateSummarySchema),
  signedIn: z.boolean(),
  /** Decided by the server (saas_admin_users), never by the app. */
  admin: z.object({ canCreateTemplates: z.boolean(), canFeature: z.boolean(), canModerate: z.boolean() }).nullable(),
  /** Why the remote templates are missing (offline, signed out…), or null. */
  remoteMessage: z.string().nullable(),
  /** Set when the community templates are the list last seen online (the server is unreachable): when that was. */
  cachedAt: z.number().optional(),
});
export type TemplateCatalogue = z.infer<typeof TemplateCatalogueSchema>;

export const TemplateDetailSchema = TemplateSummarySchema.extend({
  connector: ConnectorSchema,
  /** Cassette names shipped with the template (copied next to the installed connector). */
  cassettes: z.array(z.string()),
});
export type TemplateDetail = z.infer<typeof TemplateDetailSchema>;

/**
 * Per credential slot: a new value (stored in the vault), an existing credential's name, or
 * `later` — nothing stored yet (to try the template in replay or mock mode; the credential is
 * asked for before the first live run).
 */
export const SlotChoiceSchema = z.union([
  z.object({ value: z.string().min(1, 'the value is empty').max(65_536) }).strict(),
  z.object({ existing: z.string().regex(IDENTIFIER, 'pick a credential from the list').max(100) }).strict(),
  z.object({ later: z.literal(true) }).strict(),
]);
export type SlotChoice = z.infer<typeof SlotChoiceSchema>;

export const TemplateInstallParamsSchema = z.object({
  id: templateId,
  credentials: z.record(z.string(), SlotChoiceSchema).default({}),
}).strict();

export const TemplateInstallResultSchema = z.object({
  connectorId: z.string(),
  file: z.string(),
  name: z.string(),
  /** Template slot → the workspace credential the connector now references. */
  credentialNames: z.record(z.string(), z.string()),
  cassettes: z.array(z.string()),
  /** Environments the template declares: created in the workspace, or kept as they were (same name; never overwritten). */
  environments: z.object({ created: z.array(z.string()), kept: z.array(z.string()) }).default({ created: [], kept: [] }),
});
export type TemplateInstallResult = z.infer<typeof TemplateInstallResultSchema>;

/** Updates an installed connector to its template's latest version, in place. */
export const TemplateApplyUpdateParamsSchema = z.object({
  connectorId,
  credentials: z.record(z.string(), SlotChoiceSchema).default({}),
  /** Keep the current version as a separate connector ("<name> (before vN)") first. */
  keepCopy: z.boolean().default(true),
  /** The `key`s of the update's credential redirects the user confirmed; the update is refused unless all are. */
  confirmCredentialRedirects: z.array(z.string()).default([]),
}).strict();

export const TemplateApplyUpdateResultSchema = TemplateInstallResultSchema.extend({
  version: z.number().int(),
  /** The copy of the previous version, when one was kept. */
  copy: z.object({ connectorId: z.string(), name: z.string(), file: z.string() }).nullable(),
});
export type TemplateApplyUpdateResult = z.infer<typeof TemplateApplyUpdateResultSchema>;

export const PublishFindingSchema = z.object({ path: z.string(), kind: z.string(), message: z.string() });

export const PublishPreviewSchema = z.object({
  ok: z.boolean(),
  findings: z.array(PublishFindingSchema),
  dropped: z.array(z.object({ path: z.string(), reason: z.string() })),
  /** Exactly what would be published. */
  template: z.object({
    name: z.string(),
    description: z.string(),
    icon: z.string(),
    category: z.string(),
    credentials: z.array(CredentialSlotSchema),
    connector: ConnectorSchema,
    cassettes: z.array(z.string()),
  }),
  /** The user's own published template this connector came from: publishing again makes a new version. */
  updateOf: z.object({ id: z.string(), version: z.number().int(), name: z.string() }).nullable(),
  signedIn: z.boolean(),
  canPublishOfficial: z.boolean(),
});
export type PublishPreview = z.infer<typeof PublishPreviewSchema>;

export const TemplatePublishParamsSchema = z.object({
  connectorId,
  official: z.boolean().default(false),
  /** Publish a new version of this template (must be the user's own, or the user is an admin). */
  updateOf: z.string().uuid().optional(),
  changelog: z.string().max(2000).optional(),
  /** How the template is listed, when the author changed it in the publish dialog (default: the connector's own). */
  listing: z
    .object({
      name: z.string().trim().min(1, 'give the template a title').max(255),
      description: z.string().max(5000),
      category: z.string().trim().min(1, 'give the template a category').max(100),
      icon: z.string().trim().min(1).max(50),
    })
    .partial()
    .strict()
    .optional(),
}).strict();

export const TemplateRatingSchema = z.object({ id: z.string(), rating: z.number().nullable(), ratingCount: z.number().int(), myRating: z.number().int() });

export const TemplateUpdateSchema = z.object({
  connectorId: z.string(),
  connectorName: z.string(),
  templateId: z.string(),
  templateName: z.string(),
  installedVersion: z.number().int(),
  latestVersion: z.number().int(),
  changes: z.array(z.object({ path: z.string(), kind: z.enum(['added', 'removed', 'changed']), summary: z.string() })),
  patch: z.string(),
  /** The latest version's credential slot → the credential the connector uses for it now (preselected when updating). */
  credentials: z.record(z.string(), z.string()),
  /** The author's notes for each version after the installed one (empty for built-ins and versions without notes). */
  changelog: z.array(z.object({ version: z.number().int(), changelog: z.string() })),
  /** Credentials the update would send to a new origin or in a new header/query parameter; each needs confirming by `key`. */
  credentialRedirects: z.array(
    z.object({
      key: z.string(),
      credential: z.string(),
      destination: z.string(),
      carriers: z.array(z.string()),
      steps: z.array(z.string()),
      previously: z.array(z.string()),
      summary: z.string(),
    }),
  ),
});
export type TemplateUpdate = z.infer<typeof TemplateUpdateSchema>;

export const TemplateReportSchema = z.object({
  id: z.string(),
  templateId: z.string(),
  templateName: z.string().nullable(),
  reason: z.string(),
  createdAt: z.string(),
  resolved: z.boolean(),
  /** How a moderator closed it; null while open. */
  resolution: z.enum(['resolved', 'dismissed']).nullable(),
  /** Who filed it (moderators only; null in a user's own list). */
  reporterEmail: z.string().nullable(),
});
export type TemplateReport = z.infer<typeof TemplateReportSchema>;

export const templateIdParams = z.object({ id: templateId }).strict();
export const templateFeatureParams = z.object({ id: z.string().uuid('only templates from the Supabase project can be featured'), featured: z.boolean() }).strict();
/** Hiding needs a reason (its author sees it); the server refuses without one too. */
export const templateHideParams = z.object({
  id: z.string().uuid('only templates from the Supabase project can be hidden'),
  hidden: z.boolean(),
  reason: z.string().trim().max(500, 'keep the reason under 500 characters').optional(),
}).strict().refine((p) => !p.hidden || (p.reason ?? '').length > 0, { message: 'say why the template is hidden: its author sees the reason', path: ['reason'] });
/** A moderator closes a report: resolved (acted on) or dismissed (nothing to do). */
export const templateResolveReportParams = z.object({
  id: z.string().uuid('pick a report from the list'),
  resolution: z.enum(['resolved', 'dismissed']),
}).strict();
export const templateRateParams = z.object({ id: z.string().uuid('only templates from the Supabase project can be rated'), rating: z.number().int().min(1).max(5) }).strict();
/** A user's report on a Supabase template (one open report per user per template, decided by the server). */
export const templateReportParams = z.object({
  id: z.string().uuid('only templates from the Supabase project can be reported'),
  reason: z.string().trim().min(1, 'say why you are reporting this template').max(2000, 'keep the reason under 2000 characters'),
}).strict();
export const templatePublishPreviewParams = z.object({ connectorId }).strict();

export const templatesCalls = {
  /** Built-in templates (offline) merged with the Supabase project's when signed in. */
  'templates.list': call(z.object({ builtinOnly: z.boolean().optional() }).strict().optional(), TemplateCatalogueSchema),
  'templates.get': call(templateIdParams, TemplateDetailSchema),
  /** Credential values go to the vault; the new connector references them. Remote installs are counted. */
  'templates.install': call(TemplateInstallParamsSchema, TemplateInstallResultSchema),
  /** The publish check and exactly what would be published; nothing is sent. */
  'templates.publishPreview': call(templatePublishPreviewParams, PublishPreviewSchema),
  'templates.publish': call(TemplatePublishParamsSchema, TemplateSummarySchema),
  'templates.feature': call(templateFeatureParams, TemplateSummarySchema),
  'templates.hide': call(templateHideParams, TemplateSummarySchema),
  'templates.rate': call(templateRateParams, TemplateRatingSchema),
  /** Installed connectors whose template has a newer version, with what changed (never applied automatically). */
  'templates.updates': call(noParams, z.array(TemplateUpdateSchema)),
  /** Replaces an installed connector with its template's latest version (id, name, file and credentials kept; optionally a copy of the old one). */
  'templates.applyUpdate': call(TemplateApplyUpdateParamsSchema, TemplateApplyUpdateResultSchema),
  /** Reports on templates (moderators see all, others their own). */
  'templates.reports': call(noParams, z.array(TemplateReportSchema)),
  /** Files a report on a Supabase template (signed-in users; a second open report is refused). */
  'templates.report': call(templateReportParams, TemplateReportSchema),
  /** Moderators resolve or dismiss an open report (admins with can_moderate; the server decides). */
  'templates.resolveReport': call(templateResolveReportParams, TemplateReportSchema),
} satisfies DomainCallSpecs<'templates'>;
