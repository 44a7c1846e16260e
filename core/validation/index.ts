export { validateConnector, parseConnector, invalidDocument, type ValidateOptions, type ValidationResult } from './validateConnector.js';
export { formatIssues, formatPath, type ValidationIssue } from './issue.js';
export { salvage, type Salvaged } from './salvage.js';
export { credentialIssues, type CredentialIssue } from './credentialRules.js';
export { stepLabel } from './location.js';
