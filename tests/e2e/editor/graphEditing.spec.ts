/**
 * Editing the graph directly on the canvas: an edge's path is clickable (generous hit area)
 * and opens its condition editor, Delete removes it; "+ Step" adds after the selected step,
 * linked; a step with no links is drawn as unlinked (no guide lines); conditions are never
 * cut; fit view keeps text legible and clear of the minimap. Then single-step runs with
 * re-extracted upstream outputs, and retries shown while they happen.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { attachScreenshot, expect, test } from './editorFixtures.js';
import { FIT_MIN_ZOOM } from '../pages/editorPage.js';

async function writeConnector(dir: string, doc: Record<string, unknown>): Promise<void> {
  await writeFile(join(dir, `${doc.id as string}.connector.json`), `${JSON.stringify({ schemaVersion: 2, ...doc }, null, 2)}\n`);
}

async function openConnector(page: Page, id: string): Promise<void> {
  await page.locator(`[data-testid="connector-card"][data-connector-id="${id}"] [data-testid="connector-card-name"]`).click();
  await expect(page.locator(`[data-testid="editor"][data-connector-id="${id}"]`)).toBeVisible();
}

const LONG_CONDITION = '{{search.contactId}} !== null && {{search.contactId}} !== "blocked-contact-id"';

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('click an edge to edit its condition, Delete removes it; + Step links after the selection; unlinked steps and long conditions are drawn in full', async ({ page, workspaceDir, editorPage: editor, openEmptyWorkspace }, testInfo) => {
    await writeConnector(workspaceDir, {
      id: 'graph', name: 'Graph',
      steps: [
        { id: 'search', name: 'Search', url: 'https://api.example.com/search', position: { x: 300, y: 0 }, outputs: [{ name: 'contactId', path: '$.id' }] },
        { id: 'details', name: 'Details', url: 'https://api.example.com/contacts/{{search.contactId}}', position: { x: 600, y: 0 } },
        { id: 'lonely', name: 'Lonely', url: 'https://api.example.com/other', position: { x: 450, y: 240 } },
      ],
      edges: [{ id: 'e1', source: 'search', target: 'details', condition: LONG_CONDITION }],
    });
    await openEmptyWorkspace();
    await openConnector(page, 'graph');
    await editor.fitView();

    // A step with no links says so, and no guide line leads to it from start or end.
    await expect(editor.node('lonely').getByTestId('node-unlinked')).toBeVisible();
    await expect(editor.node('search').getByTestId('node-unlinked')).toHaveCount(0);
    await expect(page.locator('.react-flow__edge.edge-virtual[data-id*="lonely"]')).toHaveCount(0);

    // The condition label shows the whole expression (wrapped, not cut with an ellipsis).
    const label = page.locator('[data-testid="edge-label"][data-edge-id="e1"]');
    await expect(label).toHaveText(`if ${LONG_CONDITION}`);
    expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)).toBe(true);

    // Click the edge's path itself, a few pixels off the line: it selects the edge.
    await editor.clickEdgePath('e1', 0.2, 6);
    await expect(page.getByTestId('edge-inspector')).toHaveAttribute('data-edge-id', 'e1');
    await expect(page.getByTestId('condition-editor')).toBeVisible();
    await expect(page.getByTestId('rf__edge-e1')).toHaveClass(/selected/);
    await attachScreenshot(page, testInfo, 'edge-selected');
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('rf__edge-e1')).toHaveCount(0);
    await expect(editor.node('details').getByTestId('node-unlinked')).toBeVisible();

    // "+ Step" with a step selected adds the new step after it, linked.
    await editor.selectStep('search');
    await page.getByTestId('add-step-button').click();
    await expect(page.getByTestId('step-inspector')).toHaveAttribute('data-step-id', 'step_4');
    // The new step's name takes the keyboard: typing names it.
    await expect(page.getByTestId('step-name-input')).toBeFocused();
    await page.keyboard.type('Enrich');
    await expect(editor.nodeName('step_4')).toHaveText('Enrich');
    await expect(editor.node('step_4').getByTestId('node-unlinked')).toHaveCount(0);
    await expect(editor.node('search').getByTestId('node-unlinked')).toHaveCount(0);

    // step_4 went where "details" already was: it was put below it, so "details" can still be clicked.
    // A step added past the canvas's right edge is panned into view, not left behind the inspector.
    await editor.selectStep('details');
    await page.getByTestId('add-step-button').click();
    await expect(page.getByTestId('step-inspector')).toHaveAttribute('data-step-id', 'step_5');
    await expect.poll(async () => {
      const canvas = await page.getByTestId('canvas').boundingBox();
      const node = await editor.node('step_5').boundingBox();
      return Boolean(canvas && node && node.x >= canvas.x && node.x + node.width <= canvas.x + canvas.width && node.y >= canvas.y && node.y + node.height <= canvas.y + canvas.height);
    }).toBe(true);
    await editor.save();
    const saved = JSON.parse(await readFile(join(workspaceDir, 'graph.connector.json'), 'utf8')) as { edges: { source: string; target: string }[] };
    expect(saved.edges).toEqual([expect.objectContaining({ source: 'search', target: 'step_4' }), expect.objectContaining({ source: 'details', target: 'step_5' })]);
  });

  test('auto-layout leaves room for condition labels: none is drawn under a step', async ({ page, workspaceDir, editorPage: editor, openEmptyWorkspace }) => {
    await writeConnector(workspaceDir, {
      id: 'chain', name: 'Chain',
      steps: ['search', 'contact', 'company'].map((id, i) => ({ id, name: `Step ${id}`, url: `https://api.example.com/${id}`, position: { x: 300, y: i * 160 }, outputs: [{ name: 'id', path: '$.id' }] })),
      edges: [
        { id: 'e1', source: 'search', target: 'contact', condition: '{{search.id}} !== null' },
        { id: 'e2', source: 'contact', target: 'company', condition: LONG_CONDITION.replaceAll('search.contactId', 'contact.id') },
      ],
    });
    await openEmptyWorkspace();
    await openConnector(page, 'chain');
    await page.getByRole('button', { name: 'Auto-layout', exact: true }).click();
    await editor.settledZoom();
    const nodes = await Promise.all(['search', 'contact', 'company'].map(async (id) => (await editor.node(id).boundingBox())!));
    for (const edge of ['e1', 'e2']) {
      const label = (await page.locator(`[data-testid="edge-label"][data-edge-id="${edge}"]`).boundingBox())!;
      for (const [i, box] of nodes.entries()) {
        const overlaps = label.x < box.x + box.width && label.x + label.width > box.x && label.y < box.y + box.height && label.y + label.height > box.y;
        expect(overlaps, `the label of ${edge} is under step ${i + 1} after auto-layout`).toBe(false);
      }
    }
  });

  test('fit view and auto-layout keep a 5-step graph legible, its Inputs node inside the canvas, and clear of the minimap', async ({ page, workspaceDir, editorPage: editor, openEmptyWorkspace }, testInfo) => {
    await writeConnector(workspaceDir, {
      id: 'wide', name: 'Wide',
      steps: ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ id, name: `Step ${id}`, url: `https://api.example.com/${id}`, position: { x: 300 + i * 420, y: (i % 2) * 300 } })),
      edges: [{ id: 'e1', source: 'a', target: 'b' }, { id: 'e2', source: 'b', target: 'c' }, { id: 'e3', source: 'c', target: 'd' }, { id: 'e4', source: 'd', target: 'e' }],
    });
    await openEmptyWorkspace();
    await openConnector(page, 'wide');
    // 1280×720: the canvas is too small for a minimap beside the graph, so there is none.
    // 1920×1080: there is one, and fit view keeps every node clear of it.
    for (const viewport of [{ width: 1280, height: 720, minimap: false }, { width: 1920, height: 1080, minimap: true }]) {
      await page.setViewportSize(viewport);
      for (const action of ['Fit view', 'Auto-layout'] as const) {
        await page.getByRole('button', { name: action, exact: true }).click();
        expect(await editor.settledZoom()).toBeGreaterThanOrEqual(FIT_MIN_ZOOM - 0.001);
        // Too wide to fit at a legible zoom, the graph starts at its Inputs node, clear of the left edge and
        // the zoom controls, instead of being centred off the canvas.
        const canvas = (await page.getByTestId('canvas').boundingBox())!;
        const inputs = (await page.locator('.react-flow__node[data-id="__start"]').boundingBox())!;
        expect(inputs.x, `Inputs node left of the canvas after ${action} at ${viewport.width}×${viewport.height}`).toBeGreaterThanOrEqual(canvas.x + 40);
        expect(inputs.y).toBeGreaterThanOrEqual(canvas.y + 16);
        expect(inputs.y + inputs.height).toBeLessThanOrEqual(canvas.y + canvas.height - 16);
        await expect(page.locator('.react-flow__minimap')).toHaveCount(viewport.minimap ? 1 : 0);
        if (!viewport.minimap) continue;
        const minimap = await page.locator('.react-flow__minimap').boundingBox();
        for (const id of ['a', 'b', 'c', 'd', 'e']) {
          const box = await editor.node(id).boundingBox();
          if (!box || !minimap) continue;
          const overlaps = box.x < minimap.x + minimap.width && box.x + box.width > minimap.x && box.y < minimap.y + minimap.height && box.y + box.height > minimap.y;
          expect(overlaps, `${id} under the minimap after ${action} at ${viewport.width}×${viewport.height}`).toBe(false);
        }
      }
    }
    await attachScreenshot(page, testInfo, 'five-steps-fit');
  });
});

test('"Run this step only" re-extracts upstream outputs with the current path, or names the empty one', async ({ page, workspaceDir, sandbox, editorPage: editor, openEmptyWorkspace }) => {
  await writeConnector(workspaceDir, {
    id: 'single', name: 'Single',
    inputs: [{ name: 'phone', type: 'phone', required: true }],
    steps: [
      // A wrong path: the answer is {"results":[{"id":…}]}.
      { id: 'search', name: 'Search contact', url: `${sandbox.url}/search?phone={{phone}}`, position: { x: 300, y: 0 }, outputs: [{ name: 'contactId', path: '$.result.id' }] },
      { id: 'details', name: 'Contact details', url: `${sandbox.url}/contacts/{{search.contactId}}`, position: { x: 600, y: 0 } },
    ],
    edges: [{ id: 'e1', source: 'search', target: 'details' }],
  });
  await openEmptyWorkspace();
  await openConnector(page, 'single');
  await page.getByTestId('run-mode').selectOption('live');
  await page.getByTestId('run-input-phone').fill('+331');
  await page.getByTestId('run-button').click();
  await expect(page.getByTestId('run-status')).not.toHaveText('running', { timeout: 30_000 });

  await editor.selectStep('details');
  const before = sandbox.requests.length;
  await page.getByRole('button', { name: 'Run this step only' }).click();
  await expect(page.getByTestId('run-error')).toHaveText('Not run: "Contact details" (details) uses {{search.contactId}}, but the output contactId of "Search contact" (search) is empty in the last run ($.result.id found nothing in its response). Fix that output\'s path or run the whole connector again.');
  expect(sandbox.requests.length).toBe(before);

  // Fix the path: the same last run now yields the id, and the step sends it.
  await editor.selectStep('search');
  await editor.openStepTab('outputs');
  await page.getByTestId('output-path-input').first().fill('$.results[0].id');
  await editor.selectStep('details');
  await page.getByRole('button', { name: 'Run this step only' }).click();
  await expect(editor.node('details')).toHaveAttribute('data-status', 'success', { timeout: 30_000 });
  expect(sandbox.requests.slice(before)).toEqual(['GET /contacts/c-42']);
});

test('a retry after 429 is shown while it waits, and the result says how many attempts and how long', async ({ page, workspaceDir, editorPage: editor, openEmptyWorkspace }, testInfo) => {
  let hits = 0;
  const server = createServer((_req, res) => {
    hits += 1;
    if (hits === 1) { res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }); res.end('{"error":"slow down"}'); return; }
    res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/limited`;
    await writeConnector(workspaceDir, { id: 'retry', name: 'Retry', steps: [{ id: 'limited', name: 'Limited', url, position: { x: 300, y: 0 } }] });
    await openEmptyWorkspace();
    await openConnector(page, 'retry');
    await page.getByTestId('run-mode').selectOption('live');
    await page.getByTestId('run-button').click();
    await expect(editor.node('limited').getByTestId('node-retry')).toHaveText('retrying (429, waiting 1 s as asked by Retry-After)');
    await attachScreenshot(page, testInfo, 'retrying');
    await expect(page.getByTestId('run-status')).toHaveText('success', { timeout: 30_000 });
    await expect(editor.node('limited').getByTestId('node-retry')).toHaveCount(0);
    await expect(page.locator('[data-testid="step-result"][data-step-id="limited"]').getByTestId('step-attempts-summary')).toHaveText('· 2 attempts · waited 1 s');
    expect(hits).toBe(2);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
