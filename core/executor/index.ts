export { runConnector } from './runConnector.js';
export type * from './types.js';
