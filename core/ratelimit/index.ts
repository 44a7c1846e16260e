export { createRateLimiterRegistry } from './createRateLimiterRegistry.js';
export type { RateLimiterRegistryWithPause, RateLimitSpec } from './createRateLimiterRegistry.js';
