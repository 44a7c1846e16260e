import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce, createWorkDir, REPO_ROOT, runCli } from '../test-helpers/runCli.js';

let work: Awaited<ReturnType<typeof createWorkDir>>;
beforeAll(async () => {
  buildCliOnce();
  work = await createWorkDir();
});
afterAll(() => work.cleanup());

const petstore = join(REPO_ROOT, 'node_modules/@readme/oas-examples/3.0/json/petstore.json');

describe('connector-studio import openapi', () => {
  it('lists the operations when none is chosen', async () => {
    const result = await runCli(['import', 'openapi', petstore]);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/Swagger Petstore 1\.0\.0 \(OpenAPI 3\.0\.0\), 20 operations:/);
    expect(result.stdout).toMatch(/getPetById\s+GET\s+\/pet\/\{petId\}/);
    expect(result.stderr).toMatch(/--operation <id>/);
  });

  it('writes a connector that validates and runs in mock mode', async () => {
    const out = join(work.dir, 'pets.connector.json');
    const result = await runCli(['import', 'openapi', petstore, '--operation', 'getPetById', '--operation', 'findPetsByStatus', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^✓ Wrote .*pets\.connector\.json: Swagger Petstore \(2 steps\)/);
    const connector = JSON.parse(await readFile(out, 'utf8'));
    expect(connector.steps.map((s: { id: string }) => s.id)).toEqual(['get_pet_by_id', 'find_pets_by_status']);
    expect((await runCli(['validate', out])).code).toBe(0);
    const run = await runCli(['run', out, '--mode', 'mock', '--input', 'pet_id=1', '--input', 'status=available', '--json']);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'success' });
    // Never overwrites.
    const again = await runCli(['import', 'openapi', petstore, '--operation', 'getPetById', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; nothing was written/);
  });

  it('refuses a broken spec and an unknown operation in plain words', async () => {
    const broken = await work.write('broken.yaml', 'openapi: 3.0.0\npaths: [unclosed\n');
    const result = await runCli(['import', 'openapi', broken, '--operation', 'x', '--out', join(work.dir, 'x.json')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/neither JSON nor valid YAML/);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    const unknown = await runCli(['import', 'openapi', petstore, '--operation', 'nope', '--out', join(work.dir, 'y.json')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no operation "nope".*Use one of its operation ids \(updatePet/s);
  });
});
