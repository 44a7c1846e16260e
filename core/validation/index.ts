export { validateConnector, parseConnector } from './validateConnector.js';
export type { ValidationIssue } from './issue.js';
export { salvage } from './salvage.js';
export { credentialIssues, type CredentialIssue } from './credentialRules.js';
