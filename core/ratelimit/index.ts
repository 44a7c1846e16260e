export { createRateLimiterRegistry } from './createRateLimiterRegistry.js';
