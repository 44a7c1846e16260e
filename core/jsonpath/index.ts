export { extractPath } from './extractPath.js';
export { checkJsonPath, MAX_JSONPATH_LENGTH } from './checkJsonPath.js';
