/**
 * From an empty workspace, a user builds a connector by clicking and typing only: a search
 * step, two parallel steps, a conditional edge and field mappings; runs it live against a
 * local sandbox; sees the parallel overlap and the skipped step; saves, reloads, exports.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { exportInterchange, loadConnectorDocument } from '#core';
import { attachScreenshot, expect, test } from './editorFixtures.js';
import { chooseExport } from '../pages/exportMenu.js';

test('build, run, save, reload and export a multi-step connector', async ({ page, workspaceDir, sandbox, editorPage: editor, openEmptyWorkspace }, testInfo) => {
  test.setTimeout(180_000);
  await openEmptyWorkspace();
  await expect(page.getByTestId('dashboard-empty')).toBeVisible();
  await attachScreenshot(page, testInfo, 'dashboard-empty');

  await page.getByTestId('new-connector-button').click();
  await expect(page.getByTestId('editor')).toBeVisible();
  await page.getByTestId('connector-name-input').fill('Phone enrichment');

  // An input the search uses.
  await page.getByTestId('connector-tab-inputs').click();
  await page.getByTestId('add-input').click();
  await page.getByTestId('input-name').fill('phone');

  // Step 1: search by phone.
  await editor.selectStep('step_1');
  await editor.renameSelectedStep('search');
  await page.getByTestId('step-name-input').fill('Search contact');
  await editor.setUrl(`${sandbox.url}/search`);
  await editor.openStepTab('query');
  await page.getByRole('button', { name: '+ Add query parameter' }).click();
  await page.getByLabel('query parameter name', { exact: true }).fill('phone');
  // Autocomplete offers exactly the variables core allows here.
  const value = page.getByLabel('query parameter value', { exact: true });
  await value.click();
  await value.pressSequentially('{{ph');
  await expect(page.getByTestId('template-completions')).toContainText('phone');
  await value.press('Enter');
  await expect(value).toHaveValue('{{phone}}');
  await editor.addOutput('contactId', '$.results[0].id');

  // Two parallel steps dragged out of the search step's handle.
  await editor.dragNewStepFrom('search', 260, -120);
  await expect(editor.node('step_2')).toBeVisible();
  // Selected, its name field focused (it has no name yet).
  await expect(page.getByTestId('step-inspector')).toHaveAttribute('data-step-id', 'step_2');
  await expect(page.getByTestId('step-name-input')).toBeFocused();
  await editor.selectStep('step_2');
  await editor.renameSelectedStep('details');
  await editor.setUrl(`${sandbox.url}/contacts/{{search.contactId}}`);
  await editor.addOutput('firstName', '$.first_name');
  await editor.addOutput('companyId', '$.companyId');

  await editor.dragNewStepFrom('search', 260, 120);
  await expect(editor.node('step_3')).toBeVisible();
  await editor.selectStep('step_3');
  await editor.renameSelectedStep('verify');
  await page.getByTestId('step-method-select').selectOption('POST');
  await editor.setUrl(`${sandbox.url}/verify`);
  await editor.addOutput('valid', '$.valid');

  // A company step behind a conditional link.
  await editor.dragNewStepFrom('details', 160, -110);
  await expect(editor.node('step_4')).toBeVisible();
  await editor.selectStep('step_4');
  await editor.renameSelectedStep('company');
  await editor.setUrl(`${sandbox.url}/companies/{{details.companyId}}`);
  await editor.addOutput('name', '$.name');
  await page.getByRole('button', { name: '← from details' }).click();
  await expect(page.getByTestId('edge-inspector')).toBeVisible();
  await editor.typeInMonaco('condition-editor', '{{details.companyId}} !== null');
  await expect(page.getByTestId('condition-error')).toHaveCount(0);
  await expect(page.getByTestId('edge-label')).toContainText('details.companyId');

  // Field mappings on the connector.
  await page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.getByTestId('connector-tab-mappings').click();
  await page.getByTestId('add-mapping').click();
  await page.getByTestId('mapping-source').last().selectOption('details.firstName');
  await page.getByTestId('mapping-target').last().selectOption('first_name');
  await page.getByTestId('add-mapping').click();
  await page.getByTestId('mapping-source').last().selectOption('company.name');
  await page.getByTestId('mapping-target').last().selectOption('company');
  await expect(page.getByTestId('problems-count')).toHaveText('Valid');
  await expect(page.getByTestId('step-limit')).toHaveText('4 / 5 steps');
  await attachScreenshot(page, testInfo, 'editor-built');

  // Run live against the sandbox.
  await page.getByTestId('run-mode').selectOption('live');
  await page.getByTestId('run-input-phone').fill('+1 555 0100');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).toHaveText('success', { timeout: 30_000 });
  await expect(editor.node('company')).toHaveAttribute('data-status', 'skipped');
  await expect(editor.node('details')).toHaveAttribute('data-status', 'success');
  expect(sandbox.requests).toContain('GET /search?phone=%2B1%20555%200100');
  expect(sandbox.requests.some((r) => r.startsWith('GET /companies'))).toBe(false);
  await attachScreenshot(page, testInfo, 'run-results');

  await page.getByTestId('panel-tab-timeline').click();
  const span = async (id: string) => {
    const bar = page.getByTestId(`timeline-bar-${id}`);
    return { start: Number(await bar.getAttribute('data-start')), end: Number(await bar.getAttribute('data-end')) };
  };
  const details = await span('details');
  const verify = await span('verify');
  const search = await span('search');
  expect(details.start).toBeGreaterThanOrEqual(search.end);
  // The parallel branches overlap in time.
  expect(details.start < verify.end && verify.start < details.end).toBe(true);
  await expect(page.getByTestId('timeline-skipped-company')).toHaveText('skipped');
  // Rows name the steps as the canvas does, not by id.
  await expect(page.getByTestId('timeline-label-search')).toHaveText('Search contact');
  await attachScreenshot(page, testInfo, 'timeline');

  await page.getByTestId('panel-tab-contact').click();
  await expect(page.locator('[data-field="first_name"] [data-testid="contact-after"]')).toHaveText('"Ada"');

  // Save, reload, find it intact.
  await editor.save();
  const files = (await readdir(workspaceDir)).filter((f) => f.endsWith('.json'));
  expect(files).toHaveLength(1);
  const onDisk = loadConnectorDocument(JSON.parse(await readFile(join(workspaceDir, files[0]!), 'utf8')));
  expect(onDisk.steps.map((s) => s.id).sort()).toEqual(['company', 'details', 'search', 'verify']);
  expect(onDisk.edges.find((e) => e.target === 'company')?.condition).toBe('{{details.companyId}} !== null');

  // A reload lands back in the editor it left (saved: nothing to restore); then the dashboard.
  await page.reload();
  await expect(page.getByTestId('editor')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Saved');
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  const card = page.getByTestId('connector-card').filter({ hasText: 'Phone enrichment' });
  await expect(card).toContainText('4 steps');
  await attachScreenshot(page, testInfo, 'dashboard');
  await card.getByTestId('connector-card-name').click();
  await expect(editor.node('company')).toBeVisible();
  await expect(page.getByTestId('edge-label')).toContainText('{{details.companyId}} !== null');
  await expect(page.getByTestId('save-status')).toHaveText('Saved');

  // company depends on details only: not expressible in the interchange format, and the app says so.
  await chooseExport(page.getByTestId('export-button'), 'interchange');
  await expect(page.getByTestId('toast').filter({ hasText: 'Not exported' })).toContainText('In the editor, link');

  // Link verify → company as well (drag handle to handle), save, then export and compare
  // with core's interchange export of the saved document.
  await page.getByRole('button', { name: 'Fit view', exact: true }).click();
  await page.waitForTimeout(400);
  await page.locator('.react-flow__node[data-id="verify"] .react-flow__handle.source')
    .dragTo(page.locator('.react-flow__node[data-id="company"] .react-flow__handle.target'));
  await expect(page.getByTestId('save-status')).toHaveText('Unsaved changes');
  // The interchange format has one condition per step: move the link's condition onto the
  // step itself (its own condition, edited in the step inspector and shown on the node).
  await editor.selectStep('company');
  await page.getByRole('button', { name: '← from details (if {{details.companyId}} !== null)' }).click();
  await expect(page.getByTestId('edge-inspector')).toBeVisible();
  await editor.typeInMonaco('condition-editor', '');
  await expect(page.getByTestId('edge-label')).toHaveCount(0);
  await editor.selectStep('company');
  await editor.typeInMonaco('step-condition-editor', '{{details.companyId}} !== null');
  await expect(page.getByTestId('step-condition-error')).toHaveCount(0);
  await expect(editor.node('company').getByTestId('node-condition')).toHaveText('if {{details.companyId}} !== null');
  await expect(page.getByTestId('problems-count')).toHaveText('Valid');
  await editor.save();
  const saved = loadConnectorDocument(JSON.parse(await readFile(join(workspaceDir, files[0]!), 'utf8')));
  expect(saved.edges.filter((e) => e.target === 'company').map((e) => e.source).sort()).toEqual(['details', 'verify']);
  expect(saved.edges.filter((e) => e.target === 'company').every((e) => e.condition === undefined)).toBe(true);
  expect(saved.steps.find((s) => s.id === 'company')?.condition).toBe('{{details.companyId}} !== null');
  const download = page.waitForEvent('download');
  await chooseExport(page.getByTestId('export-button'), 'interchange');
  const exported = JSON.parse(await readFile(await (await download).path(), 'utf8'));
  expect(exported).toEqual(JSON.parse(JSON.stringify(exportInterchange(saved))));
  expect(exported.type).toBe('multi-step');
  // The step's own condition is the company entry's condition in the interchange file
  // (entries may sit inside parallel groups, hence the walk).
  type Entry = { id?: string; steps?: Entry[]; condition?: { expression: string } };
  const findEntry = (entries: Entry[]): Entry | undefined => entries.map((e) => (e.id === 'company' ? e : findEntry(e.steps ?? []))).find(Boolean);
  expect(findEntry(exported.config.steps as Entry[])?.condition?.expression).toBe('{{details.companyId}} !== null');
});
