/**
 * A connector that would miss a credential on a live run is not "Valid": a credential it uses
 * with no stored value, or bearer auth that names no credential, is a problem with a button
 * that opens the credential form right there. A live run asks for the credential first; mock
 * and replay runs need none.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, readAllFiles, test } from './editorFixtures.js';

const SECRET = 'tok_e2e_4d3c2b1a0f9e8d7c';

function connectorFile(id: string, sandboxUrl: string, auth: Record<string, string>) {
  return {
    schemaVersion: 2, id, name: id === 'alpha' ? 'Alpha' : 'Beta', auth,
    inputs: [{ name: 'phone', type: 'string', required: true }],
    steps: [{ id: 'step_1', name: 'Search', method: 'GET', url: `${sandboxUrl}/search?phone={{phone}}`, position: { x: 300, y: 0 }, outputs: [{ name: 'id', path: '$.results[0].id' }], mock: { status: 200, body: { results: [{ id: 'm-1' }] } } }],
  };
}

const open = async (page: import('@playwright/test').Page, id: string) => {
  await page.locator(`[data-testid="connector-card"][data-connector-id="${id}"] [data-testid="connector-card-name"]`).click();
  await expect(page.locator(`[data-testid="editor"][data-connector-id="${id}"]`)).toBeVisible();
};

test('a credential with no stored value is a problem; mock runs anyway, a live run asks for it first', async ({ page, sandbox, workspaceDir, userDataDir, openEmptyWorkspace }) => {
  await writeFile(join(workspaceDir, 'alpha.connector.json'), JSON.stringify(connectorFile('alpha', sandbox.url, { type: 'bearer', token: '{{credentials.crm_token}}' }), null, 2));
  await openEmptyWorkspace();
  await open(page, 'alpha');
  await expect(page.getByTestId('problems-count')).toHaveText('1 problem');
  await page.getByTestId('problems-count').click();
  await expect(page.getByTestId('problem')).toContainText('Auth: Token uses the credential "crm_token", which has no stored value.');

  // Offline needs no secret.
  await page.getByTestId('run-input-phone').fill('+1555');
  await page.getByTestId('run-mode').selectOption('mock');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('success');

  // Live: the credential is asked for, and the run starts once it is stored.
  await page.getByTestId('run-mode').selectOption('live');
  await page.getByTestId('run-button').click();
  const prompt = page.getByTestId('credential-prompt');
  await expect(prompt).toContainText('A live run needs it.');
  expect(sandbox.requests).toEqual([]);
  await expect(prompt.getByTestId('credential-name-input')).toHaveValue('crm_token');
  // The name is filled in, so the secret's field has the focus: type it and press Enter.
  await expect(prompt.getByTestId('credential-value-input')).toBeFocused();
  await page.keyboard.type(SECRET);
  await page.keyboard.press('Enter');
  await expect(prompt).toHaveCount(0);
  await expect.poll(() => sandbox.requests).toEqual(['GET /search?phone=%2B1555']);
  await expect(page.getByTestId('run-status')).toHaveText('success');
  await expect(page.getByTestId('problems-count')).toHaveText('Valid');
  for (const file of [...await readAllFiles(workspaceDir), ...await readAllFiles(userDataDir)]) {
    expect(file.content.includes(SECRET), `${file.path} holds the secret`).toBe(false);
  }
});

test('bearer auth that names no credential is a problem whose button stores one and writes its reference', async ({ page, sandbox, workspaceDir, editorPage: editor, openEmptyWorkspace }) => {
  await writeFile(join(workspaceDir, 'beta.connector.json'), JSON.stringify(connectorFile('beta', sandbox.url, { type: 'bearer', token: '' }), null, 2));
  await openEmptyWorkspace();
  await open(page, 'beta');
  await expect(page.getByTestId('problems-count')).toHaveText('1 problem');
  await page.getByTestId('problems-count').click();
  await expect(page.getByTestId('problem')).toContainText('names no credential.');
  await page.getByTestId('problem-set-credential').click();
  const prompt = page.getByTestId('credential-prompt');
  await expect(prompt.getByTestId('credential-name-input')).toHaveValue('beta_token');
  await prompt.getByTestId('credential-value-input').fill(SECRET);
  await prompt.getByTestId('credential-save-button').click();
  await expect(prompt).toHaveCount(0);
  await expect(page.getByTestId('problems-count')).toHaveText('Valid');
  await editor.save();
  const saved = JSON.parse(await readFile(join(workspaceDir, 'beta.connector.json'), 'utf8')) as { auth: unknown };
  expect(saved.auth).toEqual({ type: 'bearer', token: '{{credentials.beta_token}}' });
});
