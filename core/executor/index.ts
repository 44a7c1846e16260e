export { runConnector } from './runConnector.js';
export { decideStep } from './skipRule.js';
export type { Decision, IncomingEdge, SettledState } from './skipRule.js';
export { backoffDelay, isRetryableStatus, mayRetry, parseRetryAfter } from './retryPolicy.js';
export { resolveInputs } from './resolveInputs.js';
export { EXECUTOR_DEFAULTS } from './limits.js';
export type * from './types.js';
