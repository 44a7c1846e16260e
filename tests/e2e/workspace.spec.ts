/**
 * Issue 3: open a workspace, create and save a connector, see the file on disk, edit the
 * file on disk and see the app update; invalid files are listed, not dropped.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures.js';

async function connectorFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith('.connector.json'));
}

test('open a workspace, create a connector, save it and find it on disk', async ({ app, workspaceDir, shell, chooser, dashboard, editor }) => {
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await expect(shell.workspaceName).toContainText(workspaceDir.split('/').pop()!);

  await dashboard.createConnector();
  await editor.rename('Phone lookup');
  await editor.save();

  await expect.poll(() => connectorFiles(workspaceDir)).toEqual(['phone-lookup.connector.json']);
  const text = await readFile(join(workspaceDir, 'phone-lookup.connector.json'), 'utf8');
  const doc = JSON.parse(text);
  expect(doc).toMatchObject({ schemaVersion: 2, name: 'Phone lookup', id: await editor.connectorId() });
  expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`); // pretty-printed
  expect(text.indexOf('"schemaVersion"')).toBeLessThan(text.indexOf('"steps"')); // stable key order

  await shell.goToDashboard();
  await expect(dashboard.cardName(doc.id)).toHaveText('Phone lookup');
});

test('browser mode: "Choose a folder…" says there is no folder dialog and sends the user to the path field', async ({ app, page, shell, chooser }) => {
  await shell.open(app.url);
  await page.getByRole('button', { name: 'Choose a folder…' }).click();
  await expect(page.getByTestId('workspace-no-dialog')).toHaveText("This window cannot show a folder dialog. Type the folder's full path below.");
  await expect(page.getByRole('button', { name: 'Choose a folder…' })).toHaveCount(0);
  await expect(chooser.pathInput).toBeFocused();
});

test('an edit of the file on disk shows up in the app', async ({ app, workspaceDir, shell, chooser, dashboard, editor }) => {
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  await dashboard.createConnector();
  await editor.rename('Before');
  await editor.save();
  const id = await editor.connectorId();
  const file = join(workspaceDir, 'before.connector.json');

  // A clean editor follows the file (like a `git pull`).
  const doc = JSON.parse(await readFile(file, 'utf8'));
  await writeFile(file, `${JSON.stringify({ ...doc, name: 'Edited on disk' }, null, 2)}\n`);
  await expect(editor.nameInput).toHaveValue('Edited on disk');
  await expect(editor.saveStatus).toContainText('Saved');
  await shell.goToDashboard();
  await expect(dashboard.cardName(id)).toHaveText('Edited on disk');
  await dashboard.openConnector(id);

  // With unsaved edits, the external change is surfaced, not silently applied or overwritten.
  await editor.rename('My unsaved name');
  await writeFile(file, `${JSON.stringify({ ...doc, name: 'Pulled again' }, null, 2)}\n`);
  await expect(editor.externalChangeBanner).toBeVisible();
  await expect(editor.nameInput).toHaveValue('My unsaved name');
  expect(JSON.parse(await readFile(file, 'utf8')).name).toBe('Pulled again');
});

test('files added on disk appear on the dashboard; corrupt ones are listed with their error', async ({ app, workspaceDir, shell, chooser, dashboard }) => {
  await shell.open(app.url);
  await chooser.open(workspaceDir);
  const connector = { schemaVersion: 2, id: 'from_git', name: 'From git', steps: [{ id: 'lookup', url: 'https://api.example.com/x' }] };
  await writeFile(join(workspaceDir, 'from-git.connector.json'), JSON.stringify(connector, null, 2));
  await expect(dashboard.cardName('from_git')).toHaveText('From git');

  await writeFile(join(workspaceDir, 'broken.connector.json'), '{ "schemaVersion": 2, "name": ');
  await expect(dashboard.invalidCard('broken.connector.json')).toContainText('JSON');
  await expect(dashboard.cardName('from_git')).toHaveText('From git');
});

test('create a new workspace folder and reopen it after a reload', async ({ app, workspaceDir, shell, chooser, page }) => {
  const target = join(workspaceDir, 'brand-new');
  await shell.open(app.url);
  await chooser.create(target);
  expect(await readdir(target)).toEqual([]);
  await expect(shell.workspaceName).toContainText('brand-new');

  // The token survives a reload without ?token= (session storage / cookie), and the workspace stays open.
  await page.goto(app.origin);
  await expect(shell.ready).toBeVisible();
  await expect(shell.workspaceName).toContainText('brand-new');
});

test('a missing folder gets a clear error and nothing is created', async ({ app, workspaceDir, shell, chooser }) => {
  await shell.open(app.url);
  const missing = join(workspaceDir, 'does-not-exist');
  await chooser.pathInput.fill(missing);
  await chooser.openButton.click();
  await expect(chooser.error).toContainText('does not exist');
  expect(await readdir(workspaceDir)).toEqual([]);
});
