/**
 * Several cassettes per connector: record two live runs under two names while the API's
 * answer changes, close the API, then replay each and see its own mapped value. A cassette keeps
 * the inputs it was recorded with, and picking it in Replay sets the run bar's inputs (undoably).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { attachScreenshot, expect, test } from './editorFixtures.js';

test('record two named cassettes, then replay each with the server closed', async ({ page, workspaceDir, editorPage: editor, openEmptyWorkspace }, testInfo) => {
  test.setTimeout(120_000);
  // A person API whose answer the test changes between recordings.
  let firstName = 'Ada';
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ first_name: firstName }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let serverOpen = true;
  const closeServer = () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  try {
    await openEmptyWorkspace();
    await page.getByTestId('new-connector-button').click();
    await page.getByTestId('connector-name-input').fill('Person cassettes');
    await editor.selectStep('step_1');
    await editor.setUrl(`${apiUrl}/person`);
    await editor.addOutput('firstName', '$.first_name');
    await editor.clickEmptyCanvas();
    await page.getByTestId('connector-tab-mappings').click();
    await page.getByTestId('add-mapping').click();
    await page.getByTestId('mapping-source').last().selectOption('step_1.firstName');
    await page.getByTestId('mapping-target').last().selectOption('first_name');
    await editor.save();

    // Nothing recorded yet: replay says how to get a cassette and cannot run.
    await page.getByTestId('run-mode').selectOption('replay');
    await expect(page.getByTestId('run-cassette-empty')).toHaveText("No cassette yet: run Live with 'Record as cassette' first");
    await expect(page.getByTestId('run-button')).toBeDisabled();
    await expect(page.getByTestId('run-cassette')).toHaveCount(0);
    // Ctrl+Enter goes through the same checks as the button: the same advice, no run.
    await editor.clickEmptyCanvas();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('run-error')).toHaveText("No cassette yet: run Live with 'Record as cassette' first");
    await expect(page.getByTestId('run-status')).toHaveCount(0);

    // Two recordings under two names, the API answering differently each time.
    await page.getByTestId('run-mode').selectOption('live');
    await page.getByTestId('run-record').check();
    const recordAs = async (name: string, start: () => Promise<void>) => {
      await page.getByTestId('run-record-name').fill(name);
      await start();
      await expect(page.getByTestId('run-status')).toHaveText('success', { timeout: 30_000 });
    };
    await recordAs('ada', () => page.getByTestId('run-button').click());
    firstName = 'Grace';
    // The shortcut records too, under the typed name (pressed in the name field: one run, not two).
    await recordAs('grace', () => page.getByTestId('run-record-name').press('Control+Enter'));
    expect(requests).toEqual(['GET /person', 'GET /person']);

    // A bad name is refused before anything runs.
    await page.getByTestId('run-record-name').fill('../escape');
    await expect(page.getByTestId('run-record-name-error')).toBeVisible();
    await expect(page.getByTestId('run-button')).toBeDisabled();
    await page.getByTestId('run-record-name').fill('');
    await expect(page.getByTestId('run-button')).toBeEnabled();

    const folder = (await readdir(workspaceDir)).find((f) => f.endsWith('.cassettes'));
    expect(folder).toBe('person-cassettes.cassettes');
    expect((await readdir(join(workspaceDir, folder!))).sort()).toEqual(['ada.json', 'grace.json']);

    // No network from here on.
    await closeServer();
    serverOpen = false;

    await page.getByTestId('run-mode').selectOption('replay');
    const select = page.getByTestId('run-cassette');
    await expect(select.locator('option')).toHaveCount(2);
    // Newest first, and the newest is chosen.
    await expect(select.locator('option').first()).toHaveAttribute('value', 'grace');
    await expect(select).toHaveValue('grace');
    await expect(select.locator('option').first()).toContainText('1 request');

    const replayAndReadFirstName = async () => {
      await page.getByTestId('run-button').click();
      await expect(page.getByTestId('run-status')).toHaveText('success', { timeout: 30_000 });
      await page.getByTestId('panel-tab-contact').click();
      return page.locator('[data-testid="contact-diff"] tr[data-field="first_name"] [data-testid="contact-after"]');
    };
    await expect(await replayAndReadFirstName()).toHaveText('"Grace"');
    await attachScreenshot(page, testInfo, 'replay-grace');

    await select.selectOption('ada');
    await expect(await replayAndReadFirstName()).toHaveText('"Ada"');
    // The choice survives the list refresh that follows every finished run.
    await expect(select).toHaveValue('ada');
    await attachScreenshot(page, testInfo, 'replay-ada');
    expect(requests).toHaveLength(2);
  } finally {
    if (serverOpen) await closeServer();
  }
});

test('a cassette keeps its run\'s inputs: the list shows them, Replay starts from them (with Undo), an older cassette without them changes nothing', async ({ page, workspaceDir, openEmptyWorkspace }) => {
  test.setTimeout(120_000);
  // The answer depends on the input, so only the recorded input replays.
  const server = createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').searchParams.get('name') ?? '';
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ first_name: name.toUpperCase() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let serverOpen = true;
  const closeServer = () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  try {
    await writeFile(join(workspaceDir, 'people.connector.json'), `${JSON.stringify({
      schemaVersion: 1, id: 'people', name: 'People',
      inputs: [{ name: 'who', type: 'string', required: true, label: 'Who' }],
      steps: [{ id: 'step_1', name: 'Person', url: `${apiUrl}/person?name={{who}}`, position: { x: 300, y: 0 }, outputs: [{ name: 'firstName', path: '$.first_name' }] }],
      fieldMappings: [{ source: 'step_1.firstName', target: 'first_name' }],
    }, null, 2)}\n`);
    await openEmptyWorkspace();
    await page.locator('[data-testid="connector-card"][data-connector-id="people"] [data-testid="connector-card-name"]').click();
    await expect(page.locator('[data-testid="editor"][data-connector-id="people"]')).toBeVisible();

    const who = page.getByTestId('run-input-who');
    await page.getByTestId('run-mode').selectOption('live');
    await page.getByTestId('run-record').check();
    const record = async (name: string) => {
      await who.fill(name);
      await page.getByTestId('run-record-name').fill(name);
      await page.getByTestId('run-button').click();
      await expect(page.getByTestId('run-status')).toHaveText('success', { timeout: 30_000 });
    };
    await record('ada');
    const folder = join(workspaceDir, 'people.cassettes');
    const ada = JSON.parse(await readFile(join(folder, 'ada.json'), 'utf8')) as Record<string, unknown>;
    expect(ada.inputs).toEqual({ who: 'ada' });
    // An older cassette, recorded before inputs were kept (listed after the next run).
    const { inputs: _kept, ...old } = ada;
    await writeFile(join(folder, 'old.json'), JSON.stringify({ ...old, recordedAt: '2020-01-01T00:00:00.000Z' }));
    await record('grace');
    await closeServer();
    serverOpen = false;

    // The user types something else, then switches to Replay: the newest cassette (grace) sets its input, undoably.
    await who.fill('typed by me');
    await page.getByTestId('run-mode').selectOption('replay');
    const select = page.getByTestId('run-cassette');
    await expect(select).toHaveValue('grace');
    await expect(select.locator('option[value="grace"]')).toContainText('inputs: who grace');
    await expect(select.locator('option[value="old"]')).not.toContainText('inputs:');
    await expect(who).toHaveValue('grace');
    const notice = page.getByTestId('toast').filter({ hasText: 'Inputs set from the cassette "grace" (Who)' });
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Undo' }).click();
    await expect(who).toHaveValue('typed by me');

    // Picking a cassette sets the inputs it was recorded with, and it replays (the server is closed).
    await select.selectOption('ada');
    await expect(who).toHaveValue('ada');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('success', { timeout: 30_000 });
    await page.getByTestId('panel-tab-contact').click();
    await expect(page.locator('[data-testid="contact-diff"] tr[data-field="first_name"] [data-testid="contact-after"]')).toHaveText('"ADA"');

    // The older cassette has no inputs: the run bar keeps what it shows, and nothing is announced.
    await who.fill('still mine');
    await select.selectOption('old');
    await expect(who).toHaveValue('still mine');
    await expect(page.getByTestId('toast').filter({ hasText: 'Inputs set from the cassette "old"' })).toHaveCount(0);
  } finally {
    if (serverOpen) await closeServer();
  }
});
