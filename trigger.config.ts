/**
 * Trigger.dev v4 project configuration for the connector runtime (deploy with
 * `npx trigger.dev@4 deploy`; see docs/server.md). TRIGGER_PROJECT_ID names the project.
 */
import { defineConfig } from '@trigger.dev/sdk';

export default defineConfig({
  project: process.env.TRIGGER_PROJECT_ID ?? 'proj_dcpsazbkeyuadjmckuib',
  runtime: 'node-22',
  dirs: ['./trigger'],
  // Ceiling for every task in the project; execute-connector sets its own 90 s.
  maxDuration: 3600,
  retries: {
    enabledInDev: true,
    default: { maxAttempts: 3, factor: 2, minTimeoutInMs: 1_000, maxTimeoutInMs: 10_000, randomize: true },
  },
});
