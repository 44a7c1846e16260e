/** Issue 11.1 through the built CLI: a deeply nested file is a bad input (exit 2) naming the file, never an internal error (70). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce, createWorkDir, runCli } from '../test-helpers/runCli.js';

let work: Awaited<ReturnType<typeof createWorkDir>>;
beforeAll(async () => {
  buildCliOnce();
  work = await createWorkDir();
});
afterAll(() => work.cleanup());

const deepBody = `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`;

describe('a connector file nested 3,000 levels deep', () => {
  it.each([
    ['app format', 'deep.connector.json', `{"schemaVersion":2,"id":"deep","name":"Deep","steps":[{"id":"s","url":"http://127.0.0.1:9","body":{"type":"json","value":${deepBody}}}]}`],
    ['interchange format', 'deep.interchange.json', `{"name":"Deep","type":"multi-step","config":{"steps":[{"id":"s","url":"http://127.0.0.1:9","body":${deepBody}}]}}`],
  ])('(%s) makes validate, run and convert exit 2 with the file named', async (_format, name, text) => {
    const file = await work.write(name, text);
    for (const args of [['validate', file], ['run', file], ['convert', file, '--to', 'app']]) {
      const result = await runCli(args);
      expect(result.code, `${args[0]}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain(file);
      expect(result.stderr).toMatch(/more than 64 levels deep/);
    }
  });
});
