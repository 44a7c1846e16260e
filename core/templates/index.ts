export { TemplateManifestSchema, TEMPLATE_ORIGINS, manifestFromConnector, type TemplateManifest, type TemplateManifestInput } from './manifest.js';
export { publishCheck, cassetteProblem, type PublishCheckOptions, type PublishCheckResult, type PublishableTemplate, type DroppedItem } from './publishCheck.js';
export type { PublishFinding, PublishFindingKind } from './findings.js';
export { KNOWN_TOKEN_FORMATS, matchKnownTokenFormat, shannonEntropy, highEntropyTokens, type TokenFormat } from './secretPatterns.js';
export { credentialSlotsFor, referencedCredentialNames, renameCredentialReferences } from './credentialSlots.js';
export { installTemplate, type InstallOptions } from './installTemplate.js';
export { distinctName } from './distinctName.js';
export { diffTemplateVersions, type TemplateChange, type TemplateDiff } from './diffTemplateVersions.js';
export { stableStringify } from './stableStringify.js';
