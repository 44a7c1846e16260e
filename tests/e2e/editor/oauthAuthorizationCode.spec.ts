/**
 * Issue 13: OAuth 2.0 authorization code with PKCE, the whole flow in Chromium (browser mode)
 * against a local RFC 6749/7636 authorization server: Connect opens the sign-in in a tab, the
 * redirect lands on the host's loopback listener, the status shows who is connected, a live run
 * uses the token and refreshes it once when the provider kills it, Disconnect forgets it — and no
 * token is in any workspace or user-data file but the encrypted vault.
 */
import { createAuthorizationServer } from '#core/test-helpers';
import { expect, readAllFiles, test } from './editorFixtures.js';

test('connect, run, refresh once, disconnect', async ({ page, workspaceDir, userDataDir, editorPage: editor, openEmptyWorkspace }) => {
  test.setTimeout(120_000);
  const server = await createAuthorizationServer();
  try {
    await openEmptyWorkspace();
    await page.getByTestId('new-connector-button').click();
    await page.getByTestId('connector-name-input').fill('CRM over OAuth');
    await editor.selectStep('step_1');
    await editor.setUrl(`${server.url}/api/me`);
    await editor.addOutput('email', '$.email');
    await editor.clickEmptyCanvas();

    await page.getByTestId('connector-tab-auth').click();
    await page.getByTestId('auth-type-select').selectOption('oauth2_authorization_code');
    await page.getByLabel('Authorization URL').fill(`${server.url}/authorize`);
    await page.getByLabel('Token URL').fill(`${server.url}/token`);
    await page.getByLabel('Client id').fill(server.clientId);
    await page.getByLabel('Scopes').fill('contacts.read offline');
    await page.getByTestId('oauth-connection-name').fill('crm_oauth');
    await expect(page.getByTestId('oauth-status')).toHaveText('Not connected.');

    const popup = page.waitForEvent('popup');
    await page.getByTestId('oauth-connect-button').click();
    const tab = await popup;
    await expect(tab.getByRole('heading')).toHaveText('Connected');
    expect(new URL(tab.url()).pathname).toBe('/callback');
    await expect(page.getByTestId('oauth-status')).toContainText('Connected as alice@example.com');
    await expect(page.getByTestId('oauth-status')).toContainText('scopes: contacts.read offline');
    await expect(page.getByTestId('oauth-connect-button')).toHaveText('Reconnect');
    await tab.close();
    expect(server.authorizeRequests.at(-1)?.get('code_challenge_method')).toBe('S256');

    await editor.save();
    await page.getByTestId('run-mode').selectOption('live');
    await page.getByTestId('run-button').click();
    await expect(page.getByTestId('run-status')).toHaveText('success', { timeout: 30_000 });

    // The provider kills the access token early: the next run refreshes once and succeeds.
    server.expireAccessTokens();
    await page.getByTestId('run-button').click();
    await expect.poll(() => server.grants.join(','), { timeout: 30_000 }).toBe('authorization_code,refresh_token');
    await expect(page.getByTestId('run-status')).toHaveText('success', { timeout: 30_000 });

    const tokens = /\b(at|rt)-[A-Za-z0-9_-]{16}\b/;
    for (const file of [...(await readAllFiles(workspaceDir)), ...(await readAllFiles(userDataDir))]) {
      expect(file.content.toString('utf8'), file.path).not.toMatch(tokens);
    }

    await page.getByTestId('oauth-disconnect-button').click();
    await expect(page.getByTestId('oauth-status')).toHaveText('Not connected.');
    await expect(page.getByTestId('oauth-connect-button')).toHaveText('Connect');
  } finally {
    await server.close();
  }
});
