/**
 * The marketplace offline, through the real host services: built-in templates from
 * resources/templates, installs into a real workspace folder with the real vault, replay
 * runs of the installed connector, and the publish check.
 */
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invokeHostCall } from '../api/invokeHostCall.js';
import { createHostServices, type HostServices } from '../api/createHostServices.js';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { sampleConnector } from '../test-helpers/sampleConnector.js';
import { builtinTemplateDirCandidates, resolveBuiltinTemplatesDir } from './builtinTemplatesDir.js';
import { templatesExtension } from './templatesExtension.js';

const builtinDir = fileURLToPath(new URL('../../resources/templates', import.meta.url));
const PHONE = 'official:phone-number-enrichment';
const SECRET = 'trestle-live-key-9f8e7d6c5b4a39281706';

let services: HostServices;
let workspaceDir: string;
const cleanups: Array<() => Promise<void>> = [];

beforeEach(async () => {
  const userData = await makeTempDir('cs-tpl-user-');
  const workspace = await makeTempDir('cs-tpl-ws-');
  workspaceDir = workspace.dir;
  services = await createHostServices({ userDataDir: userData.dir, workspace: workspace.dir, extensions: [templatesExtension({ builtinDir })] });
  cleanups.push(userData.cleanup, workspace.cleanup, () => services.close());
});
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function allFiles(dir: string): Promise<Array<{ path: string; text: string }>> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(names.filter((d) => d.isFile()).map(async (d) => ({ path: join(d.parentPath, d.name), text: await readFile(join(d.parentPath, d.name), 'utf8') })));
}

async function replay(connectorId: string, cassette: string, inputs: Record<string, string>) {
  const { runId } = await services.api.runs.start({ connectorId, mode: 'replay', cassette, inputs });
  await services.runSettled(runId);
  return (await services.api.runs.get({ connectorId, runId })).record;
}

describe('catalogue', () => {
  it('lists every built-in template offline, each official, with its credential slots', async () => {
    const catalogue = await services.api.templates.list();
    const files = (await readdir(builtinDir)).filter((f) => f.endsWith('.connector.json'));
    expect(files.length).toBeGreaterThanOrEqual(6);
    expect(catalogue.templates).toHaveLength(files.length);
    expect(catalogue.signedIn).toBe(false);
    expect(catalogue.admin).toBeNull();
    for (const t of catalogue.templates) {
      expect(t).toMatchObject({ origin: 'official', source: 'builtin', author: 'Connector Studio' });
      expect(t.credentials.length).toBeGreaterThan(0);
      expect(t.stepCount).toBeGreaterThan(0);
    }
    const detail = await services.api.templates.get({ id: PHONE });
    expect(detail.cassettes).toEqual(['phone-number-enrichment.cassettes/known-phone.json', 'phone-number-enrichment.cassettes/unknown-phone.json']);
    expect(detail.connector.steps.length).toBe(detail.stepCount);
  });

  it('finds the templates folder in a packaged app (resourcesPath) before the source tree', () => {
    expect(builtinTemplateDirCandidates({ resourcesPath: '/opt/app/resources', moduleDir: '/src/host/templates', cwd: '/x' })[0]).toBe('/opt/app/resources/templates');
    expect(resolveBuiltinTemplatesDir({ resourcesPath: '/nonexistent', moduleDir: fileURLToPath(new URL('.', import.meta.url)) })).toBe(builtinDir);
  });

  it('an unknown template is a clear NOT_FOUND-style error, not a crash', async () => {
    const outcome = await invokeHostCall(services.api, 'templates.get', { id: 'official:nope' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', hint: expect.stringContaining('sign in') } });
  });
});

describe('install', () => {
  it('twice gives two connectors with distinct names; the credential value is only in the vault', async () => {
    const first = await services.api.templates.install({ id: PHONE, credentials: { trestle_api_key: { value: SECRET } } });
    const second = await services.api.templates.install({ id: PHONE, credentials: { trestle_api_key: { value: SECRET } } });
    expect(first.name).toBe('Phone Number Enrichment');
    expect(second.name).not.toBe(first.name);
    expect(second.connectorId).not.toBe(first.connectorId);
    expect(second.file).not.toBe(first.file);
    // Same value: one vault entry, both connectors reference it.
    expect(first.credentialNames).toEqual({ trestle_api_key: 'trestle_api_key' });
    expect(second.credentialNames).toEqual({ trestle_api_key: 'trestle_api_key' });
    expect((await services.api.credentials.list()).map((c) => c.name)).toEqual(['trestle_api_key']);

    const list = await services.api.connectors.list();
    expect(list.filter((e) => e.kind === 'connector')).toHaveLength(2);
    const files = await allFiles(workspaceDir);
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) expect(file.text, file.path).not.toContain(SECRET);
    const doc = await services.api.connectors.get({ id: first.connectorId });
    expect(doc.connector.template).toEqual({ id: PHONE, version: 1, credentials: { trestle_api_key: 'trestle_api_key' } });
    expect(JSON.stringify(doc.connector.auth)).toContain('{{credentials.trestle_api_key}}');
  });

  it('a different value for an existing name gets its own credential instead of overwriting', async () => {
    await services.api.credentials.set({ name: 'trestle_api_key', value: 'someone-elses-key-123' });
    const result = await services.api.templates.install({ id: PHONE, credentials: { trestle_api_key: { value: SECRET } } });
    expect(result.credentialNames).toEqual({ trestle_api_key: 'trestle_api_key_2' });
    const doc = await services.api.connectors.get({ id: result.connectorId });
    expect(JSON.stringify(doc.connector)).toContain('{{credentials.trestle_api_key_2}}');
    expect(JSON.stringify(doc.connector)).not.toContain('{{credentials.trestle_api_key}}');
    expect(doc.connector.credentials.map((c) => c.name)).toEqual(['trestle_api_key_2']);
  });

  it('picking an existing credential renames every reference, copies the cassettes, and replay maps the contact', async () => {
    await services.api.credentials.set({ name: 'my_trestle', value: SECRET });
    const result = await services.api.templates.install({ id: PHONE, credentials: { trestle_api_key: { existing: 'my_trestle' } } });
    expect(result.credentialNames).toEqual({ trestle_api_key: 'my_trestle' });
    expect(result.cassettes).toEqual(['default', 'known-phone', 'unknown-phone']);
    const { connector, file } = await services.api.connectors.get({ id: result.connectorId });
    // Only the remembered choice (template slot → credential) still names the template's slot.
    expect(connector.template?.credentials).toEqual({ trestle_api_key: 'my_trestle' });
    const text = JSON.stringify({ ...connector, template: undefined });
    expect(text).not.toContain('trestle_api_key');
    expect(text).toContain('{{credentials.my_trestle}}');
    const dir = file.replace(/\.connector\.json$/, '.cassettes');
    expect((await readdir(join(workspaceDir, dir))).sort()).toEqual(['default.json', 'known-phone.json', 'unknown-phone.json']);
    expect(connector.tests.filter((t) => t.mode === 'replay').map((t) => t.cassette)).toEqual([`${dir}/known-phone.json`, `${dir}/unknown-phone.json`]);
    expect((await services.api.credentials.list()).map((c) => c.name)).toEqual(['my_trestle']);

    const record = await replay(result.connectorId, 'known-phone', { phone: '+12065550123' });
    expect(record.status).toBe('success');
    expect(record.contact).toMatchObject({ first_name: 'Ava', last_name: 'Thompson', city: 'Seattle', postal_code: '98126' });
    // The editor's plain "Replay" uses the default cassette.
    expect((await replay(result.connectorId, 'default', { phone: '+12065550123' })).contact).toMatchObject({ first_name: 'Ava' });
    for (const f of await allFiles(workspaceDir)) expect(f.text, f.path).not.toContain(SECRET);
  });

  it('installs without credentials ("later") and replays its cassettes with nothing in the vault', async () => {
    const result = await services.api.templates.install({ id: PHONE, credentials: { trestle_api_key: { later: true } } });
    expect(result.credentialNames).toEqual({ trestle_api_key: 'trestle_api_key' });
    expect(await services.api.credentials.list()).toEqual([]);
    const { connector } = await services.api.connectors.get({ id: result.connectorId });
    expect(JSON.stringify(connector)).toContain('{{credentials.trestle_api_key}}');
    const record = await replay(result.connectorId, 'known-phone', { phone: '+12065550123' });
    expect(record.status, record.error?.message).toBe('success');
    expect(record.contact).toMatchObject({ first_name: 'Ava', last_name: 'Thompson' });
  });

  it('refuses a missing slot or an unknown existing credential with a hint, and writes nothing', async () => {
    expect(await invokeHostCall(services.api, 'templates.install', { id: PHONE, credentials: {} })).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', path: 'credentials.trestle_api_key' } });
    expect(await invokeHostCall(services.api, 'templates.install', { id: PHONE, credentials: { trestle_api_key: { existing: 'nope' } } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await services.api.connectors.list()).toEqual([]);
    expect(await services.api.credentials.list()).toEqual([]);
  });

  it('every built-in template installs and its own replay tests pass from the copied cassettes', async () => {
    const { templates } = await services.api.templates.list();
    for (const t of templates) {
      const credentials = Object.fromEntries(t.credentials.map((s) => [s.name, { value: `value-for-${s.name}-0123456789` }]));
      const result = await services.api.templates.install({ id: t.id, credentials });
      const { connector } = await services.api.connectors.get({ id: result.connectorId });
      for (const test of connector.tests.filter((x) => x.mode === 'replay')) {
        const name = test.cassette!.split('/').pop()!.replace(/\.json$/, '');
        const record = await replay(result.connectorId, name, Object.fromEntries(Object.entries(test.inputs).map(([k, v]) => [k, String(v)])));
        if (test.expect.status) expect(record.status, `${t.name} / ${test.name}`).toBe(test.expect.status);
        expect(record.contact, `${t.name} / ${test.name}`).toMatchObject(test.expect.contact);
      }
    }
  });
});

describe('publish check', () => {
  it('previews a clean connector with its credential slots, and refuses one with a literal secret', async () => {
    const installed = await services.api.templates.install({ id: PHONE, credentials: { trestle_api_key: { value: SECRET } } });
    const clean = await services.api.templates.publishPreview({ connectorId: installed.connectorId });
    expect(clean.ok).toBe(true);
    expect(clean.template.credentials.map((c) => c.name)).toEqual(['trestle_api_key']);
    expect(clean.template.cassettes.sort()).toHaveLength(2);
    expect(clean.template.connector.template).toBeUndefined();
    expect(clean.signedIn).toBe(false);

    const leaky = sampleConnector();
    leaky.steps[0]!.headers = [{ key: 'Authorization', value: 'Bearer ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8', enabled: true, source: 'static' }];
    const saved = await services.api.connectors.save({ connector: leaky });
    const preview = await services.api.templates.publishPreview({ connectorId: saved.id });
    expect(preview.ok).toBe(false);
    expect(preview.findings[0]).toMatchObject({ path: expect.stringContaining('headers') });
    // Refused before anything is sent, even without a server.
    expect(await invokeHostCall(services.api, 'templates.publish', { connectorId: saved.id })).toMatchObject({ ok: false, error: { code: 'SECRET_LEAK', hint: expect.stringContaining('{{credentials.') } });
  });
});

describe('update', () => {
  /** A built-in folder whose phone template is at v2: a longer timeout and a new description (plus `change`). */
  async function servicesWithPhoneV2(change: (doc: { inputs: Array<{ name: string }> } & Record<string, unknown>) => void = () => {}) {
    const dir = await makeTempDir('cs-tpl-v2-');
    cleanups.push(dir.cleanup);
    await cp(builtinDir, dir.dir, { recursive: true });
    const file = join(dir.dir, 'phone-number-enrichment.connector.json');
    const doc = JSON.parse(await readFile(file, 'utf8'));
    const next = { ...doc, description: 'Version two', template: { id: PHONE, version: 2 }, steps: doc.steps.map((step: { timeoutMs?: number }, i: number) => (i === 0 ? { ...step, timeoutMs: 9000 } : step)) };
    change(next);
    await writeFile(file, JSON.stringify(next));
    const userData = await makeTempDir('cs-tpl-user2-');
    cleanups.push(userData.cleanup);
    const v2 = await createHostServices({ userDataDir: userData.dir, workspace: workspaceDir, extensions: [templatesExtension({ builtinDir: dir.dir })] });
    cleanups.push(() => v2.close());
    return v2;
  }

  it('replaces an installed connector in place with the latest version, keeping id, name, file and credentials, and a copy of what it was', async () => {
    await services.api.credentials.set({ name: 'my_trestle', value: SECRET });
    const installed = await services.api.templates.install({ id: PHONE, credentials: { trestle_api_key: { existing: 'my_trestle' } } });
    // The user edits the installed v1 and re-records its default cassette.
    const { connector, hash, file } = await services.api.connectors.get({ id: installed.connectorId });
    await services.api.connectors.save({ connector: { ...connector, description: 'my own notes' }, baseHash: hash });
    const cassettes = join(workspaceDir, file.replace(/\.connector\.json$/, '.cassettes'));
    const ownDefault = JSON.parse(await readFile(join(cassettes, 'default.json'), 'utf8'));
    ownDefault.interactions[0].response.bodyText = ownDefault.interactions[0].response.bodyText.replace('"Ava"', '"Zoe"');
    await writeFile(join(cassettes, 'default.json'), JSON.stringify(ownDefault));

    const v2 = await servicesWithPhoneV2();
    await v2.api.credentials.set({ name: 'my_trestle', value: SECRET });
    const [offer] = await v2.api.templates.updates();
    expect(offer).toMatchObject({ connectorId: installed.connectorId, installedVersion: 1, latestVersion: 2, credentials: { trestle_api_key: 'my_trestle' }, credentialRedirects: [] });

    const result = await v2.api.templates.applyUpdate({ connectorId: installed.connectorId, credentials: { trestle_api_key: { existing: 'my_trestle' } } });
    expect(result).toMatchObject({ connectorId: installed.connectorId, name: installed.name, file, version: 2, credentialNames: { trestle_api_key: 'my_trestle' } });
    const updated = (await v2.api.connectors.get({ id: installed.connectorId })).connector;
    expect(updated.description).toBe('Version two');
    expect(updated.steps[0]!.timeoutMs).toBe(9000);
    expect(updated.template).toEqual({ id: PHONE, version: 2, credentials: { trestle_api_key: 'my_trestle' } });
    expect(JSON.stringify(updated.auth)).toContain('{{credentials.my_trestle}}');

    // Nothing of the user's is lost: the old version is its own connector, the re-recorded cassette is kept aside.
    const copy = (await v2.api.connectors.get({ id: result.copy!.connectorId })).connector;
    expect(copy).toMatchObject({ name: `${installed.name} (before v2)`, description: 'my own notes' });
    expect(copy.template).toBeUndefined();
    expect((await readdir(cassettes)).sort()).toEqual(['default-before-v2.json', 'default.json', 'known-phone.json', 'unknown-phone.json']);
    expect(await readFile(join(cassettes, 'default-before-v2.json'), 'utf8')).toContain('Zoe');

    const { runId } = await v2.api.runs.start({ connectorId: installed.connectorId, mode: 'replay', cassette: 'default', inputs: { phone: '+12065550123' } });
    await v2.runSettled(runId);
    expect((await v2.api.runs.get({ connectorId: installed.connectorId, runId })).record).toMatchObject({ status: 'success', contact: { first_name: 'Ava' } });

    expect(await v2.api.templates.updates()).toEqual([]);
    expect(await invokeHostCall(v2.api, 'templates.applyUpdate', { connectorId: installed.connectorId }))
      .toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS', message: expect.stringContaining('latest version (v2)') } });
    for (const f of await allFiles(workspaceDir)) expect(f.text, f.path).not.toContain(SECRET);
  });

  it('without keepCopy no copy is made; a connector not from a template is refused with a hint', async () => {
    const installed = await services.api.templates.install({ id: PHONE, credentials: { trestle_api_key: { value: SECRET } } });
    const { connector, hash } = await services.api.connectors.get({ id: installed.connectorId });
    await services.api.connectors.save({ connector: { ...connector, template: { id: PHONE, version: 1 } }, baseHash: hash });
    const v2 = await servicesWithPhoneV2();
    await v2.api.credentials.set({ name: 'trestle_api_key', value: SECRET });
    // Installed before credential choices were remembered: a slot of the same name is the current choice.
    expect((await v2.api.templates.updates())[0]?.credentials).toEqual({ trestle_api_key: 'trestle_api_key' });
    const result = await v2.api.templates.applyUpdate({ connectorId: installed.connectorId, credentials: { trestle_api_key: { existing: 'trestle_api_key' } }, keepCopy: false });
    expect(result.copy).toBeNull();
    expect((await v2.api.connectors.list()).filter((e) => e.kind === 'connector')).toHaveLength(1);

    await v2.api.connectors.save({ connector: sampleConnector({ id: 'plain', name: 'Plain' }) });
    expect(await invokeHostCall(v2.api, 'templates.applyUpdate', { connectorId: 'plain' }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD', hint: expect.stringContaining('Install the template') } });
  });

  it("an update that sends the installer's key to another host is flagged and refused until that credential and host are confirmed", async () => {
    await services.api.credentials.set({ name: 'my_trestle', value: SECRET });
    const installed = await services.api.templates.install({ id: PHONE, credentials: { trestle_api_key: { existing: 'my_trestle' } } });
    const before = await readFile(join(workspaceDir, installed.file), 'utf8');
    const v2 = await servicesWithPhoneV2((doc) => {
      doc.inputs = doc.inputs.map((input: { name: string }) => (input.name === 'base_url' ? { ...input, default: 'https://trestle-proxy.attacker.example' } : input));
    });
    await v2.api.credentials.set({ name: 'my_trestle', value: SECRET });
    const [offer] = await v2.api.templates.updates();
    expect(offer!.credentialRedirects).toEqual([
      expect.objectContaining({ key: 'my_trestle → https://trestle-proxy.attacker.example', credential: 'my_trestle', destination: 'https://trestle-proxy.attacker.example', previously: ['https://api.trestleiq.com (header x-api-key)'] }),
    ]);
    expect(offer!.credentialRedirects[0]!.summary).toContain('"my_trestle" would be sent to https://trestle-proxy.attacker.example');

    const refused = await invokeHostCall(v2.api, 'templates.applyUpdate', { connectorId: installed.connectorId, credentials: { trestle_api_key: { existing: 'my_trestle' } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED', message: expect.stringContaining('trestle-proxy.attacker.example'), hint: expect.stringContaining('trestle-proxy.attacker.example') } });
    // A confirmation of something else does not count either; nothing was written.
    expect(await invokeHostCall(v2.api, 'templates.applyUpdate', { connectorId: installed.connectorId, confirmCredentialRedirects: ['my_trestle → https://api.trestleiq.com'] })).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    expect(await readFile(join(workspaceDir, installed.file), 'utf8')).toBe(before);

    const applied = await v2.api.templates.applyUpdate({ connectorId: installed.connectorId, credentials: { trestle_api_key: { existing: 'my_trestle' } }, confirmCredentialRedirects: [offer!.credentialRedirects[0]!.key] });
    expect(applied.version).toBe(2);
  });
});
