/** Page object for the connector editor (canvas, inspector, run panel). */
import { expect, type Locator, type Page } from '@playwright/test';

/** Fit view and auto-layout never zoom out further than this (renderer/canvas/useReadableFit.ts FIT_MIN_ZOOM). */
export const FIT_MIN_ZOOM = 0.8;

export class EditorPage {
  constructor(readonly page: Page) {}

  async fitView(): Promise<void> {
    await this.page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await this.page.waitForTimeout(400); // fit view animates for 200 ms
  }

  /** The canvas zoom factor (React Flow's viewport transform). */
  async zoom(): Promise<number> {
    return this.page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);
  }

  /**
   * The zoom once an animated fit/layout has finished. d3-zoom's smooth transition zooms out
   * mid-flight (below both ends), so a read during the animation says nothing about the result.
   */
  async settledZoom(): Promise<number> {
    const viewport = this.page.locator('.react-flow__viewport');
    let previous = '';
    await expect.poll(async () => {
      const current = await viewport.evaluate((el) => getComputedStyle(el).transform);
      const settled = current === previous;
      previous = current;
      return settled;
    }, { intervals: [150], timeout: 10_000 }).toBe(true);
    return this.zoom();
  }

  /**
   * Clicks an edge's drawn path at a fraction of its length, `offset` px to the side of the
   * line (the hit area is wider than the stroke).
   */
  async clickEdgePath(edgeId: string, fraction: number, offset: number): Promise<void> {
    const point = await this.page.getByTestId(`rf__edge-${edgeId}`).locator('path.react-flow__edge-path').evaluate((path: SVGPathElement, [f, off]) => {
      const length = path.getTotalLength();
      const at = path.getPointAtLength(length * f);
      const next = path.getPointAtLength(Math.min(length, length * f + 1));
      const matrix = path.getScreenCTM();
      if (!matrix) throw new Error('edge not rendered');
      const screen = (p: DOMPoint) => new DOMPoint(p.x, p.y).matrixTransform(matrix);
      const a = screen(at);
      const b = screen(next);
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const norm = Math.hypot(dx, dy) || 1;
      return { x: a.x - (dy / norm) * off, y: a.y + (dx / norm) * off };
    }, [fraction, offset] as const);
    await this.page.mouse.click(point.x, point.y);
  }

  node(stepId: string): Locator {
    return this.page.locator(`[data-testid="step-node"][data-step-id="${stepId}"]`);
  }

  /**
   * Clicks the step where the user can see it: the middle of its part inside the canvas. A wide graph is
   * not zoomed out past legibility, so a node can run past the canvas edge, and its own middle can then
   * lie under the inspector (the click landed there, and nothing was selected).
   */
  async selectStep(stepId: string): Promise<void> {
    const node = this.node(stepId);
    await expect(node).toBeVisible();
    const visiblePart = async () => {
      const [box, canvas] = await Promise.all([node.boundingBox(), this.page.getByTestId('canvas').boundingBox()]);
      const left = Math.max(box!.x, canvas!.x);
      const right = Math.min(box!.x + box!.width, canvas!.x + canvas!.width);
      const top = Math.max(box!.y, canvas!.y);
      const bottom = Math.min(box!.y + box!.height, canvas!.y + canvas!.height);
      return { width: right - left, height: bottom - top, whole: right - left >= box!.width - 1 && bottom - top >= box!.height - 1, x: (left + right) / 2, y: (top + bottom) / 2 };
    };
    let part = await visiblePart();
    if (part.width < 16 || part.height < 16) {
      await this.fitView();
      part = await visiblePart();
    }
    if (part.whole) await node.click();
    else await this.page.mouse.click(part.x, part.y);
    await expect(this.page.getByTestId('step-inspector')).toHaveAttribute('data-step-id', stepId);
  }

  /** Drags a new connection out of a node's right handle and drops it on empty canvas. */
  async dragNewStepFrom(nodeId: string, dx: number, dy: number): Promise<void> {
    await this.fitView();
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

  /**
   * Opens a step inspector tab as a user does: its tab on the row, or its item in the row's
   * "More ▾" menu when it does not fit (which tabs fit depends on the window and the labels).
   */
  async openStepTab(tab: 'query' | 'headers' | 'body' | 'auth' | 'outputs' | 'mock' | 'advanced'): Promise<void> {
    const onRow = this.page.getByTestId(`step-tab-${tab}`);
    if (await onRow.isVisible()) await onRow.click();
    else {
      await this.page.getByTestId('step-inspector').getByTestId('tabs-more').click();
      await this.page.getByTestId(`step-tab-${tab}-more`).click();
    }
    await expect(onRow).toHaveAttribute('aria-selected', 'true');
  }

  async addOutput(name: string, path: string): Promise<void> {
    await this.openStepTab('outputs');
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
