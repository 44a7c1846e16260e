import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../errors/CliError.js';
import { describeJsonError, readJsonFile } from './readJsonFile.js';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'cli-json-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('readJsonFile', () => {
  it('parses a file, ignoring a byte-order mark', async () => {
    const path = join(dir, 'bom.json');
    await writeFile(path, '\uFEFF{"a": 1}');
    await expect(readJsonFile(path, 'connector')).resolves.toEqual({ a: 1 });
  });

  it('names the line and column of a syntax error', async () => {
    const path = join(dir, 'broken.json');
    await writeFile(path, '{\n  "name": "x",\n  "steps": [,]\n}\n');
    const error = await readJsonFile(path, 'connector').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toMatch(/broken\.json is not valid JSON \(line 3, column 13\): value expected/);
    expect((error as CliError).exitCode).toBe(2);
  });

  it('says the file is missing', async () => {
    const error = await readJsonFile(join(dir, 'nope.json'), 'connector').catch((e: unknown) => e);
    expect((error as CliError).message).toMatch(/Cannot find the connector file .*nope\.json/);
  });

  it('reports truncated JSON at its end', () => {
    expect(describeJsonError('{\n"a":', 'Unexpected end of JSON input')).toEqual({ line: 2, column: 5, problem: 'value expected' });
  });

  it('rejects comments and trailing commas like JSON.parse does', () => {
    expect(describeJsonError('{"a": 1,}', '').problem).toMatch(/expected/);
    expect(describeJsonError('// hi\n{}', '').problem).toMatch(/comment/);
  });
});
