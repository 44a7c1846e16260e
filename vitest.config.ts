import { defineConfig } from 'vitest/config';
import { coreBoundaryVite } from './scripts/coreBoundary.mjs';

export default defineConfig({
  // A relative import into core/ from outside fails the test run as it fails the builds.
  plugins: [coreBoundaryVite],
  test: {
    include: ['core/**/*.test.ts', 'cli/**/*.test.ts', 'host/**/*.test.ts', 'server/**/*.test.ts', 'trigger/**/*.test.ts', 'contract/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'supabase/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
