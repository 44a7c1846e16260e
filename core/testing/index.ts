export { runTestCases } from './runTestCases.js';
export type { TestCaseResult } from './runTestCases.js';
