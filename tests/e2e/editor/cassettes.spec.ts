/**
 * Several cassettes per connector: record two live runs under two names while the API's
 * answer changes, close the API, then replay each and see its own mapped value.
 */
import { readdir } from 'node:fs/promises';
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
