import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRows } from './loadRows.js';

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'cli-rows-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

describe('loadRows', () => {
  it('reads CSV with quoted cells, keeps strings as written and drops empty cells', async () => {
    const path = await file('rows.csv', 'phone,name\n+15551234567,"Lovelace, Ada"\n0042,\n');
    expect(await loadRows(path)).toEqual([{ phone: '+15551234567', name: 'Lovelace, Ada' }, { phone: '0042' }]);
  });

  it('reads a JSON array and keeps JSON types', async () => {
    const path = await file('rows.json', '[{"phone": "+1555", "limit": 3, "vip": true, "note": null}]');
    expect(await loadRows(path)).toEqual([{ phone: '+1555', limit: 3, vip: true, note: null }]);
  });

  it('rejects JSON rows that are not flat objects, naming the row', async () => {
    const path = await file('nested.json', '[{"phone": "1"}, {"phone": {"n": 1}}]');
    await expect(loadRows(path)).rejects.toThrow(/Row 2 of .*nested\.json: "phone" is an object/);
  });

  it('rejects a CSV whose rows do not match the header', async () => {
    const path = await file('ragged.csv', 'phone\n1,2\n');
    await expect(loadRows(path)).rejects.toThrow(/not a valid CSV file/);
  });

  it('rejects an unknown extension with what it accepts', async () => {
    const path = await file('rows.txt', 'phone\n1\n');
    await expect(loadRows(path)).rejects.toThrow(/\.csv file .* or a \.json array/);
  });
});
