export { runTestCases, compareExpectations } from './runTestCases.js';
export type { RunTestCasesOptions, TestCaseResult } from './runTestCases.js';
export { createVirtualClock } from './createVirtualClock.js';
