/** The template marketplace of the desktop host (issue 6). */
export { TemplateService, type TemplateServiceOptions } from './TemplateService.js';
export { templatesExtension, type TemplatesExtensionOptions } from './templatesExtension.js';
export { accountTemplateRemote, type SignedInContextSource } from './accountTemplateRemote.js';
export { supabaseTemplateRemote } from './supabaseTemplateRemote.js';
export { resolveBuiltinTemplatesDir, builtinTemplateDirCandidates } from './builtinTemplatesDir.js';
export { loadBuiltinTemplates, type BuiltinTemplate } from './builtinCatalogue.js';
export type { TemplateRemote, TemplateRemoteProvider, RemoteTemplateRow, AdminRights, PublishRequest } from './templateRemote.js';
