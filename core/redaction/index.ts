export { createRedactor, credentialPlaceholder } from './createRedactor.js';
export type { Redactor } from './createRedactor.js';
export { isSensitiveHeaderName } from './sensitiveHeaders.js';
export { base64Encode } from './base64.js';
export { redactingLogger } from './redactingLogger.js';
