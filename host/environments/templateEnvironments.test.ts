/** A template's declared environments: created on install, an existing one of the same name kept and reported, secrets by name only. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHostServices, type HostServices } from '../api/createHostServices.js';
import { templatesExtension } from '../templates/templatesExtension.js';
import { makeTempDir } from '../test-helpers/tempDir.js';
import { environmentsForTemplate } from './templateEnvironments.js';
import { ConnectorSchema } from '#core';

let services: HostServices;
let workspace: string;
const cleanups: Array<() => Promise<void>> = [];

const template = {
  schemaVersion: 2, id: 'tpl-env', name: 'Partner lookup',
  steps: [{ id: 'lookup', url: '{{env.base_url}}/lookup', headers: [{ key: 'x-key', value: '{{env.partner_key}}' }] }],
};
const declared = {
  environments: {
    production: { confirmLiveRuns: true, secrets: ['partner_key'], variables: { base_url: 'https://api.partner.example' } },
    sandbox: { secrets: ['partner_key'], variables: { base_url: 'https://sandbox.partner.example' } },
  },
};

beforeEach(async () => {
  const userData = await makeTempDir('cs-tplenv-user-');
  const ws = await makeTempDir('cs-tplenv-ws-');
  const builtin = await makeTempDir('cs-tplenv-builtin-');
  workspace = ws.dir;
  await writeFile(join(builtin.dir, 'partner-lookup.connector.json'), JSON.stringify(template));
  await writeFile(join(builtin.dir, 'partner-lookup.environments.json'), JSON.stringify(declared));
  services = await createHostServices({ userDataDir: userData.dir, workspace: ws.dir, extensions: [templatesExtension({ builtinDir: builtin.dir })] });
  cleanups.push(userData.cleanup, ws.cleanup, builtin.cleanup, () => services.close());
});
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('template environments', () => {
  it('installing creates the declared environments and never overwrites one the workspace has', async () => {
    await services.api.environments.save({ name: 'sandbox', variables: { base_url: 'http://127.0.0.1:9999' } });
    const result = await services.api.templates.install({ id: 'official:partner-lookup', credentials: {} });
    expect(result.environments).toEqual({ created: ['production'], kept: ['sandbox'] });
    expect(await services.api.environments.list()).toEqual([
      { name: 'production', variables: { base_url: 'https://api.partner.example' }, secrets: [{ name: 'partner_key', set: false }], confirmLiveRuns: true },
      { name: 'sandbox', variables: { base_url: 'http://127.0.0.1:9999' }, secrets: [], confirmLiveRuns: false },
    ]);
    // A second install changes nothing and says so.
    expect((await services.api.templates.install({ id: 'official:partner-lookup', credentials: {} })).environments).toEqual({ created: [], kept: ['production', 'sandbox'] });
  });

  it('a published template declares the workspace environments cut to the variables it uses, secrets by name only', async () => {
    await services.api.environments.save({ name: 'sandbox', variables: { base_url: 'https://sandbox.test', unrelated: 'x' } });
    await services.api.environments.setSecret({ environment: 'sandbox', name: 'partner_key', value: 'PLANTED-secret-1123' });
    const declaredForPublish = await environmentsForTemplate(workspace, ConnectorSchema.parse(template));
    expect(declaredForPublish).toEqual({ sandbox: { variables: { base_url: 'https://sandbox.test' }, secrets: ['partner_key'], confirmLiveRuns: false } });
    expect(JSON.stringify(declaredForPublish)).not.toContain('PLANTED');
    expect(await readFile(join(workspace, 'environments.json'), 'utf8')).not.toContain('PLANTED');
  });
});
