/**
 * A step kind added by a test only, end to end in the renderer: the core half
 * (core/test-helpers/steps/transform/) and the renderer half (renderer/test-helpers/steps/transform/),
 * each registered with one line, give a document that validates, runs in mock mode, and is drawn
 * by the real canvas node and inspector. Without its view the same step is drawn as an
 * unsupported kind, without crashing. In real Chromium, the toolbar's "+ Step" offers it beside the
 * HTTP request and adds a step of the kind chosen; with the app's kinds alone it stays one click.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { ReactFlowProvider, type NodeProps } from '@xyflow/react';
import type { ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from '@playwright/test';
import { createMockTransport, createStepKindRegistry, runConnector, STEP_KINDS, validateConnector, type Connector } from '#core';
import { transform } from '#core/test-helpers/steps/transform';
import { transformView } from '../test-helpers/steps/transform/index.js';
import { StepNodeView } from '../canvas/StepNodeView.js';
import { StepInspector } from '../inspector/StepInspector.js';
import { documentToFlow } from '../flow/documentToFlow.js';
import type { StepNode } from '../flow/flowTypes.js';
import { AppStoreProvider } from '../store/AppStoreProvider.js';
import { createAppStore } from '../store/createAppStore.js';
import { APP_STEP_VIEWS } from './registry.js';
import { StepViewsProvider, type StepViews } from './StepViewsContext.js';
import { bundleHarness, launchChromium } from '../testing/chromiumHarness.js';

// The one line each half needs.
const stepKinds = createStepKindRegistry([...STEP_KINDS.kinds.values(), transform]);
const views: StepViews = new Map([...APP_STEP_VIEWS, ['transform', transformView]]);

const document = {
  schemaVersion: 2, id: 'with-transform', name: 'With a transform',
  steps: [
    { id: 'lookup', method: 'POST', url: 'https://api.example.com/contacts/search', outputs: [{ name: 'first', path: '$.first' }], mock: { status: 200, body: { first: 'Ada' } } },
    { id: 'join', kind: 'transform', name: 'Greeting', value: { greeting: 'Hello {{lookup.first}}' }, outputs: [{ name: 'greeting', path: '$.greeting' }] },
  ],
  edges: [{ id: 'e1', source: 'lookup', target: 'join' }],
};

function connector(): Connector {
  const result = validateConnector(document, { stepKinds });
  expect(result.issues).toEqual([]);
  return result.connector as Connector;
}

function nodeMarkup(c: Connector, stepId: string, withViews?: StepViews): string {
  const node = documentToFlow(c, { selectedSteps: new Set() } as never).nodes.find((n) => n.id === stepId) as StepNode;
  // The node's label reads the step's name from the open document.
  const tree = <AppStoreProvider store={createAppStore({ doc: c })}><ReactFlowProvider><StepNodeView {...({ id: node.id, data: node.data, selected: false, type: 'step' } as unknown as NodeProps<StepNode>)} /></ReactFlowProvider></AppStoreProvider>;
  return renderToStaticMarkup(withViews ? <StepViewsProvider views={withViews}>{tree}</StepViewsProvider> : tree);
}

function inspectorMarkup(c: Connector, stepId: string, withViews?: StepViews): string {
  const tree: ReactNode = <AppStoreProvider store={createAppStore({ doc: c })}><StepInspector stepId={stepId} issues={[]} /></AppStoreProvider>;
  return renderToStaticMarkup(withViews ? <StepViewsProvider views={withViews}>{tree}</StepViewsProvider> : tree);
}

// useHost() builds the browser host client off window; these components only render, they never call it.
beforeAll(() => { vi.stubGlobal('window', { location: new URL('http://127.0.0.1/'), fetch: globalThis.fetch, WebSocket: globalThis.WebSocket }); });
afterAll(() => { vi.unstubAllGlobals(); });

describe('a test-only step kind in the renderer', () => {
  it('validates and runs in mock mode with the HTTP step mocked and no request of its own', async () => {
    const c = connector();
    const record = await runConnector(c, { inputs: {}, transport: createMockTransport(c, { stepKinds }), secrets: { get: () => undefined }, stepKinds });
    expect(record.status).toBe('success');
    expect(record.steps.find((s) => s.id === 'join')?.outputs).toEqual({ greeting: 'Hello Ada' });
  });

  it('is drawn on the canvas by its own view, next to an HTTP step drawn by the HTTP view', () => {
    const c = connector();
    const join = nodeMarkup(c, 'join', views);
    expect(join).toContain('data-step-kind="transform"');
    expect(join).toContain('data-testid="transform-badge"');
    expect(join).toContain('builds greeting');
    expect(join).toContain('Greeting');
    expect(join).not.toContain('🔑'); // it sends no request: no auth badge
    const lookup = nodeMarkup(c, 'lookup', views);
    expect(lookup).toContain('class="method method-POST"');
    expect(lookup).toContain('api.example.com/contacts/search');
    expect(lookup).toContain('🔑');
  });

  it('is edited in the inspector by its own editor, with only the common tabs', () => {
    const c = connector();
    const join = inspectorMarkup(c, 'join', views);
    expect(join).toContain('data-testid="transform-value-input"');
    expect(join).toContain('Hello {{lookup.first}}');
    expect(join).not.toContain('step-method-select');
    expect([...join.matchAll(/data-testid="step-tab-([a-z]+)"/g)].map((m) => m[1])).toEqual(['outputs', 'advanced']);
    const lookup = inspectorMarkup(c, 'lookup', views);
    expect(lookup).toContain('data-testid="step-method-select"');
    expect([...lookup.matchAll(/data-testid="step-tab-([a-z]+)"/g)].map((m) => m[1])).toEqual(['query', 'headers', 'body', 'auth', 'outputs', 'mock', 'advanced']);
  });

  it('is shown as an unsupported step kind, not a crash, where its view is not registered', () => {
    const c = connector();
    const node = nodeMarkup(c, 'join');
    expect(node).toContain('data-testid="node-unsupported-kind"');
    expect(node).toContain('Unsupported step kind &quot;transform&quot;');
    const inspector = inspectorMarkup(c, 'join');
    expect(inspector).toContain('data-testid="step-unsupported-kind"');
    expect(inspector).not.toContain('step-name-input');
  });
});

/**
 * The real toolbar button in a page of its own: bundled from these sources with esbuild (the app's
 * own components, the store, Radix's menu) and mounted with the app's kinds, or with the test kind
 * added by the same one line each half needs.
 */
const HARNESS = `
import { createRoot } from 'react-dom/client';
import { createStepKindRegistry, STEP_KINDS, validateConnector } from '#core';
import { transform } from '#core/test-helpers/steps/transform';
import { transformView } from '../test-helpers/steps/transform/index.js';
import { AddStepButton } from '../editor/AddStepButton.js';
import { AppStoreProvider, useAppStore } from '../store/AppStoreProvider.js';
import { createAppStore } from '../store/createAppStore.js';
import { APP_STEP_VIEWS } from './registry.js';
import { StepViewsProvider } from './StepViewsContext.js';

function Toolbar() {
  const doc = useAppStore((s) => s.doc);
  return doc ? <AddStepButton full={false} /> : null;
}

window.mount = (withTransform) => {
  const doc = validateConnector({ schemaVersion: 2, id: 'c', name: 'C', steps: [{ id: 'lookup', url: 'https://api.example.com/' }], edges: [] }).connector;
  const store = createAppStore({ doc });
  store.getState().select({ kind: 'step', stepIds: ['lookup'] });
  window.store = store;
  const stepKinds = withTransform ? createStepKindRegistry([...STEP_KINDS.kinds.values(), transform]) : STEP_KINDS;
  const views = withTransform ? new Map([...APP_STEP_VIEWS, ['transform', transformView]]) : APP_STEP_VIEWS;
  createRoot(document.getElementById('root')).render(
    <AppStoreProvider store={store}><StepViewsProvider views={views} stepKinds={stepKinds}><Toolbar /></StepViewsProvider></AppStoreProvider>,
  );
};
`;

describe('"+ Step" in real Chromium', () => {
  let browser: Browser;
  let script: string;
  beforeAll(async () => {
    script = await bundleHarness(HARNESS, new URL('.', import.meta.url).pathname, 'addStepHarness.tsx');
    browser = await launchChromium();
  });
  afterAll(async () => { await browser?.close(); });

  async function open(withTransform: boolean): Promise<Page> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setContent('<!doctype html><html><body><div id="root"></div></body></html>');
    await page.addScriptTag({ content: script });
    await page.evaluate((flag) => (window as unknown as { mount(flag: boolean): void }).mount(flag), withTransform);
    await page.getByTestId('add-step-button').waitFor();
    expect(errors).toEqual([]);
    return page;
  }
  const steps = (page: Page) => page.evaluate(() => {
    const state = (window as unknown as { store: { getState(): { doc: Connector; selection: { stepIds?: string[] } } } }).store.getState();
    return { steps: state.doc.steps.map((s) => [s.id, s.kind]), edges: state.doc.edges.map((e) => [e.source, e.target]), selected: state.selection.stepIds };
  });

  it('offers the registered kinds in a menu, and choosing the test kind adds a step of that kind after the selected one', async () => {
    const page = await open(true);
    await page.getByTestId('add-step-button').click();
    const items = page.getByRole('menuitem');
    await items.first().waitFor();
    expect(await items.allTextContents()).toEqual(['HTTP request', 'Transform']);
    await page.getByTestId('add-step-transform').click();
    await page.getByRole('menu').waitFor({ state: 'detached' });
    expect(await steps(page)).toEqual({ steps: [['lookup', 'http'], ['step_2', 'transform']], edges: [['lookup', 'step_2']], selected: ['step_2'] });
    // The new step is a valid step of its kind, as the kind makes it.
    const added = await page.evaluate(() => (window as unknown as { store: { getState(): { doc: Connector } } }).store.getState().doc.steps[1]);
    expect(added).toMatchObject({ id: 'step_2', kind: 'transform', value: {}, outputs: [] });
    await page.close();
  });

  it('stays one click with the app\'s kinds alone: an HTTP step, no menu', async () => {
    const page = await open(false);
    await page.getByTestId('add-step-button').click();
    expect(await steps(page)).toEqual({ steps: [['lookup', 'http'], ['step_2', 'http']], edges: [['lookup', 'step_2']], selected: ['step_2'] });
    expect(await page.getByRole('menu').count()).toBe(0);
    await page.close();
  });
});
