export { extractPath } from './extractPath.js';
export { checkJsonPath } from './checkJsonPath.js';
