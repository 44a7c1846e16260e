/** Page object for the connector editor (canvas, inspector, run panel). */
import { expect, type Locator, type Page } from '@playwright/test';

export class EditorPage {
  constructor(readonly page: Page) {}

  node(stepId: string): Locator {
    return this.page.locator(`[data-testid="step-node"][data-step-id="${stepId}"]`);
  }

  async selectStep(stepId: string): Promise<void> {
    await this.node(stepId).click();
    await expect(this.page.getByTestId('step-inspector')).toHaveAttribute('data-step-id', stepId);
  }

  /** Drags a new connection out of a node's right handle and drops it on empty canvas. */
  async dragNewStepFrom(nodeId: string, dx: number, dy: number): Promise<void> {
    // Bring every node into view first (fit view animates for 200 ms).
    await this.page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await this.page.waitForTimeout(400);
    const handle = this.page.locator(`.react-flow__node[data-id="${nodeId}"] .react-flow__handle.source`);
    const box = await handle.boundingBox();
    if (!box) throw new Error(`no handle on ${nodeId}`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
    await this.page.mouse.move(x + dx, y + dy, { steps: 5 });
    await this.page.mouse.up();
  }

  async renameSelectedStep(id: string): Promise<void> {
    const input = this.page.getByTestId('step-id-input');
    await input.fill(id);
    await input.press('Enter');
    await expect(this.page.getByTestId('step-inspector')).toHaveAttribute('data-step-id', id);
  }

  async setUrl(url: string): Promise<void> {
    await this.page.getByTestId('step-url-input').fill(url);
    await this.page.getByTestId('step-url-input').press('Escape');
  }

  async addOutput(name: string, path: string): Promise<void> {
    await this.page.getByTestId('step-tab-outputs').click();
    await this.page.getByTestId('add-output').click();
    await this.page.getByTestId('output-name-input').last().fill(name);
    await this.page.getByTestId('output-path-input').last().fill(path);
  }

  /** Types into a Monaco field (a real keyboard, as a user would). */
  async typeInMonaco(testId: string, text: string): Promise<void> {
    const editor = this.page.getByTestId(testId).locator('.monaco-editor');
    await expect(editor).toBeVisible();
    await editor.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text, { delay: 10 });
    await this.page.keyboard.press('Escape');
  }

  /** Clicks empty canvas: selects the connector and moves focus out of any text field. */
  async clickEmptyCanvas(): Promise<void> {
    await this.page.getByTestId('canvas').locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  }

  nodeName(stepId: string): Locator {
    return this.node(stepId).locator('.step-node-name');
  }

  async save(): Promise<void> {
    await this.page.getByTestId('save-button').click();
    await expect(this.page.getByTestId('save-status')).toHaveText('Saved');
  }
}
